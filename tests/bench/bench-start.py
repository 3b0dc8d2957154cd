#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Time to first frame and peak memory of Prehab on a ten-year journal,
against a blank libadwaita window, in the same run. The two programs
start in turns, so a slow moment of the machine falls on both; the
ratio of the medians is the figure, and the middle half of the rounds'
own ratios shows how far one run can be trusted.
Usage: bench-start.py MAKE_HISTORY BASELINE PREHAB [ROUNDS]
Needs a display (build-aux/bench.sh provides one)."""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

make_history, baseline, prehab = sys.argv[1:4]
rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 20

if not os.environ.get("DISPLAY"):
    print("# no display: run build-aux/bench.sh")
    sys.exit(77)

scratch = tempfile.mkdtemp(prefix="prehab-bench-")
data = os.path.join(scratch, "data")
subprocess.run([make_history, data, "10"], check=True, capture_output=True)

env = dict(os.environ, GSETTINGS_BACKEND="memory", NO_AT_BRIDGE="1",
           PREHAB_BENCH_FIRST_FRAME="1", XDG_DATA_HOME=os.path.join(scratch, "xdg"))


def first_frame(argv):
    begin = time.monotonic()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    for line in proc.stdout:
        if line.startswith("first-frame "):
            elapsed = (time.monotonic() - begin) * 1000
            peak = int(line.split()[1])
            break
    else:
        raise SystemExit(f"{argv[0]} printed no first frame")
    proc.wait(timeout=30)
    return elapsed, peak


results = {"baseline": [], "prehab": []}
try:
    first_frame([baseline])  # warm the caches for both
    first_frame([prehab, "--data-dir", data])
    for _ in range(rounds):
        results["baseline"].append(first_frame([baseline]))
        results["prehab"].append(first_frame([prehab, "--data-dir", data]))
finally:
    shutil.rmtree(scratch, ignore_errors=True)

summary = {}
for name, runs in results.items():
    summary[name] = (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))
    print(f"{name}: first frame {summary[name][0]:.0f} ms, peak memory {summary[name][1] / 1024:.1f} MiB")
round_ratios = statistics.quantiles(
    (p[0] / b[0] for p, b in zip(results["prehab"], results["baseline"])), n=4)
print(f"ratio: first frame {summary['prehab'][0] / summary['baseline'][0]:.2f} "
      f"(middle half of the rounds {round_ratios[0]:.2f}-{round_ratios[2]:.2f}), "
      f"peak memory {summary['prehab'][1] / summary['baseline'][1]:.2f} (targets: 1.25)")
