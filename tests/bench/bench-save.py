#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Time from saving a pain entry in the log dialog to the updated views,
on a ten-year journal: with the Today view shown (the Journal, hidden,
catches up when shown) and with the Journal view shown (both update).
Usage: bench-save.py MAKE_HISTORY PREHAB [ROUNDS]
Needs a display (build-aux/bench.sh provides one)."""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile

make_history, prehab = sys.argv[1:3]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 10

if not os.environ.get("DISPLAY"):
    print("# no display: run build-aux/bench.sh")
    sys.exit(77)

scratch = tempfile.mkdtemp(prefix="prehab-bench-")
data = os.path.join(scratch, "data")
subprocess.run([make_history, data, "10"], check=True, capture_output=True)

try:
    for view in ("today", "journal"):
        env = dict(os.environ, GSETTINGS_BACKEND="memory", NO_AT_BRIDGE="1",
                   PREHAB_BENCH_SAVE=view, PREHAB_BENCH_ROUNDS=str(rounds),
                   XDG_DATA_HOME=os.path.join(scratch, "xdg"))
        out = subprocess.run([prehab, "--data-dir", data], env=env, check=True, timeout=300,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
        runs = [tuple(map(float, line.split()[1:3]))
                for line in out.splitlines() if line.startswith("save-to-view ")]
        if len(runs) != rounds:
            raise SystemExit(f"prehab saved {len(runs)} of {rounds} entries in the {view} view")
        print(f"save to view, {view} view shown: painted after "
              f"{statistics.median(r[0] for r in runs):.1f} ms (views updated after "
              f"{statistics.median(r[1] for r in runs):.1f} ms; target: 16 ms)")
finally:
    shutil.rmtree(scratch, ignore_errors=True)
