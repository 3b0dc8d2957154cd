#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""prehab report: a PDF for a clinician, read back with pdftotext.

A journal is prepared with the start, log and done verbs (today pinned with
PREHAB_TODAY); the report must hold the program's dates, the phases, the
trigger comparisons, a warning sign, a note, the closing statement, and a
footer on every page; a long diary is paginated without cutting a note; an
empty journal gives a one-page report; bad values exit 2 with one line on
stderr and write nothing; a folder that does not exist exits 1.
Prints TAP. Usage: test-cli-report.py PATH_TO_PREHAB"""

import os
import re
import stat
import subprocess
import sys
import tempfile

PREHAB = sys.argv[1]
TODAY = "2026-03-20"
results = []


def run(*args, data=None, today=TODAY):
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env["LANGUAGE"] = "C"
    env["PREHAB_TODAY"] = today
    prefix = ["--data-dir", data] if data else []
    return subprocess.run([PREHAB, *prefix, *args], capture_output=True, text=True, env=env, timeout=120)


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def one_line(stderr):
    lines = [l for l in stderr.splitlines() if l.strip()]
    return len(lines) == 1 and lines[0].startswith("prehab: ")


def pdf_text(path, first=None, last=None):
    args = ["pdftotext", "-enc", "UTF-8"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    text = subprocess.run(args + [path, "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", text)


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def days(first, n):
    import datetime
    start = datetime.date.fromisoformat(first)
    return [(start + datetime.timedelta(days=i)).isoformat() for i in range(n)]


with tempfile.TemporaryDirectory() as tmp:
    data = os.path.join(tmp, "data")
    out = os.path.join(tmp, "out")
    os.mkdir(out)

    # Four weeks of a program: mornings with stress on alternate days
    # (higher), evenings, most sessions done, one with a note.
    r = run("start", "--date", "2026-02-20", "--equipment", "mat,towel,band",
            "--training-days", "mon,wed,fri", data=data)
    assert r.returncode == 0, r.stderr
    for i, day in enumerate(days("2026-02-20", 28)):
        stress = i % 2 == 0
        args = ["log", "--pain", "5" if stress else "3", "--context", "morning", "--at", f"{day} 07:30"]
        if stress:
            args += ["--trigger", "stress"]
        if i == 3:
            args += ["--note", "Stiff neck after a long drive; eased with the breathing."]
        assert run(*args, data=data).returncode == 0
        assert run("log", "--pain", "4", "--context", "evening", "--at", f"{day} 20:00",
                   data=data).returncode == 0
        if i % 5 != 4:
            assert run("done", "--date", day, data=data).returncode == 0
    r = run("log", "--pain", "6", "--flag", "night-pain", "--at", "2026-03-10 03:00",
            "--note", "Woke at night; Ο πόνος ήταν έντονος. 夜中に痛み。", data=data)
    assert r.returncode == 0, r.stderr

    pdf = os.path.join(out, "report.pdf")
    r = run("report", "--output", pdf, data=data)
    check("report writes a PDF", r.returncode == 0 and os.path.exists(pdf), r.stderr)
    check("and says what it wrote, on one line",
          r.stdout.strip() == f"Wrote the report of 2026-02-20 to {TODAY} to {pdf}.", r.stdout)
    check("readable by its owner only", stat.S_IMODE(os.stat(pdf).st_mode) == 0o600,
          oct(os.stat(pdf).st_mode))
    check("no temporary file left beside it", os.listdir(out) == ["report.pdf"], os.listdir(out))

    text = pdf_text(pdf)
    for name, needle in [
        ("the title", "Prehab report"),
        ("the range", "20 Feb 2026 – 20 Mar 2026"),
        ("the start date and week", "20 Feb 2026 (today is in week 5 of 8)"),
        ("the strength days", "Monday, Wednesday, Friday"),
        ("the phase timeline", "Started in the Desensitize phase"),
        ("the adherence table", "Week 1, from 20 Feb 2026"),
        ("the trend", "ratings on 28 days"),
        ("a trigger comparison with day counts", "On days you logged “Stress”, pain averaged"),
        ("the counts of that comparison", "14 days with, 14 without"),
        ("the warning sign, with its date", "10 Mar 2026, 03:00 Constant or night pain (see a doctor soon)"),
        ("a note, with its date", "23 Feb 2026, 07:30 Stiff neck after a long drive; eased with the breathing."),
        ("a note in other scripts", "Ο πόνος ήταν έντονος. 夜中に痛み。"),
        ("the current doses", "Exercise Dose"),
        ("how the plan decides", "How the plan decides"),
        ("the not-a-diagnosis statement",
         "This report is not a diagnosis and does not replace a clinician’s examination."),
    ]:
        check(f"the report holds {name}", needle in text, needle)
    check("it does not claim a cause", "caused" not in text.replace("not what caused what", ""))

    n = pdf_pages(pdf)
    footers = [f"Prehab report · 20 Feb 2026 – 20 Mar 2026 · page {p} of {n}" in pdf_text(pdf, p)
               for p in range(1, n + 1)]
    check("every page has its footer with page N of M", n >= 2 and all(footers), f"{n} {footers}")

    r = run("report", "--output", pdf, "--from", "2026-03-01", "--to", "2026-03-05", data=data)
    text = pdf_text(pdf)
    check("--from and --to limit the range",
          r.returncode == 0 and "1 Mar 2026 – 5 Mar 2026" in text and "long drive" not in text
          and "No warning signs were logged in this period." in text, r.stderr)

    # Validation: exit 2, one line, nothing written.
    for name, args in [
        ("a missing --output", []),
        ("a malformed --from", ["--from", "2026-2-1"]),
        ("an impossible date", ["--to", "2026-02-30"]),
        ("a future --to", ["--to", "2026-03-21"]),
        ("--from after --to", ["--from", "2026-03-10", "--to", "2026-03-01"]),
        ("an unknown option", ["--colour"]),
    ]:
        target = os.path.join(out, "refused.pdf")
        extra = [] if name == "a missing --output" else ["--output", target]
        r = run("report", *extra, *args, data=data)
        check(f"{name} is refused with exit 2 and one line",
              r.returncode == 2 and one_line(r.stderr) and r.stdout == "", f"{r.returncode} {r.stderr!r}")
        check(f"{name} writes nothing", not os.path.exists(target), os.listdir(out))

    r = run("report", "--output", os.path.join(out, "no-such-folder", "r.pdf"), data=data)
    check("a folder that does not exist fails with exit 1 and one line",
          r.returncode == 1 and one_line(r.stderr), f"{r.returncode} {r.stderr!r}")

    before = open(pdf, "rb").read()
    os.chmod(out, 0o500)
    r = run("report", "--output", pdf, data=data)
    os.chmod(out, 0o700)
    check("a folder that cannot be written fails with exit 1 and leaves the old file",
          (r.returncode == 1 and one_line(r.stderr) and open(pdf, "rb").read() == before)
          or os.geteuid() == 0, f"{r.returncode} {r.stderr!r}")

    # A long diary: 250 notes, one of them longer than a page.
    long_data = os.path.join(tmp, "long")
    assert run("start", "--date", "2025-12-01", data=long_data).returncode == 0
    long_note = " ".join(f"word{i}" for i in range(1500)) + " THE-END"
    n_notes = 0
    for i, day in enumerate(days("2025-12-01", 109)):
        for hour in ("08:00", "13:00", "19:00") if i >= 27 else ("08:00",):
            note = long_note if (day == "2026-03-01" and hour == "08:00") else f"Note of {day} {hour}."
            assert run("log", "--pain", "3", "--at", f"{day} {hour}", "--note", note,
                       data=long_data).returncode == 0
            n_notes += 1
    long_pdf = os.path.join(out, "long.pdf")
    r = run("report", "--output", long_pdf, "--from", "2025-12-01", data=long_data)
    text = pdf_text(long_pdf)
    n = pdf_pages(long_pdf)
    check("a long diary lists the latest notes and says how many there are",
          r.returncode == 0 and f"The latest 200 of {n_notes} notes" in text, f"{r.stderr} {n_notes}")
    check("the oldest notes beyond those are left out",
          "Note of 2025-12-01 08:00." not in text and "Note of 2026-03-19 19:00." in text)
    check("a note longer than a page is wrapped, not cut", "word0 word1" in text and "word1499 THE-END" in text)
    check("and runs over several pages", n >= 7 and "THE-END" not in pdf_text(long_pdf, 1, n - 3), n)
    footers = [f"page {p} of {n}" in pdf_text(long_pdf, p) for p in range(1, n + 1)]
    check("every page of a long report is numbered", all(footers), footers)

    # An empty journal, no program: one page that says so.
    empty_pdf = os.path.join(out, "empty.pdf")
    r = run("report", "--output", empty_pdf, data=os.path.join(tmp, "empty"))
    text = pdf_text(empty_pdf)
    check("an empty journal gives a one-page report",
          r.returncode == 0 and pdf_pages(empty_pdf) == 1, r.stderr)
    check("which says no program was started and nothing was logged",
          "No program has been started." in text and "No pain ratings were logged in this period." in text
          and "No notes were written in this period." in text and "not a diagnosis" in text)
    check("and covers the last eight weeks", "24 Jan 2026 – 20 Mar 2026" in text, text[:200])

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok and detail != "":
        print(f"# {detail}")
