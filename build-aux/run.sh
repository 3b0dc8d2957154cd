#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds Prehab and opens its window.
# Arguments are passed to prehab, e.g. build-aux/run.sh --data-dir /tmp/try
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "prehab: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); run this from a desktop session" >&2
  exit 1
fi

export GSETTINGS_SCHEMA_DIR="$BUILD_DIR/data"
exec "$BUILD_DIR/src/prehab" "$@"
