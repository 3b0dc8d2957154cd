#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The migration harness: a journal of every released schema version
(tests/safety/fixtures/schema-N.sql) is opened by the current Prehab, which
upgrades it; every row the person made is still there, the journal is
intact, and the backup taken before migrating holds the journal as it was
and can be put back and upgraded again. Prints TAP.

Usage: test-migrations.py PREHAB FIXTURES_DIR MIGRATIONS_DIR

Add a fixture for each schema version a release ships (see HACKING.md "The
store"): make it with that release's command line and dump it."""

import glob
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

prehab, fixtures_dir, migrations_dir = (os.path.abspath(p) for p in sys.argv[1:4])
latest = max(int(os.path.basename(p)[:4]) for p in glob.glob(os.path.join(migrations_dir, "*.sql")))

# What the person made; the built-in content is re-synced from the catalog
# and is checked by id only.
USER_TABLES = ["enrollment", "enrollment_equipment", "enrollment_flag", "session",
               "session_exercise", "movement_break", "pain_entry", "pain_entry_region",
               "pain_entry_quality", "pain_entry_flag", "pain_entry_trigger", "planner_decision"]
CONTENT_TABLES = {"exercise": "id", "equipment": "id", "program": "id", "pain_trigger": "id"}
ENV = dict(os.environ, LANGUAGE="C", PREHAB_TODAY="2026-10-20")
results = []


def check(ok, what, detail=""):
    results.append((ok, what, detail))


def rows(db, table, columns):
    cols = ", ".join(columns)
    return sorted(db.execute(f"SELECT {cols} FROM {table}").fetchall(), key=repr)


def columns(db, table):
    return [r[1] for r in db.execute(f"PRAGMA table_info({table})")]


def snapshot(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {t: columns(db, t) for t in USER_TABLES}
        data = {t: rows(db, t, cols) for t, cols in tables.items()}
        content = {t: {r[0] for r in db.execute(f"SELECT {key} FROM {t}")}
                   for t, key in CONTENT_TABLES.items()}
        version = db.execute("PRAGMA user_version").fetchone()[0]
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        own = {r[0] for r in db.execute("SELECT name FROM pain_trigger WHERE builtin_id IS NULL")}
    finally:
        db.close()
    return {"tables": tables, "data": data, "content": content, "version": version,
            "integrity": integrity, "own_triggers": own}


def kept(before, after_path):
    """The fixture's rows, in the fixture's columns, all in the upgraded file."""
    db = sqlite3.connect(f"file:{after_path}?mode=ro", uri=True)
    lost = []
    try:
        for table, cols in before["tables"].items():
            now = set(rows(db, table, cols))
            missing = [r for r in before["data"][table] if r not in now]
            if missing:
                lost.append(f"{table}: {len(missing)} of {len(before['data'][table])} rows, e.g. {missing[0]!r}")
        own = {r[0] for r in db.execute("SELECT name FROM pain_trigger WHERE builtin_id IS NULL")}
        if not before["own_triggers"] <= own:
            lost.append(f"own triggers: {sorted(before['own_triggers'] - own)}")
        for table, ids in before["content"].items():
            now = {r[0] for r in db.execute(f"SELECT {CONTENT_TABLES[table]} FROM {table}")}
            if not ids <= now:
                lost.append(f"{table}: ids {sorted(ids - now)[:3]}")
    finally:
        db.close()
    return lost


def run(data_dir, *args):
    return subprocess.run([prehab, "--data-dir", data_dir, *args], capture_output=True,
                          text=True, env=ENV)


fixtures = sorted(glob.glob(os.path.join(fixtures_dir, "schema-*.sql")),
                  key=lambda p: int(re.search(r"schema-(\d+)", p).group(1)))
versions = [int(re.search(r"schema-(\d+)", f).group(1)) for f in fixtures]
check(bool(versions) and versions == sorted(set(versions)),
      f"fixtures for schema versions {versions} (the latest is {latest})")

for fixture in fixtures:
    version = int(re.search(r"schema-(\d+)", fixture).group(1))
    with tempfile.TemporaryDirectory(prefix="prehab-migrate-") as data_dir:
        path = os.path.join(data_dir, "prehab.db")
        db = sqlite3.connect(path)
        db.executescript(open(fixture, encoding="utf-8").read())
        db.execute(f"PRAGMA user_version = {version}")
        db.commit()
        db.close()
        os.chmod(path, 0o600)
        before = snapshot(path)
        counted = sum(len(r) for r in before["data"].values())

        status = run(data_dir, "status", "--json")
        exported = run(data_dir, "export", "--format", "json")
        after = snapshot(path)
        lost = kept(before, path)
        check(status.returncode == 0 and exported.returncode == 0 and after["version"] == latest
              and after["integrity"] == "ok" and not lost,
              f"schema {version}: upgraded to {after['version']}, intact, all {counted} rows of the "
              f"person's kept, status and export read it",
              "\n".join(lost) + status.stderr + exported.stderr)

        backups = sorted(glob.glob(os.path.join(data_dir, "backups", f"prehab-schema{version}-*.db")))
        if version == latest:
            check(True, f"schema {version} is the latest: nothing to migrate, no backup needed")
            continue
        if not backups:
            check(False, f"schema {version}: a backup was taken before migrating",
                  str(os.listdir(data_dir)))
            continue
        saved = snapshot(backups[0])
        check(saved["version"] == version and saved["integrity"] == "ok"
              and saved["data"] == before["data"],
              f"schema {version}: the backup ({os.path.basename(backups[0])}) holds the journal "
              f"as it was")

        # Put the backup back in a fresh folder: it upgrades again, the same.
        with tempfile.TemporaryDirectory(prefix="prehab-restore-") as again:
            shutil.copy(backups[0], os.path.join(again, "prehab.db"))
            os.chmod(os.path.join(again, "prehab.db"), 0o600)
            reopened = run(again, "status", "--json")
            lost = kept(before, os.path.join(again, "prehab.db"))
            check(reopened.returncode == 0 and not lost
                  and snapshot(os.path.join(again, "prehab.db"))["version"] == latest,
                  f"schema {version}: the backup, put back, upgrades again with every row",
                  "\n".join(lost) + reopened.stderr)

print(f"1..{len(results)}")
for i, (ok, what, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {what}")
    if not ok and detail:
        for line in detail.strip().splitlines()[:20]:
            print(f"# {line}")
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
