#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a ten-year journal with make-history (kept in the build folder
between runs) and times the core on it with bench-core.
Usage: bench-core.py MAKE_HISTORY BENCH_CORE"""

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

make_history, bench_core = sys.argv[1], sys.argv[2]
data = os.path.join(os.path.dirname(os.path.abspath(bench_core)),
                    "history-10y-" + os.environ.get("PREHAB_TODAY", "today"))

if not os.path.exists(os.path.join(data, "prehab.db")):
    begin = time.monotonic()
    subprocess.run([make_history, data, "10"], check=True)
    print(f"# wrote the journal in {time.monotonic() - begin:.1f} s")

# bench-core back-fills entries (its last measurements): on a copy, so that
# every run starts from the same journal. The copy has no saved planner
# states yet: the warm-up decision saves them, as on a first start.
with tempfile.TemporaryDirectory() as tmp:
    copy = os.path.join(tmp, "data")
    shutil.copytree(data, copy)
    db = sqlite3.connect(os.path.join(copy, "prehab.db"))
    if db.execute("SELECT 1 FROM sqlite_schema WHERE name = 'planner_checkpoint'").fetchone():
        with db:
            db.execute("DELETE FROM planner_checkpoint")
    db.close()
    out = subprocess.run([bench_core, copy, "20"], check=True, capture_output=True,
                         text=True).stdout
for line in out.splitlines():
    name, median, best = line.split()
    print(f"{name}: median {median} ms, best {best} ms")
