#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the Today and Plan views, driven through AT-SPI.

Usage (see prehab_e2e.py for the display and bus it needs):
    test-today.py PATH_TO_PREHAB

The program is started with `prehab start` on a pinned day (PREHAB_TODAY),
then the window is used the way an assistive technology would: it reads the
day's session, ticks an exercise off with the keyboard, marks the session
done, rates it, and reads the day's cell on the Plan view. What was stored
is read back from the journal with sqlite3.
"""

import os
import sqlite3
import subprocess
import sys
import time

import prehab_e2e
from prehab_e2e import Atspi, find, poll, run_tests

# Room for a busy machine: the tests take about 20 s here.
prehab_e2e.TOTAL_TIMEOUT = 100

TODAY = "2026-11-18"
CELL = "Week 1, Wednesday 18 November"
state = {}

os.environ["PREHAB_TODAY"] = TODAY


def prepare(data_dir):
    env = dict(os.environ, LANGUAGE="C")
    subprocess.run([os.path.abspath(sys.argv[1]), "--data-dir", data_dir, "start"],
                   check=True, capture_output=True, env=env)
    state["journal"] = os.path.join(data_dir, "prehab.db")


def stored_session():
    with sqlite3.connect(f"file:{state['journal']}?mode=ro", uri=True) as db:
        return db.execute("SELECT status, pain_during, pain_after FROM session "
                          "WHERE date = ?", (TODAY,)).fetchone()


def session_rows(app):
    session = find(app, role=Atspi.Role.LIST, name="Today's session")
    if session is None:
        return []
    rows = []
    for i in range(session.get_child_count()):
        row = session.get_child_at_index(i)
        if row is not None and row.get_role() == Atspi.Role.LIST_ITEM:
            rows.append(row.get_name())
    return rows


def test_today_shows_session(app):
    def check():
        rows = session_rows(app)
        check.last = f"rows {rows}"
        return (len(rows) >= 5 and any(r.startswith("Cat-cow") for r in rows)
                and find(app, role=Atspi.Role.LABEL, name="Week 1, Day 1"))
    poll("today's session", check)
    poll('the decision "Start"', lambda: find(app, role=Atspi.Role.LABEL, name="Start"))
    # The session's heading, and how much of it is done (the title wraps at
    # 360 px rather than being cut short).
    poll('the heading "Today\'s Session"',
         lambda: find(app, role=Atspi.Role.LABEL, name="Today's Session"))
    n = len(session_rows(app))
    poll(f'"0 of {n} exercises done"',
         lambda: find(app, role=Atspi.Role.LABEL, name=f"0 of {n} exercises done"))
    return f"{n} exercises: {session_rows(app)}"


def test_tick_shows_on_plan(app):
    check = poll('the tick box "Done: Cat-cow, mid-back bias"',
                 lambda: find(app, role=Atspi.Role.CHECK_BOX, name="Done: Cat-cow, mid-back bias"))
    # GTK 4.8 check boxes expose no action and refuse grab_focus: click
    # them. With no window manager the window sits at 0,0, so its extents
    # are screen coordinates.
    ext = Atspi.Component.get_extents(check, Atspi.CoordType.WINDOW)
    x, y = ext.x + ext.width // 2, ext.y + ext.height // 2
    Atspi.generate_mouse_event(x, y, "abs")
    time.sleep(0.2)
    Atspi.generate_mouse_event(x, y, "b1p")
    time.sleep(0.1)
    Atspi.generate_mouse_event(x, y, "b1r")
    poll("a partial session in the journal",
         lambda: (stored_session() or (None,))[0] == "partial")
    n = len(session_rows(app))
    poll(f'the heading to say "1 of {n} exercises done"',
         lambda: find(app, role=Atspi.Role.LABEL, name=f"1 of {n} exercises done"))

    def cell():
        node = find(app, role=Atspi.Role.PUSH_BUTTON, prefix=CELL)
        cell.last = f"cell {node.get_name() if node else None!r}"
        return node is not None and "session partly done" in node.get_name()
    poll("the Plan view's cell for today to say the session is partly done", cell)
    return find(app, role=Atspi.Role.PUSH_BUTTON, prefix=CELL).get_name()


def test_mark_done_and_rate(app):
    button = poll('the "Mark All Done" button',
                  lambda: find(app, role=Atspi.Role.PUSH_BUTTON, suffix="Mark All Done"))
    Atspi.Action.do_action(button, 0)

    during = poll("the pain-during scale",
                  lambda: find(app, role=Atspi.Role.SLIDER, name="Highest pain during the session"))
    after = poll("the pain-after scale",
                 lambda: find(app, role=Atspi.Role.SLIDER, name="Pain right now"))
    Atspi.Value.set_current_value(during, 3)
    Atspi.Value.set_current_value(after, 2)
    # libadwaita 1.2 names a response button "_Label Label": match the end.
    save = poll('the "Save" response', lambda: find(app, role=Atspi.Role.PUSH_BUTTON, suffix="Save"))
    Atspi.Action.do_action(save, 0)

    def stored():
        row = stored_session()
        stored.last = f"session row {row}"
        return row == ("done", 3, 2)
    poll("the rated session in the journal", stored)

    def cell():
        node = find(app, role=Atspi.Role.PUSH_BUTTON, prefix=CELL)
        cell.last = f"cell {node.get_name() if node else None!r}"
        name = node.get_name() if node else ""
        return "session done" in name and "partly" not in name
    poll("the Plan view's cell for today to say the session is done", cell)
    return find(app, role=Atspi.Role.PUSH_BUTTON, prefix=CELL).get_name()


def stored_breaks():
    with sqlite3.connect(f"file:{state['journal']}?mode=ro", uri=True) as db:
        return db.execute("SELECT count(*) FROM movement_break").fetchone()[0]


def test_movement_break_and_undo(app):
    button = poll('the "Count a Movement Break" button',
                  lambda: find(app, role=Atspi.Role.PUSH_BUTTON, name="Count a Movement Break"))
    before = stored_breaks()
    Atspi.Action.do_action(button, 0)
    poll("the break in the journal", lambda: stored_breaks() == before + 1)
    poll('the row to say "1 taken today"',
         lambda: find(app, role=Atspi.Role.LABEL, name=f"{before + 1} taken today"))

    # Searched from the main window once the toast has settled: GTK 4.8
    # can crash answering for a widget that is still being added
    # (HACKING.md, "Known problems"). The toast lasts five seconds and sits
    # near the top of the window's tree, in the toast overlay: a shallow
    # walk finds it before it goes even on a busy machine, where walking
    # every view would not. libadwaita 1.2 may keep the mnemonic in the
    # button's name.
    time.sleep(0.3)
    window = find(app, role=Atspi.Role.FRAME, name="Prehab", max_depth=1)
    undo = poll('the toast\'s "Undo" button',
                lambda: find(window, role=Atspi.Role.PUSH_BUTTON, suffix="Undo", max_depth=6))
    Atspi.Action.do_action(undo, 0)
    poll("the break gone from the journal after Undo", lambda: stored_breaks() == before)
    after = f"{before} taken today" if before else "None yet today"
    poll(f'the row to say "{after}"',
         lambda: find(app, role=Atspi.Role.LABEL, prefix=after))
    return f"{before + 1} break counted, then undone"


TESTS = [
    ("the Today view shows the day's session", test_today_shows_session),
    ("ticking an exercise off shows on the Plan view's day cell", test_tick_shows_on_plan),
    ("marking the session done and rating it stores both", test_mark_done_and_rate),
    ("a movement break is counted and its toast's Undo takes it back", test_movement_break_and_undo),
]


if __name__ == "__main__":
    sys.exit(run_tests(TESTS, prepare))
