#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the first-run set-up, driven through AT-SPI.

Usage (see prehab_e2e.py for the display and bus it needs):
    test-onboarding.py PATH_TO_PREHAB

Starts the real binary on an empty data folder, where the set-up window
opens by itself, and walks every page the way an assistive technology
would: buttons, switches and day toggles through their actions, check boxes
with a click (GTK 4.8 gives them no action), the start date on the calendar
and the pain scale with the keyboard. Then it asks the command line
(`prehab --data-dir DIR status --json`) what was started.

The day is pinned with PREHAB_TODAY. The set-up window has to be presented
after the main window: with no window manager under Xvfb, the window shown
last is the one on top that takes the keyboard.

PREHAB_E2E_CLI may name another binary for the command-line checks, so that
the test can drive tests/ui/preview-onboarding, which opens the set-up window
on its own: PREHAB_E2E_CLI=build/src/prehab ... test-onboarding.py
build/tests/preview-onboarding
"""

import json
import os
import re
import subprocess
import sys
import time

import prehab_e2e
from prehab_e2e import Atspi, find, has_state, poll, run_tests, walk, window_named

TODAY = "2026-01-07"                # a Wednesday
START = "2026-01-05"                # two days earlier, picked on the calendar
PAIN = 4
DAYS = {"Tuesday", "Thursday", "Saturday"}
ALL_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DAY_IDS = {name: name[:3].lower() for name in ALL_DAYS}
FEVER = "Fever, chills or night sweats?"

KEY_SPACE = 0x20
KEY_RETURN = 0xff0d
KEY_HOME = 0xff50
KEY_LEFT = 0xff51
KEY_RIGHT = 0xff53
KEY_DOWN = 0xff54

os.environ["PREHAB_TODAY"] = TODAY
data_dir = None


def remember_data_dir(path):
    global data_dir
    data_dir = path


# ------------------------------------------------------------------ helpers

def wait_for_page(app, heading):
    def check():
        window = window_named(app, "Set Up Prehab")
        step = find(window, prefix="Step ") if window else None
        check.last = f"step label {step.get_name() if step else None!r}"
        node = find(window, role=Atspi.Role.HEADING, name=heading) if window else None
        return node is not None and window
    return poll(f'the page "{heading}"', check)


def find_node(window, role, name):
    def check():
        check.last = f"no {role.value_nick} named {name!r}"
        return find(window, role=role, name=name)
    return poll(f'the {role.value_nick} "{name}"', check)


def press_button(window, name):
    """Press a push button through its "click" action, once it is enabled."""
    def check():
        check.last = f"no enabled push button named {name!r}"
        button = find(window, role=Atspi.Role.PUSH_BUTTON, name=name)
        if button is not None and has_state(button, Atspi.StateType.SENSITIVE):
            return button
        return None
    button = poll(f'the "{name}" button', check)
    if not Atspi.Action.do_action(button, 0):
        raise RuntimeError(f'do_action(0) on "{name}" returned FALSE')


def click_at(node):
    """A mouse click in the middle of node. With no window manager the
    window sits at 0,0, so its extents are screen coordinates; keyboard
    events then go to the window under the pointer."""
    ext = Atspi.Component.get_extents(node, Atspi.CoordType.WINDOW)
    Atspi.generate_mouse_event(ext.x + ext.width // 2, ext.y + ext.height // 2, "b1c")


def press_key(keysym, times=1):
    for _ in range(times):
        Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
        time.sleep(0.05)


def wait_for_state(node, state, wanted, what):
    def check():
        check.last = "states: " + ", ".join(s.value_nick for s in node.get_state_set().get_states())
        return has_state(node, state) == wanted
    poll(what, check)


def set_switch(window, name, on):
    """Switches expose a "toggle" action."""
    node = find_node(window, Atspi.Role.CHECK_BOX, name)
    if has_state(node, Atspi.StateType.CHECKED) != on:
        Atspi.Action.do_action(node, 0)
    wait_for_state(node, Atspi.StateType.CHECKED, on,
                   f'the switch "{name}" {"on" if on else "off"}')


def set_check_box(window, name, on):
    """Check boxes expose no action on GTK 4.8: click them."""
    node = find_node(window, Atspi.Role.CHECK_BOX, name)
    if has_state(node, Atspi.StateType.CHECKED) != on:
        click_at(node)
    wait_for_state(node, Atspi.StateType.CHECKED, on,
                   f'"{name}" {"checked" if on else "unchecked"}')


def set_toggle(node, name, on):
    """Toggle buttons are push buttons with a PRESSED state."""
    if has_state(node, Atspi.StateType.PRESSED) != on:
        Atspi.Action.do_action(node, 0)
    wait_for_state(node, Atspi.StateType.PRESSED, on, f'"{name}" {"pressed" if on else "released"}')


def start_date_text(window):
    """The chosen start date in words: "Today, Wednesday 7 January 2026"."""
    for node in walk(window):
        name = node.get_name() or ""
        if (node.get_role() == Atspi.Role.LABEL
                and re.fullmatch(r"(Today, )?\w+ \d+ \w+ \d{4}", name)):
            return name
    return None


def label_text(window, prefix):
    node = find(window, role=Atspi.Role.LABEL, prefix=prefix)
    return node.get_name() if node is not None else None


def prehab_status():
    cli = os.environ.get("PREHAB_E2E_CLI") or os.path.abspath(sys.argv[1])
    result = subprocess.run([cli, "--data-dir", data_dir, "status", "--json"],
                            capture_output=True, text=True, timeout=20)
    if result.returncode != 0:
        raise RuntimeError(f"prehab status --json exited {result.returncode}: "
                           f"{result.stderr.strip()}")
    return json.loads(result.stdout)


def enrollment_field(status, name, problems):
    """A field of the started program, at the top of `status --json` or in
    its "enrollment" object; a problem when it is in neither."""
    for holder in (status, status.get("enrollment") or {}):
        if name in holder:
            return holder[name]
    problems.append(f'no "{name}" in prehab status --json (keys: {sorted(status)})')
    return None


# -------------------------------------------------------------------- tests

def test_welcome(app):
    window = wait_for_page(app, "Welcome to Prehab")
    text = " ".join(n.get_name() or "" for n in walk(window)
                    if n.get_role() == Atspi.Role.LABEL)
    for words in ("not a diagnosis", "stays on this computer", "Step 1 of 6"):
        if words not in text:
            raise AssertionError(f"the welcome page does not say {words!r}")
    if find(window, role=Atspi.Role.PUSH_BUTTON, name="Cancel") is None:
        raise AssertionError('no "Cancel" button on the first page')
    press_button(window, "Next")
    return "welcome page read; Next pressed"


def test_safety(app):
    window = wait_for_page(app, "A Quick Safety Check")
    switches = [n for n in walk(window) if n.get_role() == Atspi.Role.CHECK_BOX
                and (n.get_name() or "").endswith("?")]
    if len(switches) != 13:
        raise AssertionError(f"expected 13 red-flag questions, found {len(switches)}")
    if any(has_state(s, Atspi.StateType.CHECKED) for s in switches):
        raise AssertionError("a red-flag question is answered yes before the person did")

    # A "see a doctor" answer shows its advice; taking it back hides it.
    advice = "Book a Doctor’s Appointment"
    set_switch(window, FEVER, True)
    poll(f'the advice "{advice}"', lambda: find(window, role=Atspi.Role.LABEL, name=advice))
    set_switch(window, FEVER, False)
    poll("the advice to go away", lambda: find(window, role=Atspi.Role.LABEL, name=advice) is None)
    press_button(window, "Next")
    return f"{len(switches)} questions, all no; the see-a-doctor advice came and went"


def test_start_date(app):
    window = wait_for_page(app, "When Do You Start?")
    shown = start_date_text(window)
    if shown != "Today, Wednesday 7 January 2026":
        raise AssertionError(f"the start date reads {shown!r}")

    # A day in the last row of the month view is in February: refused.
    calendar = find_node(window, Atspi.Role.FILLER, "Calendar")
    ext = Atspi.Component.get_extents(calendar, Atspi.CoordType.WINDOW)
    Atspi.generate_mouse_event(ext.x + ext.width // 2, ext.y + ext.height - 15, "b1c")
    refusal = "That day is still to come. Choose today or an earlier day."
    poll("the refusal of a future start", lambda: find(window, name=refusal))
    next_button = find_node(window, Atspi.Role.PUSH_BUTTON, "Next")
    wait_for_state(next_button, Atspi.StateType.SENSITIVE, False, "Next to be disabled")

    # Back to today, then two days earlier with the keyboard.
    press_button(window, "Today")
    poll("the start to be today again",
         lambda: start_date_text(window) == "Today, Wednesday 7 January 2026")
    press_key(KEY_LEFT, 2)
    press_key(KEY_SPACE)

    def check():
        check.last = f"label {start_date_text(window)!r}"
        return start_date_text(window) == "Monday 5 January 2026"
    poll("the start date to move two days back", check)
    if find(window, name=refusal) is not None:
        raise AssertionError("the refusal is still shown for a past start")
    press_button(window, "Next")
    return check.last


def test_equipment(app):
    window = wait_for_page(app, "What Do You Have at Hand?")
    for name in ("Exercise mat", "Sturdy chair", "Towel"):
        if not has_state(find_node(window, Atspi.Role.CHECK_BOX, name), Atspi.StateType.CHECKED):
            raise AssertionError(f'"{name}" is not checked by default')

    # Without a mat, the mat exercises of week 1 give way to others.
    set_check_box(window, "Exercise mat", False)
    set_check_box(window, "Foam roller", True)
    press_button(window, "Next")
    return "mat unchecked, foam roller checked"


def test_training_days(app):
    window = wait_for_page(app, "Which Days Suit Strength Work?")
    toggles = {n.get_name(): n for n in walk(window)
               if n.get_role() == Atspi.Role.PUSH_BUTTON and n.get_name() in ALL_DAYS}
    if set(toggles) != set(ALL_DAYS):
        raise AssertionError(f"day toggles found: {sorted(toggles)}")
    chosen = {name for name, node in toggles.items() if has_state(node, Atspi.StateType.PRESSED)}
    if chosen != {"Monday", "Wednesday", "Friday"}:
        raise AssertionError(f"default days are {sorted(chosen)}")

    for name in ALL_DAYS:
        set_toggle(toggles[name], name, name in DAYS)
    summary = label_text(window, "Strength work on ")
    if summary != "Strength work on 3 days a week":
        raise AssertionError(f"the summary reads {summary!r}")
    press_button(window, "Next")
    return f"days {sorted(DAYS)}"


def test_pain_and_start(app):
    window = wait_for_page(app, "How Does It Feel Today?")
    scale = find_node(window, Atspi.Role.SLIDER, "Pain today, 0 to 10")

    # A click gives the scale the focus (and some value); the keys set it.
    click_at(scale)
    wait_for_state(scale, Atspi.StateType.FOCUSED, True, "the pain scale to take the focus")
    press_key(KEY_HOME)
    press_key(KEY_RIGHT, PAIN)

    def value():
        value.last = f"value {Atspi.Value.get_current_value(scale)}"
        return Atspi.Value.get_current_value(scale) == PAIN
    poll(f"the pain scale to read {PAIN}", value)

    # Enter on the scale presses the window's default button.
    find_node(window, Atspi.Role.PUSH_BUTTON, "Start Program")
    press_key(KEY_RETURN)
    poll("the set-up window to close", lambda: window_named(app, "Set Up Prehab") is None)
    return f"pain {PAIN}; Enter pressed Start Program, the window closed"


def test_status(app):
    status = prehab_status()
    problems = []
    if status.get("program") != "neck-mid-back-8":
        problems.append(f"program {status.get('program')!r}")
    day = status.get("day_of_program", status.get("day"))
    if status.get("date") != TODAY or day != 3:
        problems.append(f"date {status.get('date')!r}, day {day!r} "
                        f"(expected day 3 of a program started on {START})")
    if status.get("baseline") != PAIN:
        problems.append(f"baseline {status.get('baseline')!r}, expected the rating {PAIN}")
    if status.get("decision") == "stop" or status.get("see_clinician"):
        problems.append("a stop, though no red flag was answered yes")

    exercises = [item.get("exercise") for item in status.get("session", [])]
    if "cat-cow" in exercises:
        problems.append(f"cat-cow planned without a mat: {exercises}")
    if "seated-thoracic-extension" not in exercises:
        problems.append(f"no chair exercise, though there is a chair: {exercises}")

    days = enrollment_field(status, "training_days", problems)
    if days is None:
        pass
    elif isinstance(days, int):
        expected = sum(1 << ALL_DAYS.index(name) for name in DAYS)
        if days != expected:
            problems.append(f"training_days {days:#x}, expected {expected:#x}")
    elif set(days) != {DAY_IDS[name] for name in DAYS}:
        problems.append(f"training_days {days}, expected {sorted(DAY_IDS[n] for n in DAYS)}")
    equipment = enrollment_field(status, "equipment", problems)
    expected_equipment = {"chair", "towel", "wall", "door-frame", "foam-roller"}
    if equipment is not None and set(equipment) != expected_equipment:
        problems.append(f"equipment {sorted(equipment)}, expected {sorted(expected_equipment)}")

    if problems:
        raise AssertionError("; ".join(problems))
    return f"status: day {day}, baseline {status['baseline']}, session {exercises}"


def test_review(app):
    """The menu's "Program Set-Up…" shows what was saved, without the pain
    question, and Cancel closes it without asking."""
    # The menu button's inner toggle carries the "click" action. It is
    # looked for in the main window's header bar, not through every view.
    def menu_button():
        main = window_named(app, "Prehab")
        menu_button.last = "no main window" if main is None else 'no "Main Menu" button with an action'
        return main and next((n for n in walk(main, max_depth=12) if n.get_role() == Atspi.Role.PUSH_BUTTON
                              and n.get_name() == "Main Menu" and Atspi.Action.get_n_actions(n) > 0),
                             None)
    Atspi.Action.do_action(poll('the "Main Menu" button', menu_button), 0)

    def menu_item():
        menu_item.last = 'no menu item "Program Set-Up…"'
        return find(app, role=Atspi.Role.MENU_ITEM, name="Program Set-Up…")
    item = poll('the menu item "Program Set-Up…"', menu_item)

    # GTK 4.8 gives menu items no action: the open menu takes the keyboard.
    for _ in range(5):
        if has_state(item, Atspi.StateType.FOCUSED):
            break
        press_key(KEY_DOWN)
        time.sleep(0.2)
    wait_for_state(item, Atspi.StateType.FOCUSED, True, f'"{item.get_name()}" to take the focus')
    press_key(KEY_RETURN)

    def review():
        window = window_named(app, "Program Set-Up")
        return window if window and find(window, role=Atspi.Role.HEADING,
                                         name="Review Your Set-Up") else None
    window = poll("the review of the set-up", review)

    problems = []
    step = find(window, prefix="Step ")
    if step is None or step.get_name() != "Step 1 of 5":
        problems.append(f"step label {step.get_name() if step else None!r}, expected 1 of 5")
    if start_date_text(window) != "Monday 5 January 2026":
        problems.append(f"start date {start_date_text(window)!r}")
    pressed = {n.get_name() for n in walk(window) if n.get_role() == Atspi.Role.PUSH_BUTTON
               and n.get_name() in ALL_DAYS and has_state(n, Atspi.StateType.PRESSED)}
    if pressed != DAYS:
        problems.append(f"days {sorted(pressed)}")
    checked = {n.get_name() for n in walk(window) if n.get_role() == Atspi.Role.CHECK_BOX
               and has_state(n, Atspi.StateType.CHECKED)}
    if checked != {"Sturdy chair", "Towel", "Wall", "Door frame", "Foam roller"}:
        problems.append(f"checked {sorted(checked)}")
    if find(window, role=Atspi.Role.SLIDER) is not None:
        problems.append("the review asks for today's pain")
    if problems:
        raise AssertionError("; ".join(problems))

    press_button(window, "Cancel")
    poll("the review to close", lambda: window_named(app, "Program Set-Up") is None)
    return "the review showed the saved answers and closed on Cancel"


TESTS = [
    ("an empty journal opens the set-up on its welcome page", test_welcome),
    ("the safety check asks every question and advises on a yes", test_safety),
    ("the start date can move back on the calendar", test_start_date),
    ("equipment can be unchecked and checked", test_equipment),
    ("training days can be chosen", test_training_days),
    ("the pain scale takes arrow keys and Enter starts the program", test_pain_and_start),
    ("prehab status --json reports the program as it was set up", test_status),
    ('"Program Set-Up…" in the menu shows the saved answers', test_review),
]


if __name__ == "__main__":
    # Seven pages through the accessibility tree take longer than one view.
    prehab_e2e.TOTAL_TIMEOUT = 100
    sys.exit(run_tests(TESTS, prepare=remember_data_dir))
