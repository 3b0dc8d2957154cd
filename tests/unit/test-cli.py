#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command-line contract: exit codes, one clear stderr line, and nothing
written by a verb that fails. Prints TAP. Usage: test-cli.py PATH_TO_PREHAB"""

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

PREHAB = sys.argv[1]
results = []


def run(*args, env_extra=None):
    env = dict(os.environ)
    env.pop("DISPLAY", None)          # verbs must not need a display
    env.pop("WAYLAND_DISPLAY", None)
    env["LANGUAGE"] = "C"
    env.update(env_extra or {})
    return subprocess.run([PREHAB, *args], capture_output=True, text=True, env=env, timeout=60)


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def one_line(stderr):
    lines = [l for l in stderr.splitlines() if l.strip()]
    return len(lines) == 1 and lines[0].startswith("prehab: ")


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


with tempfile.TemporaryDirectory() as tmp:
    data = os.path.join(tmp, "data")

    r = run("--data-dir", data, "exercises", "--json")
    ok = r.returncode == 0
    exercises = json.loads(r.stdout) if ok else []
    check("exercises --json on an empty data dir lists 25 exercises",
          ok and len(exercises) == 25, r.stderr)
    complete = all(
        e["dose"]["sets"] >= 1
        and (e["dose"]["reps"] or e["dose"]["duration_s"])
        and isinstance(e["equipment"], list)
        and e["equipment_label"]
        and e["steps"] and e["cues"] and e["cautions"]
        for e in exercises)
    check("every exercise has a dose, equipment, steps, cues and cautions",
          exercises and complete)
    cat_cow = next((e for e in exercises if e["id"] == "cat-cow"), None)
    check("cat-cow: mat, 4-4 tempo, desensitize",
          cat_cow is not None
          and cat_cow["name"].startswith("Cat-cow")
          and [q["id"] for q in cat_cow["equipment"]] == ["mat"]
          and cat_cow["dose"]["tempo"] == "4-4"
          and "desensitize" in cat_cow["phases"], json.dumps(cat_cow)[:300])
    mode = os.stat(data).st_mode & 0o777
    check("the data folder is private (0700)", mode == 0o700, oct(mode))

    r = run("--data-dir", data, "exercises")
    check("exercises prints one block per exercise",
          r.returncode == 0 and r.stdout.count("\n") == 50 and "Cat-cow" in r.stdout,
          r.stdout[:200])

    r = run(f"--data-dir={data}", "exercises", "--json")
    check("--data-dir=DIR works as well", r.returncode == 0 and len(json.loads(r.stdout)) == 25)

    for args, why in [
        (["--data-dir", data, "dance"], "unknown command"),
        (["--data-dir", data, "exercises", "--colour"], "unknown option of a verb"),
        (["--data-dir", data, "exercises", "extra"], "stray argument"),
        (["--bogus", "exercises"], "unknown global option"),
        (["exercises", "--data-dir"], "an unknown option of a verb"),
        (["--data-dir"], "--data-dir without a value and no command"),
        (["--bogus"], "an unknown option and no command"),
        (["--data-dir", "", "exercises"], "empty --data-dir"),
    ]:
        r = run(*args)
        check(f"usage error exits 2 with one line: {why}",
              r.returncode == 2 and one_line(r.stderr) and r.stdout == "",
              f"rc={r.returncode} stderr={r.stderr!r}")

    # No verb and no display: the window cannot open; one line, exit 1.
    r = run("--data-dir", data)
    check("without a display the window says so in one line and exits 1",
          r.returncode == 1 and one_line(r.stderr) and "display" in r.stderr,
          f"rc={r.returncode} stderr={r.stderr!r}")

    r = run("--help")
    check("--help lists the verbs", r.returncode == 0 and "exercises" in r.stdout, r.stdout)
    r = run("exercises", "--help")
    check("exercises --help lists --json under one usage line",
          r.returncode == 0 and "--json" in r.stdout
          and "Usage:\n  prehab exercises [OPTION…]\n" in r.stdout, r.stdout)

    # Several processes opening one new journal at the same moment: the one
    # that migrates first wins, the others must wait and then find it done.
    failures = []
    for round_ in range(8):
        folder = os.path.join(tmp, f"race-{round_}")
        env = dict(os.environ, LANGUAGE="C")
        env.pop("DISPLAY", None)
        procs = [subprocess.Popen([PREHAB, "--data-dir", folder, "exercises", "--json"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
                 for _ in range(4)]
        for p in procs:
            out, err = p.communicate(timeout=60)
            if p.returncode != 0 or len(json.loads(out or "[]")) != 25:
                failures.append(f"round {round_}: rc={p.returncode} {err.strip()}")
    check("four processes opening a new journal at once all succeed (8 rounds)",
          not failures, "\n".join(failures[:5]))

    # A data folder that cannot exist: failure, exit 1, one line.
    blocker = os.path.join(tmp, "a-file")
    open(blocker, "w").write("not a folder")
    r = run("--data-dir", os.path.join(blocker, "prehab"), "exercises")
    check("an impossible data folder exits 1 with one line",
          r.returncode == 1 and one_line(r.stderr), f"rc={r.returncode} {r.stderr!r}")

    # A journal from a newer Prehab: refused, exit 1, file unchanged.
    newer = os.path.join(tmp, "newer")
    os.makedirs(newer)
    db_path = os.path.join(newer, "prehab.db")
    db = sqlite3.connect(db_path)
    db.executescript("CREATE TABLE t (x); INSERT INTO t VALUES ('precious'); PRAGMA user_version = 999;")
    db.close()
    before = sha256(db_path)
    r = run("--data-dir", newer, "exercises")
    check("a newer journal is refused with exit 1 and left byte-for-byte unchanged",
          r.returncode == 1 and one_line(r.stderr) and "newer version" in r.stderr
          and sha256(db_path) == before, f"rc={r.returncode} {r.stderr!r}")

    # A damaged journal: same.
    damaged = os.path.join(tmp, "damaged")
    os.makedirs(damaged)
    db_path = os.path.join(damaged, "prehab.db")
    with open(db_path, "wb") as f:
        f.write(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    before = sha256(db_path)
    r = run("--data-dir", damaged, "exercises")
    check("a damaged journal is refused with exit 1 and left unchanged",
          r.returncode == 1 and one_line(r.stderr) and sha256(db_path) == before,
          f"rc={r.returncode} {r.stderr!r}")

print(f"1..{len(results)}")
for i, (name, passed, detail) in enumerate(results, 1):
    print(f"{'ok' if passed else 'not ok'} {i} - {name}")
    if not passed and detail:
        for line in str(detail).splitlines()[:10]:
            print(f"# {line}")
sys.exit(0 if all(p for _, p, _ in results) else 1)
