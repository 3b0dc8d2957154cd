#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The export and import verbs: formats, stdout, --output, round trips,
exit codes, one clear stderr line, and nothing written by a verb that
fails. Prints TAP. Usage: test-cli-data.py PATH_TO_PREHAB"""

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile

PREHAB = sys.argv[1]
results = []
TODAY = "2026-03-22"


def run(*args):
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env["LANGUAGE"] = "C"
    env["LC_ALL"] = "C.UTF-8"
    env["PREHAB_TODAY"] = TODAY
    return subprocess.run([PREHAB, *args], capture_output=True, env=env, timeout=60)


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def one_line(stderr):
    lines = [l for l in stderr.decode("utf-8", "replace").splitlines() if l.strip()]
    return len(lines) == 1 and lines[0].startswith("prehab: ")


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def journal_digest(data):
    return digest(os.path.join(data, "prehab.db"))


with tempfile.TemporaryDirectory() as tmp:
    data = os.path.join(tmp, "data")
    note = 'comma, "quote"\r\nnew line 🙂 שלום'
    for args in (["start", "--date", "2026-03-01"],
                 ["log", "--pain", "5", "--region", "neck", "--trigger", "sitting",
                  "--trigger", "Zürich, \"tram\"", "--note", note, "--at", "2026-03-02 08:00"],
                 ["log", "--pain", "3", "--context", "evening", "--at", "2026-03-02 20:00"],
                 ["done", "--date", "2026-03-02", "--pain-during", "2", "--pain-after", "3"]):
        r = run("--data-dir", data, *args)
        check("set-up: " + args[0], r.returncode == 0, r.stderr)

    r = run("--data-dir", data, "export")
    backup = None
    try:
        backup = json.loads(r.stdout)
    except ValueError:
        pass
    check("export writes the JSON backup to stdout by default",
          r.returncode == 0 and backup and backup["format"] == "prehab-backup"
          and backup["version"] == 1 and len(backup["entries"]) == 2
          and backup["entries"][0]["note"] == note, r.stderr)

    out = os.path.join(tmp, "backup.json")
    r = run("--data-dir", data, "export", "--format", "json", "--output", out)
    check("export --output writes the file and nothing on stdout",
          r.returncode == 0 and r.stdout == b"" and os.path.exists(out)
          and (os.stat(out).st_mode & 0o777) == 0o600, r.stderr)
    with open(out, "rb") as f:
        check("the file is what stdout had", f.read() == run("--data-dir", data, "export").stdout)

    r = run("--data-dir", data, "export", "--format", "csv")
    rows = list(csv.reader(io.StringIO(r.stdout.decode("utf-8"), newline="")))
    check("export --format csv gives the pain entries table",
          r.returncode == 0 and rows[0][:3] == ["date_time", "pain", "context"]
          and len(rows) == 3 and rows[1][0] == "2026-03-02T08:00" and rows[1][7] == note
          and rows[1][6] == 'sitting;Zürich, "tram"' and b"\r\n" in r.stdout, r.stdout[:300])

    r = run("--data-dir", data, "export", "--format", "csv", "--table", "sessions")
    rows = list(csv.reader(io.StringIO(r.stdout.decode("utf-8"), newline="")))
    check("--table sessions gives one row per exercise of a session",
          r.returncode == 0 and rows[0][0] == "date" and len(rows) > 2
          and all(row[0] == "2026-03-02" and row[2] == "done" for row in rows[1:]), r.stdout[:300])

    r = run("--data-dir", data, "export", "--help")
    check("export --help names the formats and tables",
          r.returncode == 0 and b"--table" in r.stdout and b"sessions" in r.stdout
          and b"csv" in r.stdout)

    # Round trip through an empty data folder.
    other = os.path.join(tmp, "other")
    r = run("--data-dir", other, "import", out)
    check("import into an empty folder says what was added",
          r.returncode == 0 and r.stdout.decode().strip() == "Imported 2 entries and 1 session.",
          r.stdout + r.stderr)
    again = os.path.join(tmp, "again.json")
    run("--data-dir", other, "export", "--output", again)
    check("export → import → export is byte-identical", digest(out) == digest(again))

    r = run("--data-dir", other, "import", out)
    check("importing the same file again adds nothing",
          r.returncode == 0 and b"Imported 0 entries and 0 sessions" in r.stdout, r.stdout)

    run("--data-dir", other, "log", "--pain", "9", "--at", "2026-03-10 10:00")
    r = run("--data-dir", other, "import", out, "--replace")
    run("--data-dir", other, "export", "--output", again)
    check("import --replace puts the backup's data in place of the journal's",
          r.returncode == 0 and b"Replaced" in r.stdout and digest(out) == digest(again),
          r.stdout + r.stderr)

    # Refused: exit 2, one line, nothing written.
    bad = os.path.join(tmp, "bad.json")
    cases = [
        ("a future version", dict(backup, version=2), b"newer version of Prehab"),
        ("pain 11", None, b"Entry 1 has pain 11"),
        ("not JSON", "hello", b"not JSON"),
        ("cut short", None, b"ends in the middle"),
    ]
    for name, content, words in cases:
        if name == "pain 11":
            broken = json.loads(json.dumps(backup))
            broken["entries"][0]["pain"] = 11
            content = json.dumps(broken)
        elif name == "cut short":
            content = json.dumps(backup)[:200]
        elif not isinstance(content, str):
            content = json.dumps(content)
        with open(bad, "w") as f:
            f.write(content)
        before = journal_digest(other)
        r = run("--data-dir", other, "import", bad)
        check(f"a refused file ({name}) exits 2 with one line and writes nothing",
              r.returncode == 2 and one_line(r.stderr) and words in r.stderr
              and r.stdout == b"" and journal_digest(other) == before, r.stderr)

    for args, why in [
        (["import"], "no file"),
        (["import", out, out], "two files"),
        (["import", os.path.join(tmp, "missing.json")], "a missing file"),
        (["export", "--format", "xml"], "an unknown format"),
        (["export", "--format", "csv", "--table", "moods"], "an unknown table"),
        (["export", "--table", "sessions"], "--table without csv"),
    ]:
        before = journal_digest(other)
        r = run("--data-dir", other, *args)
        check(f"{why} is a usage error (exit 2, one line)",
              r.returncode == 2 and one_line(r.stderr) and journal_digest(other) == before,
              r.stderr)

    # A failed export writes nothing, and leaves an existing file whole.
    locked = os.path.join(tmp, "file-not-folder")
    with open(locked, "w") as f:
        f.write("x")
    r = run("--data-dir", data, "export", "--output", os.path.join(locked, "out.json"))
    check("an export into a folder that cannot be written exits 1 with one line",
          r.returncode == 1 and one_line(r.stderr), r.stderr)

print(f"1..{len(results)}")
for i, (name, passed, detail) in enumerate(results, 1):
    print(f"{'ok' if passed else 'not ok'} {i} - {name}")
    if not passed and detail:
        for line in str(detail).splitlines()[:10]:
            print(f"# {line}")
sys.exit(0 if all(p for _, p, _ in results) else 1)
