#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs "VALGRIND... PREHAB --data-dir TMP exercises --json" on a fresh folder.
# Usage: memcheck-cli.sh VALGRIND [VALGRIND OPTIONS...] PREHAB
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for last; do :; done
count=$(($# - 1))
prehab="$last"
set -- $(printf '%s\n' "$@" | head -n "$count")
"$@" "$prehab" --data-dir "$dir" exercises --json >/dev/null
