#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds Prehab, runs the whole suite under a
# virtual display and a private D-Bus session, and ends with one line:
# "N passed, N failed[, N skipped]". Exits non-zero when anything failed.
set -uo pipefail

# --long: the crash-safety test kills its writer 2000 times, not 200, and
# each fuzzer runs for ten minutes, not twenty seconds.
if [ "${1:-}" = "--long" ]; then
  shift
  export PREHAB_CRASH_RUNS=${PREHAB_CRASH_RUNS:-2000}
  export PREHAB_FUZZ_SECONDS=${PREHAB_FUZZ_SECONDS:-600}
  export PREHAB_FUZZ_SEED=${PREHAB_FUZZ_SEED:-0}
fi

source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" || exit 1

# Nothing of the developer's own session may leak into the tests.
unset DBUS_SESSION_BUS_ADDRESS WAYLAND_DISPLAY
export GSETTINGS_BACKEND=memory
export XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
XDG_DATA_HOME=$scratch/data XDG_CONFIG_HOME=$scratch/config XDG_CACHE_HOME=$scratch/cache

xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- \
  meson test -C "$BUILD_DIR" --print-errorlogs "$@"
meson_status=$?
logs=("$BUILD_DIR/meson-logs/testlog.txt")

# The core's unit, safety and fuzz suites again, built by clang with
# AddressSanitizer and UndefinedBehaviorSanitizer (any finding fails).
# Skipped when arguments pick particular tests.
SANITIZE_DIR=${SANITIZE_DIR:-$top_dir/build-sanitize}
if [ $# -eq 0 ]; then
  if [ ! -f "$SANITIZE_DIR/build.ninja" ]; then
    CC=clang meson setup "$SANITIZE_DIR" "$top_dir" -Dfuzzing=true \
      -Db_sanitize=address,undefined -Db_lundef=false >/dev/null || meson_status=1
  fi
  ninja -C "$SANITIZE_DIR" >/dev/null || meson_status=1
  # Libraries' own lifetime caches (fontconfig) are not leaks of ours.
  LSAN_OPTIONS=suppressions=$top_dir/tests/lsan.supp:print_suppressions=0 \
  meson test -C "$SANITIZE_DIR" --print-errorlogs --suite unit --suite safety --suite fuzz \
    || meson_status=1
  logs+=("$SANITIZE_DIR/meson-logs/testlog.txt")
fi

# Count the TAP results of every test, as meson logged them.
passed=$(cat "${logs[@]}" 2>/dev/null | grep -cE '^ok [0-9]+')
skipped=$(cat "${logs[@]}" 2>/dev/null | grep -cE '^ok [0-9]+.*# *SKIP')
failed=$(cat "${logs[@]}" 2>/dev/null | grep -cE '^not ok [0-9]+')
passed=$(( ${passed:-0} - ${skipped:-0} ))
failed=${failed:-0}

# A test that crashed or timed out may have printed no "not ok" line.
if [ "$meson_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi

if [ "${skipped:-0}" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi

[ "$failed" -eq 0 ] && [ "$meson_status" -eq 0 ]
