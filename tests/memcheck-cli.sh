#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs "prehab --data-dir TMP exercises --json" under valgrind on a fresh folder.
# Usage: memcheck-cli.sh PREHAB VALGRIND [VALGRIND OPTIONS...]
set -eu
prehab="$1"; shift
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$@" "$prehab" --data-dir "$dir" exercises --json >/dev/null
