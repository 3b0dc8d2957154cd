#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one validator and reports it as a single TAP test.
# Usage: validate.sh NAME COMMAND [ARGS...]
name="$1"; shift
echo "1..1"
if output=$("$@" 2>&1); then
  echo "ok 1 - $name"
  exit 0
fi
echo "not ok 1 - $name"
printf '%s\n' "$output" | sed 's/^/# /'
exit 1
