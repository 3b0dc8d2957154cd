#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a ten-year journal with make-history (kept in the build folder
between runs) and times the core on it with bench-core.
Usage: bench-core.py MAKE_HISTORY BENCH_CORE"""

import os
import subprocess
import sys
import time

make_history, bench_core = sys.argv[1], sys.argv[2]
data = os.path.join(os.path.dirname(os.path.abspath(bench_core)),
                    "history-10y-" + os.environ.get("PREHAB_TODAY", "today"))

if not os.path.exists(os.path.join(data, "prehab.db")):
    begin = time.monotonic()
    subprocess.run([make_history, data, "10"], check=True)
    print(f"# wrote the journal in {time.monotonic() - begin:.1f} s")

out = subprocess.run([bench_core, data, "20"], check=True, capture_output=True, text=True).stdout
for line in out.splitlines():
    name, median, best = line.split()
    print(f"{name}: median {median} ms, best {best} ms")
