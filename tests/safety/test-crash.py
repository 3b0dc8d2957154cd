#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Crash safety: a writer adds journal entries through the core calls the
app uses and is killed with SIGKILL at random moments; after every kill,
each entry whose save was reported done is in the journal and SQLite's
integrity check passes. Prints TAP.

Usage: test-crash.py CRASH_WRITER [RUNS]

RUNS defaults to 200, or to $PREHAB_CRASH_RUNS for a longer run
(build-aux/test.sh --long sets it). The moments are drawn from a seeded
generator ($PREHAB_CRASH_SEED, printed) so a failure can be replayed. Some
kills land while the journal is being created and migrated, most in the
middle of saves."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

writer = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else int(os.environ.get("PREHAB_CRASH_RUNS", "200"))
seed = int(os.environ.get("PREHAB_CRASH_SEED", str(int(time.time()))))
rng = random.Random(seed)
failures = []


def journal_notes(path):
    """The notes of every entry, and the integrity check, read without
    writing anything (read-only, so no checkpoint runs here)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        integrity = [row[0] for row in db.execute("PRAGMA integrity_check")]
        keys = [row[0] for row in db.execute("PRAGMA foreign_key_check")]
        if not db.execute("SELECT 1 FROM sqlite_schema WHERE name = 'pain_entry'").fetchone():
            # Killed while the journal was being created: no tables yet.
            return integrity, keys, set(), 0
        notes = {row[0] for row in db.execute("SELECT note FROM pain_entry")}
        orphans = db.execute("SELECT count(*) FROM pain_entry_region r "
                             "LEFT JOIN pain_entry e ON e.id = r.entry_id WHERE e.id IS NULL").fetchone()[0]
    finally:
        db.close()
    return integrity, keys, notes, orphans


with tempfile.TemporaryDirectory(prefix="prehab-crash-") as data_dir:
    path = os.path.join(data_dir, "prehab.db")
    acknowledged = set()
    next_number = 0
    mid_save = 0
    started = time.monotonic()

    for run in range(1, runs + 1):
        proc = subprocess.Popen([writer, data_dir, str(next_number)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        # Mostly a few milliseconds into the saves; now and then during
        # start-up, while the journal is opened (or created, on the first).
        delay = rng.uniform(0, 0.004) if rng.random() < 0.2 else rng.uniform(0.005, 0.06)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate()
        if proc.returncode != -signal.SIGKILL:
            failures.append(f"run {run}: the writer stopped by itself ({proc.returncode}): "
                            f"{err.decode(errors='replace').strip()}")
            break

        numbers = [int(line) for line in out.decode().split()]
        acknowledged.update(numbers)
        if numbers:
            next_number = numbers[-1] + 1
            mid_save += 1
        # A save that was under way may or may not have landed: the next
        # run starts past it so that numbers stay unique.
        next_number += 1

        if not os.path.exists(path):
            if acknowledged:
                failures.append(f"run {run}: the journal is gone")
                break
            continue
        integrity, keys, notes, orphans = journal_notes(path)
        lost = sorted(n for n in acknowledged if f"entry {n}" not in notes)
        if integrity != ["ok"] or keys or orphans or lost:
            failures.append(f"run {run} (after {delay * 1000:.1f} ms): integrity {integrity[:3]}, "
                            f"foreign keys {keys[:3]}, orphan regions {orphans}, "
                            f"lost {len(lost)} saved entries {lost[:5]}")
            break

    # At the end the core itself opens the journal (its quick_check and
    # migrations) and sees at least every acknowledged entry.
    count = subprocess.run([writer, data_dir, "--count"], capture_output=True, text=True)
    elapsed = time.monotonic() - started

print("1..3")
print(f"# seed {seed} ({runs} runs, {len(acknowledged)} saves acknowledged, "
      f"{mid_save} runs killed after a save, {elapsed:.1f} s)")
print(("ok" if not failures else "not ok")
      + f" 1 - after each of {runs} kills, every saved entry is there and the journal is intact")
for failure in failures:
    print(f"# {failure}")
print(("ok" if mid_save >= runs // 2 else "not ok")
      + f" 2 - most kills land after saves have begun ({mid_save} of {runs})")
core_ok = count.returncode == 0 and int(count.stdout.strip() or -1) >= len(acknowledged)
print(("ok" if core_ok else "not ok")
      + f" 3 - the core opens the journal afterwards and lists {count.stdout.strip() or '?'} entries"
      + f" (at least {len(acknowledged)})")
if count.returncode != 0:
    print(f"# {count.stderr.strip()}")
sys.exit(0 if not failures and mid_save >= runs // 2 and core_ok else 1)
