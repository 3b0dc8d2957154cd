#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command-line contract: exit codes, one clear stderr line, and nothing
written by a verb that fails. Prints TAP. Usage: test-cli.py PATH_TO_PREHAB"""

import datetime
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

# The program's verbs: start, log, done, status. "Today" is pinned, so every
# answer below is the same on any day the tests run.

TODAY = "2026-03-22"       # a Sunday
START = "2026-03-01"       # three weeks before, also a Sunday
PHASES = {"desensitize", "mobilize", "strengthen", "maintain"}
DECISIONS = {"start", "advance", "hold", "regress", "stop"}


def day(offset):
    return (datetime.date.fromisoformat(START) + datetime.timedelta(days=offset)).isoformat()


def prehab(data, *args, today=TODAY, env_extra=None):
    return run("--data-dir", data, *args, env_extra={"PREHAB_TODAY": today, **(env_extra or {})})


def dump(data):
    """Every row of every table, sorted: compared before and after a verb.
    Contents rather than bytes, because of the write-ahead log."""
    path = os.path.join(data, "prehab.db")
    if not os.path.exists(path):
        return None
    db = sqlite3.connect(path)
    try:
        tables = [name for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: sorted(db.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        db.close()


def query(data, sql, *params):
    db = sqlite3.connect(os.path.join(data, "prehab.db"))
    try:
        return db.execute(sql, params).fetchall()
    finally:
        db.close()


def status_json(data, date=None, today=TODAY):
    args = ["status", "--json"] + (["--date", date] if date else [])
    r = prehab(data, *args, today=today)
    try:
        return r, json.loads(r.stdout)
    except ValueError:
        return r, None


def contract_problems(answer, date):
    """What `status --json` lacks of the contract in ARCHITECTURE.md."""
    if not isinstance(answer, dict):
        return ["not an object"]
    problems = []
    for key, kind in [("date", str), ("program", str), ("week", int), ("day", int),
                      ("phase", str), ("decision", str), ("reasons", list),
                      ("see_clinician", bool), ("session", list)]:
        if key not in answer:
            problems.append(f"no {key}")
        elif type(answer[key]) is not kind:
            problems.append(f"{key} is {type(answer[key]).__name__}")
    if problems:
        return problems
    if answer["date"] != date:
        problems.append(f"date {answer['date']} != {date}")
    if answer["phase"] not in PHASES:
        problems.append(f"phase {answer['phase']}")
    if answer["decision"] not in DECISIONS:
        problems.append(f"decision {answer['decision']}")
    if not answer["reasons"] or not all(isinstance(x, str) and x for x in answer["reasons"]):
        problems.append("reasons are not a non-empty list of strings")
    if not 1 <= answer["week"] or not 1 <= answer["day"] <= 7:
        problems.append(f"week {answer['week']} day {answer['day']}")
    if not answer["session"]:
        problems.append("empty session")
    for item in answer["session"]:
        if not isinstance(item, dict) or not isinstance(item.get("exercise"), str):
            problems.append(f"session item {item!r}")
            continue
        for key in ("sets", "reps", "hold_s", "duration_s"):
            if key not in item or not (item[key] is None or type(item[key]) is int):
                problems.append(f"{item['exercise']}: {key}")
        if type(item.get("per_side")) is not bool:
            problems.append(f"{item['exercise']}: per_side")
        if not (item.get("sets") or 0) >= 1 or not (item.get("reps") or item.get("duration_s")):
            problems.append(f"{item['exercise']}: no dose")
    return problems


def refused(data, args, why, rc=2, today=TODAY, env_extra=None):
    """A verb that must fail with @rc, one stderr line and no write."""
    before = dump(data)
    r = prehab(data, *args, today=today, env_extra=env_extra)
    after = dump(data)
    check(f"refused with exit {rc}, one line, nothing written: {why}",
          r.returncode == rc and one_line(r.stderr) and r.stdout == "" and before == after,
          f"rc={r.returncode} stdout={r.stdout[:100]!r} stderr={r.stderr!r} "
          f"changed={before != after}")


with tempfile.TemporaryDirectory() as tmp:
    data = os.path.join(tmp, "program")

    # Before the start: status has nothing to answer from; log already works.
    for args in (["status"], ["status", "--json"]):
        r = prehab(data, *args)
        check(f"{' '.join(args)} before start exits 1 with one line naming “prehab start”",
              r.returncode == 1 and one_line(r.stderr) and "prehab start" in r.stderr
              and r.stdout == "", f"rc={r.returncode} {r.stderr!r}")
    r = prehab(data, "done")
    check("done before start exits 1 with one line",
          r.returncode == 1 and one_line(r.stderr), f"rc={r.returncode} {r.stderr!r}")
    r = prehab(data, "log", "--pain", "4", "--context", "evening", "--at", f"{day(-3)} 21:15")
    check("log works before the program is started",
          r.returncode == 0 and r.stderr == ""
          and query(data, "SELECT logged_at, context, pain FROM pain_entry")
          == [(f"{day(-3)} 21:15", "evening", 4)], f"rc={r.returncode} {r.stderr!r}")

    r = prehab(data, "start", "--date", START)
    check("start --date three weeks ago",
          r.returncode == 0 and r.stderr == "" and START in r.stdout
          and query(data, "SELECT start_date, training_days, ended_at FROM enrollment")
          == [(START, 0b10101, None)]
          and [e for (e,) in query(data, "SELECT equipment_id FROM enrollment_equipment ORDER BY 1")]
          == ["chair", "door-frame", "mat", "towel", "wall"],
          f"rc={r.returncode} {r.stderr!r}")

    # Twenty green days: a settled morning rating, the day's status, then the
    # whole session done with low pain.
    answers = {}
    failures = []
    for i in range(20):
        r = prehab(data, "log", "--pain", "2", "--context", "morning", "--at", f"{day(i)} 07:30")
        if r.returncode != 0:
            failures.append(f"log {day(i)}: {r.stderr.strip()}")
        r, answers[i] = status_json(data, day(i))
        if r.returncode != 0:
            failures.append(f"status {day(i)}: {r.stderr.strip()}")
        r = prehab(data, "done", "--date", day(i), "--pain-during", "2", "--pain-after", "1")
        if r.returncode != 0 or day(i) not in r.stdout:
            failures.append(f"done {day(i)}: {r.stderr.strip()}")
    check("twenty days of log, status and done all succeed", not failures, "\n".join(failures[:5]))

    problems = [f"{day(i)}: {p}" for i, a in answers.items() for p in contract_problems(a, day(i))]
    check("status --json has every key of the contract, with the right types, every day",
          not problems, "\n".join(problems[:10]))
    check("status --json names the program",
          answers[0] and answers[0]["program"] == "neck-mid-back-8", json.dumps(answers[0])[:200])

    def summary(i):
        a = answers.get(i) or {}
        return (a.get("week"), a.get("day"), a.get("phase"), a.get("decision"), a.get("see_clinician"))

    check("day 1: week 1, day 1, desensitize, decision start",
          summary(0) == (1, 1, "desensitize", "start", False), summary(0))
    check("days 2 to 5 stay in desensitize and hold",
          all(summary(i)[2:4] == ("desensitize", "hold") for i in range(1, 5)),
          [summary(i) for i in range(1, 5)])
    check("day 6, after five green days with settled mornings: advance to mobilize",
          summary(5) == (1, 6, "mobilize", "advance", False)
          and answers[5]["phase_from"] == "desensitize", summary(5))
    check("days 7 to 10 stay in mobilize",
          all(summary(i)[2] == "mobilize" for i in range(6, 10)), [summary(i) for i in range(6, 10)])
    check("day 11, after ten days of mobility work: advance to strengthen",
          summary(10) == (2, 4, "strengthen", "advance", False)
          and answers[10]["phase_from"] == "mobilize", summary(10))
    check("no green day asks to see a clinician",
          not any(a["see_clinician"] for a in answers.values()))
    weekdays = {i: datetime.date.fromisoformat(day(i)).weekday() for i in range(20)}
    wrong = [day(i) for i in range(10, 20)
             if answers[i]["training"] != (weekdays[i] in (0, 2, 4))]
    check("in strengthen, strength days fall on the default mon, wed, fri", not wrong, wrong)
    check("a session done is kept with its planned exercises",
          query(data, "SELECT count(*), min(status), max(status) FROM session")
          == [(20, "done", "done")]
          and query(data, "SELECT count(*) FROM session_exercise WHERE completed = 0") == [(0,)]
          and query(data, "SELECT pain_during, pain_after FROM session WHERE date = ?", day(3))
          == [(2, 1)])
    check("each status recorded one decision in the audit trail",
          query(data, "SELECT count(*), count(DISTINCT date) FROM planner_decision") == [(20, 20)]
          and query(data, "SELECT decision, phase_from, phase_to FROM planner_decision WHERE date = ?",
                    day(5)) == [("advance", "desensitize", "mobilize")])

    # A red session: the next day eases off.
    prehab(data, "log", "--pain", "2", "--context", "morning", "--at", f"{day(20)} 07:30")
    r = prehab(data, "done", "--date", day(20), "--pain-during", "7", "--pain-after", "6")
    check("done --pain-during 7 on day 21", r.returncode == 0, r.stderr)
    r = prehab(data, "log", "--pain", "2", "--context", "morning")
    check("log without --at is dated now, on the pinned day",
          r.returncode == 0 and f"at {TODAY} " in r.stdout
          and query(data, "SELECT count(*) FROM pain_entry WHERE logged_at LIKE ?", TODAY + " %")
          == [(1,)], r.stdout + r.stderr)
    r, regress = status_json(data)
    check("the day after a red session: decision regress, with a reason naming the red zone",
          r.returncode == 0 and not contract_problems(regress, TODAY)
          and regress["decision"] == "regress" and not regress["see_clinician"]
          and any("red zone" in x for x in regress["reasons"]),
          json.dumps(regress)[:400] if regress else r.stderr)
    check("status without --date answers for today: week 4, day 1",
          regress and (regress["week"], regress["day"]) == (4, 1), json.dumps(regress)[:200])

    # A red flag: stop, see a clinician.
    r = prehab(data, "log", "--pain", "3", "--flag", "fever")
    check("log --flag fever says a doctor should check",
          r.returncode == 0 and "doctor" in r.stdout, r.stdout + r.stderr)
    r, stop = status_json(data)
    check("after a red flag: decision stop, see_clinician true, no strength day",
          r.returncode == 0 and not contract_problems(stop, TODAY)
          and stop["decision"] == "stop" and stop["see_clinician"] is True
          and stop["training"] is False and any("doctor" in x for x in stop["reasons"]),
          json.dumps(stop)[:400] if stop else r.stderr)
    check("re-deciding today with new data updates today's row of the audit trail",
          query(data, "SELECT decision, see_clinician FROM planner_decision WHERE date = ?", TODAY)
          == [("stop", 1)]
          and query(data, "SELECT count(*) FROM planner_decision") == [(21,)])
    r = prehab(data, "status")
    check("status as text shows the decision and the advice",
          r.returncode == 0 and "Decision:" in r.stdout and "See a clinician: yes" in r.stdout,
          r.stdout + r.stderr)

    # Earlier days answer from the data up to that day, whatever came later.
    changed = []
    for i in (0, 4, 5, 10, 15, 19):
        r, again = status_json(data, day(i))
        if again != answers[i]:
            changed.append(f"{day(i)}: {summary(i)} then "
                           f"{(again or {}).get('phase')}/{(again or {}).get('decision')}")
    check("status --date D gives the same answer before and after later data is added",
          not changed, "\n".join(changed))
    r, answer = status_json(data, day(4), today=day(4))
    check("status --date D is the same whatever day today is",
          answer == answers[4], json.dumps(answer)[:200] if answer else r.stderr)

    # Validation: exit 2, one line, nothing written. A third element is
    # the environment to run in.
    UTF8 = {"LC_ALL": "C.UTF-8"}
    for args, why, *env in [
        (["start", "--date", "2026-02-30"], "start, a day that does not exist"),
        (["start", "--date", "yesterday"], "start, a word for a date"),
        (["start", "--date", "2026-1-5"], "start, a date without leading zeros"),
        (["start", "--date", "2026-03-23"], "start, tomorrow"),
        (["start", "--date", ""], "start, an empty date"),
        (["start", "--equipment", "mat,bogus"], "start, unknown equipment"),
        (["start", "--equipment", "MAT"], "start, equipment in capitals"),
        (["start", "--equipment", "mon"], "start, a weekday as equipment"),
        (["start", "--training-days", "mon,funday"], "start, an unknown weekday"),
        (["start", "--training-days", "mat"], "start, equipment as a weekday"),
        (["start", "--training-days", ""], "start, no training day"),
        (["start", "--training-days", ","], "start, only a comma"),
        (["start", "extra"], "start, a stray argument"),
        (["log"], "log without --pain"),
        (["log", "--context", "morning"], "log with a context but without --pain"),
        (["log", "--pain", "-1"], "log --pain -1"),
        (["log", "--pain", "11"], "log --pain 11"),
        (["log", "--pain", "5.5"], "log --pain 5.5"),
        (["log", "--pain", "abc"], "log --pain abc"),
        (["log", "--pain", ""], "log --pain ''"),
        (["log", "--pain", "99999999999999"], "log --pain beyond an int"),
        (["log", "--pain", "3", "--context", "noon"], "log, unknown context"),
        (["log", "--pain", "3", "--context", "Morning"], "log, context in capitals"),
        (["log", "--pain", "3", "--region", "neck", "--region", "knee"], "log, unknown region"),
        (["log", "--pain", "3", "--quality", "itchy"], "log, unknown quality"),
        (["log", "--pain", "3", "--flag", "fever", "--flag", "hiccups"], "log, unknown flag"),
        (["log", "--pain", "3", "--trigger", ""], "log, empty trigger"),
        (["log", "--pain", "3", "--trigger", "   "], "log, blank trigger"),
        (["log", "--pain", "3", "--trigger", "x" * 201], "log, a trigger name of 201 characters"),
        (["log", "--pain", "3", "--at", "2026-02-30 08:00"], "log --at a day that does not exist"),
        (["log", "--pain", "3", "--at", "yesterday"], "log --at a word"),
        (["log", "--pain", "3", "--at", "2026-1-5 08:00"], "log --at without leading zeros"),
        (["log", "--pain", "3", "--at", "2026-03-20"], "log --at without a time"),
        (["log", "--pain", "3", "--at", "2026-03-20 24:00"], "log --at 24:00"),
        (["log", "--pain", "3", "--at", "2026-03-23 08:00"], "log --at tomorrow"),
        (["log", "--pain", "3", "stray"], "log, a stray argument"),
        (["log", "--pain", "0x3"], "log --pain in hexadecimal"),
        (["log", "--pain", " 4"], "log --pain with a leading space"),
        (["log", "--pain", "4 "], "log --pain with a trailing space"),
        (["log", "--pain", "+5"], "log --pain with a plus sign"),
        (["log", "--pain", "-0"], "log --pain -0"),
        (["log", "--pain", "1e1"], "log --pain 1e1"),
        (["log", "--pain", "\u0663"], "log --pain in Arabic-Indic digits", UTF8),
        (["log", "--pain", "3", "--pain", "11"], "log --pain given twice, the last out of range"),
        (["log", "--pain", "3", "--bogus"], "log, an unknown option"),
        (["log", "--pain", "3", "--note"], "log --note without its text"),
        (["log", "--pain", "3", "--context", ""], "log, an empty context"),
        (["log", "--pain", "3", "--region", "knee", "--region", "neck"],
         "log --region twice, the first unknown"),
        (["log", "--pain", "3", "--region", ""], "log, an empty region"),
        (["log", "--pain", "3", "--region", "neck,ribs"], "log, regions joined by a comma"),
        (["log", "--pain", "3", "--quality", ""], "log, an empty quality"),
        (["log", "--pain", "3", "--flag", ""], "log, an empty flag"),
        (["log", "--pain", "3", "--trigger", "\x01\x02"], "log, a trigger of only control characters"),
        (["log", "--pain", "3", "--trigger", "two\nlines"], "log, a trigger with a line break"),
        (["log", "--pain", "3", "--trigger", "tab\there"], "log, a trigger with a tab inside"),
        (["log", "--pain", "3", "--trigger", "x\u2028y"], "log, a trigger with a line separator", UTF8),
        (["log", "--pain", "3", "--trigger", "\u00a0\u200b"], "log, a trigger of only invisible spaces",
         UTF8),
        (["log", "--pain", "3", "--trigger", "stress", "--trigger", "  "],
         "log, a good trigger and a blank one"),
        (["log", "--pain", "3", "--trigger", "caf\udce9"], "log, a trigger that is not UTF-8", UTF8),
        (["log", "--pain", "3", "--note", "\udcff\udcfe"], "log --note of bytes that are never UTF-8",
         UTF8),
        (["log", "--pain", "3", "--note", "ok \udcc0\udcaf"], "log --note with an overlong sequence",
         UTF8),
        (["log", "--pain", "3", "--note", "cut \udcf0\udc9f\udc98"], "log --note with a cut-off emoji",
         UTF8),
        (["log", "--pain", "3", "--note", "\udced\udca0\udc80"], "log --note with an encoded surrogate",
         UTF8),
        (["log", "--pain", "3", "--at", "2026-03-20 08:00:00"], "log --at with seconds"),
        (["log", "--pain", "3", "--at", "2026-03-20T08:00"], "log --at in ISO form with a T"),
        (["log", "--pain", "3", "--at", "2026-03-20 08:00 "], "log --at with a trailing space"),
        (["log", "--pain", "3", "--at", "2026-03-20 8:00"], "log --at, an hour of one digit"),
        (["log", "--pain", "3", "--at", ""], "log --at ''"),
        (["done", "--pain-during", "-1"], "done --pain-during -1"),
        (["done", "--pain-during", "11"], "done --pain-during 11"),
        (["done", "--pain-during", "5.5"], "done --pain-during 5.5"),
        (["done", "--pain-during", "abc"], "done --pain-during abc"),
        (["done", "--pain-after", "-1"], "done --pain-after -1"),
        (["done", "--pain-after", "11"], "done --pain-after 11"),
        (["done", "--pain-after", "5.5"], "done --pain-after 5.5"),
        (["done", "--pain-after", "abc"], "done --pain-after abc"),
        (["done", "--date", "2026-02-30"], "done, a day that does not exist"),
        (["done", "--date", "yesterday"], "done, a word for a date"),
        (["done", "--date", "2026-1-5"], "done, a date without leading zeros"),
        (["done", "--date", "2026-03-23"], "done, tomorrow"),
        (["done", "--date", "2026-02-28"], "done, the day before the start"),
        (["done", "--date", day(2), "--exercise", "bird-dog"],
         "done --exercise not in that day's session"),
        (["done", "--exercise", "no-such-exercise"], "done --exercise unknown"),
        (["done", "--exercise", ""], "done --exercise ''"),
        (["status", "--date", "2026-02-30"], "status, a day that does not exist"),
        (["status", "--date", "yesterday"], "status, a word for a date"),
        (["status", "--date", "2026-1-5"], "status, a date without leading zeros"),
        (["status", "--date", "2026-03-23"], "status, tomorrow"),
        (["status", "--date", "2026-02-28"], "status, the day before the start"),
        (["status", "--json", "more"], "status, a stray argument"),
    ]:
        refused(data, args, why, env_extra=env[0] if env else None)

    # A validation error on a folder that does not exist yet creates nothing.
    fresh = os.path.join(tmp, "fresh")
    for args in (["log", "--pain", "11"], ["start", "--date", "2026-02-30"],
                 ["done", "--pain-after", "12"], ["status", "--date", "2026-1-5"],
                 ["log", "--help"]):
        r = prehab(fresh, *args)
        if os.path.exists(fresh):
            break
    check("validation errors and --help create no data folder", not os.path.exists(fresh),
          " ".join(args))

    # Starting again ends the run in progress and keeps its history.
    sessions_before = query(data, "SELECT * FROM session ORDER BY id")
    r = prehab(data, "start", "--equipment", "mat,band,dumbbell", "--training-days", "tue,thu")
    rows = query(data, "SELECT id, start_date, training_days, ended_at IS NOT NULL FROM enrollment ORDER BY id")
    check("a second start ends the first and keeps its sessions",
          r.returncode == 0 and "has ended" in r.stdout and len(rows) == 2
          and rows[0][1:] == (START, 0b10101, 1) and rows[1][1:] == (TODAY, 0b01010, 0)
          and query(data, "SELECT * FROM session ORDER BY id") == sessions_before,
          f"{rows} {r.stdout!r} {r.stderr!r}")
    check("the new run keeps its equipment",
          [e for (e,) in query(data, "SELECT equipment_id FROM enrollment_equipment "
                                     "WHERE enrollment_id = ? ORDER BY 1", rows[-1][0])]
          == ["band", "dumbbell", "mat"])
    r, fresh_start = status_json(data)
    check("the new run starts today at week 1, day 1; today's red flag still stops it",
          fresh_start and (fresh_start["week"], fresh_start["day"]) == (1, 1)
          and fresh_start["decision"] == "stop",
          json.dumps(fresh_start)[:300] if fresh_start else r.stderr)
    refused(data, ["status", "--date", day(5)], "status for a day of the ended run")

    # Done: one exercise, then the rest.
    parts = os.path.join(tmp, "parts")
    prehab(parts, "start", "--date", day(18))
    r, plan = status_json(parts, day(19))
    ids = [item["exercise"] for item in plan["session"]] if plan else []
    r = prehab(parts, "done", "--date", day(19), "--exercise", ids[0] if ids else "x",
               "--pain-during", "3")
    check("done --exercise records a partial session",
          r.returncode == 0
          and query(parts, "SELECT status, pain_during, pain_after FROM session") == [("partial", 3, None)]
          and query(parts, "SELECT exercise_id FROM session_exercise WHERE completed = 1")
          == [(ids[0],)], f"{r.stderr!r} {query(parts, 'SELECT * FROM session')}")
    r = prehab(parts, "done", "--date", day(19), *sum((["--exercise", x] for x in ids[1:]), []),
               "--pain-after", "2")
    check("ticking the rest makes it done and keeps the pain already given",
          r.returncode == 0
          and query(parts, "SELECT status, pain_during, pain_after FROM session") == [("done", 3, 2)]
          and query(parts, "SELECT count(*) FROM session_exercise WHERE completed = 1") == [(len(ids),)],
          r.stderr)

    # Triggers: created on first use, then found again whatever the case.
    trig = os.path.join(tmp, "triggers")
    for name in ("Desk chair", "DESK CHAIR", "  desk chair  ", "sitting", "long SITTING",
                 "Computer work"):
        r = prehab(trig, "log", "--pain", "3", "--trigger", name, "--at", f"{day(1)} 10:00")
        if r.returncode != 0:
            break
    own = query(trig, "SELECT id, name FROM pain_trigger WHERE builtin_id IS NULL")
    links = query(trig, "SELECT coalesce (t.builtin_id, t.name) FROM pain_entry_trigger pt "
                        "JOIN pain_trigger t ON t.id = pt.trigger_id ORDER BY pt.entry_id")
    check("a new trigger is created on first use and reused, ignoring case, after",
          r.returncode == 0 and own == [(own[0][0], "Desk chair")] if own else False,
          f"{own} {r.stderr!r}")
    check("built-in triggers are found by id and by name, ignoring case",
          links == [("Desk chair",)] * 3 + [("sitting",), ("sitting",), ("computer-work",)], links)
    r = prehab(trig, "log", "--pain", "3", "--trigger", "stress", "--trigger", "Stress",
               "--trigger", "nap", "--at", f"{day(1)} 11:00")
    check("one entry with the same trigger twice links it once",
          r.returncode == 0
          and query(trig, "SELECT count(*) FROM pain_entry_trigger WHERE entry_id = "
                          "(SELECT max(id) FROM pain_entry)") == [(2,)], r.stderr)
    r = prehab(trig, "log", "--pain", "3", "--flag", "fever", "--flag", "chest-pain",
               "--at", f"{day(1)} 11:30")
    check("an emergency flag says to call for help right away",
          r.returncode == 0 and "emergency" in r.stdout and "doctor" not in r.stdout
          and query(trig, "SELECT flag FROM pain_entry_flag ORDER BY 1")
          == [("chest-pain",), ("fever",)], r.stdout + r.stderr)
    r = prehab(trig, "log", "--pain", "5", "--context", "after", "--region", "neck",
               "--region", "between-shoulder-blades", "--quality", "ache", "--quality", "stiffness",
               "--at", f"{day(1)} 12:00")
    check("regions and qualities are kept",
          r.returncode == 0
          and query(trig, "SELECT region FROM pain_entry_region ORDER BY 1")
          == [("between-shoulder-blades",), ("neck",)]
          and query(trig, "SELECT quality FROM pain_entry_quality ORDER BY 1")
          == [("ache",), ("stiffness",)], r.stderr)

    # --help: exit 0, the options and their accepted values.
    for verb, words in [
        ("start", ["--date", "--equipment", "--training-days", "foam-roller", "door-frame", "trx",
                   "mon", "sun"]),
        ("log", ["--pain", "--context", "--region", "--quality", "--flag", "--trigger", "--note",
                 "--at", "morning", "other", "between-shoulder-blades", "arm-right", "numbness",
                 "chest-pain", "spreading-numbness", "computer-work"]),
        ("done", ["--date", "--exercise", "--pain-during", "--pain-after"]),
        ("status", ["--date", "--json"]),
    ]:
        r = prehab(data, verb, "--help")
        missing = [w for w in words if w not in r.stdout]
        check(f"{verb} --help exits 0 under one usage line and lists {', '.join(words[:4])}…",
              r.returncode == 0 and not missing and r.stderr == ""
              and f"Usage:\n  prehab {verb} [OPTION…]\n" in r.stdout,
              f"rc={r.returncode} missing={missing}")
    r = prehab(data, "--help", "log")
    check("prehab --help log shows the help of log",
          r.returncode == 0 and "spreading-numbness" in r.stdout, r.stdout[:200])
    r = run("--help")
    check("prehab --help lists the new verbs",
          r.returncode == 0 and all(f" {v} " in r.stdout for v in ("start", "log", "done", "status")),
          r.stdout)

    # Odd text round-trips.
    odd = os.path.join(tmp, "odd")
    utf8 = {"LC_ALL": "C.UTF-8"}
    # One argument can hold at most 128 KiB on Linux (MAX_ARG_STRLEN); the
    # 1 MB note goes through the C API in test-schedule.c.
    long_note = ("Line of a long note, with a tab\tand more. " * 3000)[:120000]
    r = prehab(odd, "log", "--pain", "1", "--note", long_note, "--at", f"{day(0)} 09:00",
               env_extra=utf8)
    check("a note of 120 000 characters round-trips",
          r.returncode == 0
          and query(odd, "SELECT note FROM pain_entry ORDER BY id DESC LIMIT 1") == [(long_note,)],
          r.stderr[:200])
    strange = ("Rücken 😖🧘‍♀️ ألم في الرقبة שלום \u202eevil\u202c \u200d\ufeff "
               "tab\there\r\nnew line\x01\x07\x1b[31mred\x1b[0m \u0301 '; DROP TABLE pain_entry; --")
    r = prehab(odd, "log", "--pain", "2", "--note", strange, "--trigger", "Zürich 🚋",
               "--at", f"{day(0)} 10:00", env_extra=utf8)
    check("a note with emoji, right-to-left text and control characters round-trips",
          r.returncode == 0
          and query(odd, "SELECT note FROM pain_entry ORDER BY id DESC LIMIT 1") == [(strange,)]
          and query(odd, "SELECT name FROM pain_trigger WHERE builtin_id IS NULL") == [("Zürich 🚋",)],
          r.stderr[:200])
    refused(odd, ["log", "--pain", "2", "--note", "caf\udce9"],
            "a note that is not UTF-8", env_extra=utf8)
    refused(odd, ["log", "--pain", "2", "--note", "Rücken"],
            "text the C locale cannot read", env_extra={"LC_ALL": "C"})

print(f"1..{len(results)}")
for i, (name, passed, detail) in enumerate(results, 1):
    print(f"{'ok' if passed else 'not ok'} {i} - {name}")
    if not passed and detail:
        for line in str(detail).splitlines()[:10]:
            print(f"# {line}")
sys.exit(0 if all(p for _, p, _ in results) else 1)
