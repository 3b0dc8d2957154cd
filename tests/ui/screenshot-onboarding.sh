#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Takes a picture of one page of the set-up window through the developer's
# preview. Run under a display and a bus, with xvfb-run OUTSIDE
# dbus-run-session; the screen size is the largest the window can be:
#
#   xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
#     tests/ui/screenshot-onboarding.sh build/tests/preview-onboarding /tmp/safety.png --page 2
#   ... --page 2 --dark
#   xvfb-run -a -s "-screen 0 360x720x24" dbus-run-session -- \
#     tests/ui/screenshot-onboarding.sh build/tests/preview-onboarding /tmp/narrow.png \
#     --page 5 --width 360 --height 720
#
# Options after OUTPUT.png go to the preview (see preview-onboarding.c).
# PREHAB_TODAY=YYYY-MM-DD makes the dates repeatable.

set -eu

if [ $# -lt 2 ]; then
  echo "usage: $0 PREVIEW OUTPUT.png [preview options]" >&2
  exit 2
fi
preview=$1
output=$2
shift 2

: "${DISPLAY:?run under xvfb-run}"
export GSETTINGS_BACKEND=memory
export GSK_RENDERER=cairo
export NO_AT_BRIDGE=1

raw=$(mktemp --suffix=.png)
trap 'rm -f "$raw"; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true' EXIT

"$preview" --quit-after 30 "$@" &
pid=$!

# Wait for the window to map, then for its last frame.
tries=0
until xwininfo -root -children 2>/dev/null | grep -q '"\(Set Up Prehab\|Program Set-Up\)"'; do
  tries=$((tries + 1))
  if [ $tries -gt 100 ] || ! kill -0 "$pid" 2>/dev/null; then
    echo "$0: the set-up window did not appear" >&2
    exit 1
  fi
  sleep 0.1
done
sleep 1.5

# Park the pointer in a corner so that no tooltip or hover shows.
if command -v xdotool >/dev/null; then
  xdotool mousemove 4000 4000
fi

import -window root "$raw"
geometry=$(xwininfo -root -children |
  sed -n 's/.*"\(Set Up Prehab\|Program Set-Up\)": ([^)]*)  *\([0-9]*x[0-9]*+[-0-9]*+[-0-9]*\).*/\2/p' |
  head -n 1)
/usr/bin/convert "$raw" -crop "$geometry" +repage "png:$output"
echo "wrote $output ($geometry)"
