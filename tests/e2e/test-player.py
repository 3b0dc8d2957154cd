#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the guided session player, driven through AT-SPI.

Usage (see prehab_e2e.py for the display and bus it needs):
    test-player.py PATH_TO_PREHAB

The program is started with `prehab start` on a pinned day (PREHAB_TODAY).
The session is started from the Today view; the first exercise (three
minutes of breathing) runs for a few seconds, is paused and resumed, then
every step is skipped, by button and by key, to the finish page. The pain
ratings and a note are saved; the journal, the Plan view and `prehab
status` of the next day must show a partial session with what was done.
A second run is stopped with Escape: Keep Going resumes, Discard leaves the
journal as it was.
"""

import atexit
import json
import os
import re
import sqlite3
import subprocess
import sys
import time

import prehab_e2e
from prehab_e2e import Atspi, GLib, find, main_window, poll, run_tests, walk, window_named

TODAY = "2026-11-18"
NEXT_DAY = "2026-11-19"
CELL = "Week 1, Wednesday 18 November"
KEY_LEFT = 0xff51
KEY_RIGHT = 0xff53
KEY_ESCAPE = 0xff1b
state = {}

os.environ["PREHAB_TODAY"] = TODAY
# Fourteen steps, each skipped and waited for, take a while.
prehab_e2e.TOTAL_TIMEOUT = 110


def start_session_manager(data_dir):
    """A stand-in session manager that records Inhibit and Uninhibit, on
    the bus before the app starts (GTK looks for it at start-up)."""
    calls = os.path.join(data_dir, "session-manager.jsonl")
    manager = subprocess.Popen([sys.executable, os.path.join(os.path.dirname(__file__),
                                                             "fake_session_manager.py"), calls])
    atexit.register(manager.terminate)
    state["calls"] = calls
    deadline = time.monotonic() + 10
    while not (os.path.exists(calls) and open(calls, encoding="utf-8").read()):
        if time.monotonic() > deadline or manager.poll() is not None:
            raise RuntimeError("the stand-in session manager did not start")
        time.sleep(0.05)


def inhibitions():
    """The cookies of the idle inhibitions asked for and not yet released,
    and how many were asked for in all."""
    held, asked = [], 0
    with open(state["calls"], encoding="utf-8") as calls:
        for line in calls:
            entry = json.loads(line)
            if entry.get("call") == "Inhibit":
                if entry["flags"] & 8 and entry["reason"] == "A guided session is running":
                    held.append(entry["cookie"])
                    asked += 1
            elif entry.get("call") == "Uninhibit" and entry["cookie"] in held:
                held.remove(entry["cookie"])
    return held, asked


def wait_inhibited(wanted, what):
    def check():
        held, asked = inhibitions()
        check.last = f"held {held} of {asked}"
        return bool(held) == wanted
    poll(what, check)


def prepare(data_dir):
    start_session_manager(data_dir)
    env = dict(os.environ, LANGUAGE="C")
    subprocess.run([os.path.abspath(sys.argv[1]), "--data-dir", data_dir, "start"],
                   check=True, capture_output=True, env=env)
    out = subprocess.run([os.path.abspath(sys.argv[1]), "--data-dir", data_dir, "status", "--json"],
                         check=True, capture_output=True, env=env, text=True)
    state["plan"] = json.loads(out.stdout)["session"]
    state["data_dir"] = data_dir
    state["journal"] = os.path.join(data_dir, "prehab.db")


def query(sql, *args):
    with sqlite3.connect(f"file:{state['journal']}?mode=ro", uri=True) as db:
        return db.execute(sql, args).fetchall()


def journal_sessions():
    return (query("SELECT date, status, pain_during, pain_after, note FROM session ORDER BY id"),
            query("SELECT * FROM session_exercise ORDER BY session_id, position"))


def player(app):
    return window_named(app, "Guided Session")


def closed(window):
    """Whether a window has gone, asked of the window itself."""
    try:
        window.clear_cache()
        return not window.get_state_set().contains(Atspi.StateType.SHOWING)
    except GLib.Error:
        return True


def leave_dialog(app):
    """The dialog Escape opens: a window of its own, found among the app's
    top-level windows (walking the whole app would be slow)."""
    def check():
        app.clear_cache()
        names = []
        for i in range(app.get_child_count()):
            child = app.get_child_at_index(i)
            if child is None:
                continue
            names.append(child.get_name())
            if find(child, role=Atspi.Role.PUSH_BUTTON, suffix="Keep Going"):
                return child
        check.last = f"windows {names}"
        return None
    return poll("the dialog asking before leaving", check)


def press(node, what):
    if not Atspi.Action.do_action(node, 0):
        raise RuntimeError(f"do_action(0) on {what} returned FALSE")


def button(root, name=None, suffix=None):
    what = f'the "{name or suffix}" button'
    return poll(what, lambda: find(root, role=Atspi.Role.PUSH_BUTTON, name=name, suffix=suffix))


def find_step_panel(window):
    """The step's content, whose accessible name is the step's kind,
    exercise and detail, e.g. "Go: Cat-cow, mid-back bias"."""
    for node in walk(window):
        if node.get_role() == Atspi.Role.PANEL and re.match(
                r"^(Get Ready|Go|Rest|Switch Sides|Paused): ", node.get_name() or ""):
            return node
    return None


def fresh_name(node):
    node.clear_cache()
    return node.get_name() or ""


def step_name(window):
    panel = state.get("panel")
    if panel is None or state.get("panel_window") != window:
        panel = poll("the step's content", lambda: find_step_panel(window))
        state["panel"], state["panel_window"] = panel, window
    return fresh_name(panel)


def find_countdown(window):
    for node in walk(window):
        if node.get_role() == Atspi.Role.LABEL and re.fullmatch(r"\d+:\d\d", node.get_name() or ""):
            return node
    return None


def countdown(window):
    """Seconds on the big countdown (found once per step), or None."""
    node = poll("the countdown", lambda: find_countdown(window))
    text = fresh_name(node)
    if not re.fullmatch(r"\d+:\d\d", text):
        return None
    minutes, seconds = text.split(":")
    return int(minutes) * 60 + int(seconds)


def press_key(window, keysym):
    """Keys go to the window under the pointer (no window manager)."""
    ext = Atspi.Component.get_extents(window, Atspi.CoordType.WINDOW)
    Atspi.generate_mouse_event(ext.x + ext.width // 2, ext.y + 60, "abs")
    time.sleep(0.1)
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)


def session_over(window):
    """The play button stands disabled once the session is over."""
    pause = state["pause"]
    pause.clear_cache()
    return not pause.get_state_set().contains(Atspi.StateType.SENSITIVE)


def wait_step_change(window, before, what):
    def check():
        now = step_name(window)
        over = session_over(window)
        check.last = f"step {now!r}; over: {over}"
        return now != before or over
    poll(what, check)


def finish_title(window):
    for title in ("Session Done", "Session Ended Early", "Nothing to Save"):
        if find(window, role=Atspi.Role.LABEL, name=title):
            return title
    return None


def start_session(app):
    start = button(main_window(app), name="Start Session")
    press(start, '"Start Session"')
    window = poll("the guided session window", lambda: player(app))
    state["pause"] = button(window, name="Pause")
    step_name(window)
    return window


# ------------------------------------------------------------------- tests


def test_start_from_today(app):
    window = start_session(app)
    state["player"] = window
    # On a slow machine the ten seconds of getting ready may be over before
    # the step's content is found: the breathing itself is as good a start.
    first = poll('"Get Ready: Diaphragmatic breathing"',
                 lambda: re.match(r"(Get Ready|Go): Diaphragmatic breathing", step_name(window) or ""))
    pause = button(window, name="Pause")
    description = pause.get_description()
    if not re.match(r"(Get Ready|Go): Diaphragmatic breathing", description or ""):
        raise AssertionError(f"the play button's description does not say the step: {description!r}")
    for name in ("Previous Step", "Next Step", "Mute Sounds"):
        button(window, name=name)
    wait_inhibited(True, "the screen kept on while the session runs")
    return f"{step_name(window)!r}; Pause described as {description!r} ({first.group(0)})"


def test_timed_step_runs_and_pauses(app):
    window = state["player"]
    before = step_name(window)
    if before.startswith("Get Ready: "):
        press(button(window, name="Next Step"), '"Next Step"')
        wait_step_change(window, before, "the breathing itself")
    if not step_name(window).startswith("Go: Diaphragmatic breathing"):
        raise AssertionError(f"expected the breathing, got {step_name(window)!r}")

    # Let three seconds of the three minutes run.
    def counted():
        left = countdown(window)
        counted.last = f"countdown {left}"
        return left is not None and left <= 177
    poll("three seconds of breathing", counted)

    press(button(window, name="Pause"), '"Pause"')
    resume = button(window, name="Resume")
    wait_inhibited(False, "the screen allowed to sleep while paused")
    poll('"Paused" in the step', lambda: (step_name(window) or "").startswith("Paused: "))
    held = countdown(window)
    time.sleep(1.2)
    if countdown(window) != held:
        raise AssertionError(f"the countdown moved while paused: {held} -> {countdown(window)}")
    press(resume, '"Resume"')
    button(window, name="Pause")
    wait_inhibited(True, "the screen kept on again after resuming")
    poll("the step after resuming", lambda: (step_name(window) or "").startswith("Go: "))
    return f"paused at {held} s left, resumed; idle inhibited {inhibitions()[1]} times so far"


def test_skip_to_the_end(app):
    window = state["player"]
    skips = 0
    # Back from the start of a step goes to the previous one, by key.
    before = step_name(window)
    press_key(window, KEY_RIGHT)
    wait_step_change(window, before, "the Right key to skip")
    skips += 1
    after_right = step_name(window)
    press_key(window, KEY_LEFT)
    wait_step_change(window, after_right, "the Left key to go back")
    if step_name(window) != before:
        raise AssertionError(f"Left went to {step_name(window)!r}, not back to {before!r}")

    seen = [before]
    skip = button(window, name="Next Step")
    while not session_over(window):
        before = step_name(window)
        press(skip, '"Next Step"')
        wait_step_change(window, before, f"the step after {before!r}")
        skips += 1
        if not session_over(window):
            seen.append(step_name(window))
        if skips > 40:
            raise AssertionError("the session did not end after 40 skips")

    for expected in ("Switch Sides: Side-lying open book", "Go: Side-lying open book, Left side",
                     "Go: Side-lying open book, Right side", "Get Ready: Movement break"):
        if not any(s.startswith(expected) for s in seen):
            raise AssertionError(f"no step {expected!r} among {seen}")
    title = poll("the finish page", lambda: finish_title(window))
    if title != "Session Ended Early":
        raise AssertionError(f"finish page says {title!r}")
    return f"{skips} skips through {len(seen)} steps to {title!r}"


def test_rate_and_save(app):
    window = state["player"]
    summary = poll("the summary", lambda: find(window, role=Atspi.Role.LIST, name="What you did"))
    rows = [(summary.get_child_at_index(i).get_name(), summary.get_child_at_index(i).get_description())
            for i in range(summary.get_child_count())]
    # The breathing ran for a few seconds: how many depends on the machine.
    if not re.fullmatch(r"[0-2]:\d\d of 3:00", rows[0][1]) or rows[0][1].startswith("0:00") \
            or rows[1][1] == "Done in full":
        raise AssertionError(f"the summary says {rows}")
    during = poll("the pain-during scale",
                  lambda: find(window, role=Atspi.Role.SLIDER, name="Highest pain during the session"))
    after = poll("the pain-after scale",
                 lambda: find(window, role=Atspi.Role.SLIDER, name="Pain right now"))
    Atspi.Value.set_current_value(during, 6)
    Atspi.Value.set_current_value(after, 4)
    note = poll("the note", lambda: find(window, role=Atspi.Role.TEXT, name="Note (optional)"))
    Atspi.EditableText.set_text_contents(note, "Stopped early for a call")
    main = main_window(app)
    press(button(window, suffix="Save"), '"Save"')

    # The player closes and the toast shows at once. The toast lasts five
    # seconds: look for it from the first moment, and only near the top of
    # the main window's tree, where the toast overlay puts it.
    seen = set()

    def closed_with_toast():
        if "toast" not in seen and find(main, role=Atspi.Role.LABEL, name="Session saved", max_depth=6):
            seen.add("toast")
        if "closed" not in seen and closed(window):
            seen.add("closed")
        closed_with_toast.last = f"seen {sorted(seen)}"
        return len(seen) == 2
    poll('the player to close and the toast "Session saved"', closed_with_toast)

    def stored():
        rows_now = query("SELECT status, pain_during, pain_after, note FROM session WHERE date = ?", TODAY)
        stored.last = f"session rows {rows_now}"
        return rows_now == [("partial", 6, 4, "Stopped early for a call")]
    poll("the partial session in the journal", stored)

    exercises = query("SELECT se.exercise_id, se.done_sets, se.done_reps, se.done_duration_s, se.completed "
                      "FROM session_exercise se JOIN session s ON s.id = se.session_id "
                      "WHERE s.date = ? ORDER BY se.position", TODAY)
    first = exercises[0]
    if first[0] != "diaphragmatic-breathing" or first[1] != 0 or first[4] != 0 \
            or first[3] is None or not 3 <= first[3] < 180:
        raise AssertionError(f"breathing recorded as {first}")
    # The rest were skipped as soon as the test could: whatever ran of
    # them before the skip landed counts, but none was done in full.
    planned = {e["exercise"]: e for e in state["plan"]}
    for exercise_id, sets, reps, seconds, completed in exercises[1:]:
        whole = planned[exercise_id]
        if completed != 0 or sets not in (None, 0) \
                or (reps or 0) >= (whole["reps"] or 1) or (seconds or 0) >= (whole["duration_s"] or 1):
            raise AssertionError(f"{exercise_id} recorded as {sets, reps, seconds, completed}")

    wait_inhibited(False, "the screen allowed to sleep after the session")
    return f"breathing {first[3]} s of 180; summary rows {rows}"


def test_plan_and_status_show_it(app):
    def cell():
        node = find(main_window(app), role=Atspi.Role.PUSH_BUTTON, prefix=CELL)
        cell.last = f"cell {node.get_name() if node else None!r}"
        return node is not None and "session partly done" in node.get_name()
    poll("the Plan view's cell for today to say the session is partly done", cell)

    env = dict(os.environ, LANGUAGE="C", PREHAB_TODAY=NEXT_DAY)
    out = subprocess.run([os.path.abspath(sys.argv[1]), "--data-dir", state["data_dir"],
                          "status", "--json"], check=True, capture_output=True, env=env, text=True)
    status = json.loads(out.stdout)
    if status["decision"] != "regress" or not any("reached 6 out of 10" in r for r in status["reasons"]):
        raise AssertionError(f"the next day's status does not see the session: {status['decision']} "
                             f"{status['reasons']}")
    return f"{find(main_window(app), role=Atspi.Role.PUSH_BUTTON, prefix=CELL).get_name()}; next day: " \
           f"{status['decision']}, {status['reasons'][0]!r}"


def test_escape_asks_and_discard_stores_nothing(app):
    before = journal_sessions()
    window = start_session(app)
    first = step_name(window)
    press(button(window, name="Next Step"), '"Next Step"')
    wait_step_change(window, first, "the breathing")
    poll("a second of breathing", lambda: (countdown(window) or 999) <= 178)

    press_key(window, KEY_ESCAPE)
    dialog = leave_dialog(app)
    keep = button(dialog, suffix="Keep Going")
    button(dialog, suffix="Stop and Save What I Did")
    button(dialog, suffix="Discard")
    press(keep, '"Keep Going"')
    poll("the session to go on", lambda: fresh_name(state["pause"]) == "Pause")

    press_key(window, KEY_ESCAPE)
    press(button(leave_dialog(app), suffix="Discard"), '"Discard"')
    poll("the player to close", lambda: closed(window))
    wait_inhibited(False, "the screen allowed to sleep after Discard")
    time.sleep(0.5)
    if journal_sessions() != before:
        raise AssertionError(f"Discard changed the journal: {before} -> {journal_sessions()}")
    return "Keep Going resumed; Discard left the journal as it was"


TESTS = [
    ("Start Session on the Today view opens the player on the first step", test_start_from_today),
    ("a timed step counts down, pauses and resumes", test_timed_step_runs_and_pauses),
    ("Right, Left and Next Step walk every step to the finish page", test_skip_to_the_end),
    ("the finish page saves a partial session with what was done", test_rate_and_save),
    ("the Plan view and the next day's status see the session", test_plan_and_status_show_it),
    ("Escape asks; Keep Going resumes; Discard stores nothing", test_escape_asks_and_discard_stores_nothing),
]


if __name__ == "__main__":
    sys.exit(run_tests(TESTS, prepare))
