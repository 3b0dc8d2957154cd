#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one libFuzzer target as a TAP test: first over every input in its
# seed corpus and its regressions (inputs that once crashed it: they must
# not crash again), then fuzzing for SECONDS (PREHAB_FUZZ_SECONDS
# overrides it; build-aux/test.sh --long sets 600). New inputs go to a
# temporary folder, never into the source tree. On a crash the input is
# printed in base64: keep it in tests/fuzz/regressions/NAME/.
#
# CI fuzzes from a fixed seed (PREHAB_FUZZ_SEED, default 1), so that a run
# can be repeated and a finding reproduced; --long draws a fresh one (0).
#
# Usage: run-fuzzer.sh NAME FUZZER SEEDS_DIR REGRESSIONS_DIR SECONDS
name=$1 fuzzer=$2 seeds=$3 regressions=$4
seconds=${PREHAB_FUZZ_SECONDS:-$5}
seed=${PREHAB_FUZZ_SEED:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus"

echo "1..2"
status=0
inputs=$(find "$seeds" "$regressions" -type f 2>/dev/null)
count=$(printf '%s\n' "$inputs" | grep -c .)
# shellcheck disable=SC2086
if "$fuzzer" -runs=0 -rss_limit_mb=2048 $inputs >"$work/replay.log" 2>&1; then
  echo "ok 1 - $name: the $count seed and regression inputs run clean"
else
  echo "not ok 1 - $name: a seed or regression input fails"
  status=1
  tail -n 40 "$work/replay.log" | sed 's/^/# /'
fi

if "$fuzzer" "$work/corpus" "$seeds" -max_total_time="$seconds" -seed="$seed" -rss_limit_mb=2048 \
     -timeout=10 -artifact_prefix="$work/" -print_final_stats=1 >"$work/fuzz.log" 2>&1; then
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/fuzz.log")
  echo "ok 2 - $name: ${runs:-?} inputs in ${seconds} s from seed $seed, no crash"
else
  echo "not ok 2 - $name: the fuzzer found a crash (seed $seed)"
  tail -n 60 "$work/fuzz.log" | sed 's/^/# /'
  for artifact in "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*; do
    [ -f "$artifact" ] || continue
    echo "# input $(basename "$artifact") (base64):"
    base64 -w 76 "$artifact" | sed 's/^/# /'
  done
  status=1
fi
exit $status
