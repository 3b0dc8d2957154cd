#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds Prehab and runs the benchmarks
# (tests/bench/) under a virtual display and a private D-Bus session.
# They print figures; they never fail on time.
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" || exit 1

unset DBUS_SESSION_BUS_ADDRESS WAYLAND_DISPLAY
export GSETTINGS_BACKEND=memory

xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- \
  meson test -C "$BUILD_DIR" --benchmark --verbose "$@" 2>&1 | grep -v "^dbus-daemon"
