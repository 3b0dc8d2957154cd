#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the Log Pain dialog, driven through AT-SPI.

Usage (see prehab_e2e.py for the display and bus it needs):
    test-log.py PATH_TO_PREHAB

The program is started with `prehab start` on a pinned day (PREHAB_TODAY)
and an entry is logged with the CLI, so "Computer work" is the most used
trigger. The dialog is opened with Ctrl+L and with the Today view's button,
filled in the way a person would (digits, Tab and Space, clicks on toggles
and on the drawn figure, typing a trigger) and saved with Ctrl+Enter; what
was stored is read back from the journal with sqlite3. A time in the future,
Cancel and Escape must write nothing. Editing an entry (win.edit-entry, an
action with a parameter that AT-SPI cannot reach) is tested in
tests/ui/test-log-dialog.c.
"""

import os
import sqlite3
import subprocess
import sys
import time

import prehab_e2e
from prehab_e2e import Atspi, GLib, find, has_state, main_window, poll, run_tests, window_named

TODAY = "2026-11-18"
os.environ["PREHAB_TODAY"] = TODAY
prehab_e2e.TOTAL_TIMEOUT = 110

KEY_ESCAPE = 9          # X keycodes of Xvfb's default keymap
KEY_TAB = 23
KEY_RETURN = 36
KEY_CONTROL_L = 37
KEY_SPACE = 65
KEY_L = 46

state = {}


# ------------------------------------------------------------------ helpers

def prepare(data_dir):
    env = dict(os.environ, LANGUAGE="C")
    binary = os.path.abspath(sys.argv[1])
    for verb in (["start", "--date", "2026-11-16"],
                 ["log", "--pain", "3", "--context", "morning", "--region", "neck",
                  "--trigger", "computer-work", "--at", "2026-11-17 08:00"]):
        subprocess.run([binary, "--data-dir", data_dir, *verb],
                       check=True, capture_output=True, env=env)
    state["journal"] = os.path.join(data_dir, "prehab.db")


def query(sql, *params):
    with sqlite3.connect(f"file:{state['journal']}?mode=ro", uri=True) as db:
        return db.execute(sql, params).fetchall()


def count_entries():
    return query("SELECT count(*) FROM pain_entry")[0][0]


def last_entry():
    """The newest entry as a dict of what the dialog writes."""
    rows = query("SELECT id, pain, context, logged_at FROM pain_entry ORDER BY id DESC LIMIT 1")
    if not rows:
        return None
    entry_id, pain, context, logged_at = rows[0]
    tags = lambda sql: sorted(r[0] for r in query(sql, entry_id))  # noqa: E731
    return {
        "id": entry_id, "pain": pain, "context": context, "logged_at": logged_at,
        "regions": tags("SELECT region FROM pain_entry_region WHERE entry_id = ?"),
        "qualities": tags("SELECT quality FROM pain_entry_quality WHERE entry_id = ?"),
        "flags": tags("SELECT flag FROM pain_entry_flag WHERE entry_id = ?"),
        "triggers": tags("SELECT coalesce (t.builtin_id, t.name) FROM pain_entry_trigger pt "
                         "JOIN pain_trigger t ON t.id = pt.trigger_id WHERE pt.entry_id = ?"),
    }


def press(keycode, control=False):
    if control:
        Atspi.generate_keyboard_event(KEY_CONTROL_L, None, Atspi.KeySynthType.PRESS)
    Atspi.generate_keyboard_event(keycode, None, Atspi.KeySynthType.PRESSRELEASE)
    if control:
        Atspi.generate_keyboard_event(KEY_CONTROL_L, None, Atspi.KeySynthType.RELEASE)
    time.sleep(0.15)


def type_digit(digit):
    Atspi.generate_keyboard_event(0x30 + digit, None, Atspi.KeySynthType.SYM)
    time.sleep(0.15)


def click_at(x, y):
    Atspi.generate_mouse_event(x, y, "abs")
    time.sleep(0.2)
    Atspi.generate_mouse_event(x, y, "b1p")
    time.sleep(0.1)
    Atspi.generate_mouse_event(x, y, "b1r")


def extents(node):
    return Atspi.Component.get_extents(node, Atspi.CoordType.WINDOW)


def click(node):
    """A mouse click in the middle of node; with no window manager every
    window sits at 0,0, so window coordinates are screen coordinates."""
    ext = extents(node)
    click_at(ext.x + ext.width // 2, ext.y + ext.height // 2)


def scroll_into_view(dialog, node):
    """Turns the mouse wheel over the dialog until node is in view. The
    wheel turns over the left margin: over the calendar it would change the
    month."""
    frame = extents(dialog)
    cx, cy = frame.x + 6, frame.y + frame.height // 2
    Atspi.generate_mouse_event(cx, cy, "abs")

    def visible():
        ext = extents(node)
        visible.last = f"control at {ext.x},{ext.y} {ext.width}x{ext.height}; dialog at {frame.x},{frame.y} {frame.width}x{frame.height}"
        if ext.y + ext.height > frame.y + frame.height - 8:
            Atspi.generate_mouse_event(cx, cy, "b5c")
            return False
        if ext.y < frame.y + 60:
            Atspi.generate_mouse_event(cx, cy, "b4c")
            return False
        return True
    poll("the control to scroll into view", visible)
    time.sleep(0.3)


def close_leftover(app):
    """A test that failed may have left its dialog open."""
    leftover = window_named(app, "Log Pain")
    if leftover is not None:
        state["dialog"] = leftover
        press(KEY_ESCAPE)
        wait_closed(app)


def open_with_ctrl_l(app):
    main_window(app)
    close_leftover(app)
    press(KEY_L, control=True)
    state["dialog"] = poll('the "Log Pain" dialog', lambda: window_named(app, "Log Pain"))
    return state["dialog"]


# The toast lasts five seconds and sits near the top of the main window's
# tree, in the toast overlay: a shallow walk finds it before it goes even on
# a busy machine, where a walk through every view might not.


def wait_closed(app, title="Log Pain"):
    """Waits until the dialog is gone, asking the dialog itself rather than
    the application's list of windows (see main_window)."""
    dialog = state.pop("dialog", None)

    def gone():
        if dialog is None:
            return True
        try:
            dialog.clear_cache()
            return not dialog.get_state_set().contains(Atspi.StateType.SHOWING)
        except GLib.Error:
            return True
    poll(f'the "{title}" dialog to close', gone)
    time.sleep(0.5)


def control(dialog, name, role=Atspi.Role.PUSH_BUTTON):
    return poll(f'the control "{name}"', lambda: find(dialog, role=role, name=name))


def pressed(node):
    return has_state(node, Atspi.StateType.PRESSED) or has_state(node, Atspi.StateType.CHECKED)


def toggle(dialog, node):
    """Clicks a toggle into view and waits until it is pressed."""
    scroll_into_view(dialog, node)
    click(node)
    poll(f'"{node.get_name()}" to be pressed', lambda: pressed(node))


def expected_context(hour):
    if 4 <= hour < 12:
        return "morning"
    if hour >= 18 or hour < 4:
        return "evening"
    return "other"


# -------------------------------------------------------------------- tests

def test_keyboard_entry(app):
    before = count_entries()
    hour_before = time.localtime().tm_hour
    dialog = open_with_ctrl_l(app)

    zero = control(dialog, "0, no pain")
    poll('the focus on "0, no pain"', lambda: has_state(zero, Atspi.StateType.FOCUSED))

    # Ctrl+L, 4, Tab, Tab, Space, Ctrl+Enter: pain 4 in the neck.
    four = control(dialog, "4")
    type_digit(4)
    poll('"4" pressed and focused', lambda: pressed(four) and has_state(four, Atspi.StateType.FOCUSED))
    press(KEY_TAB)
    press(KEY_TAB)
    neck = control(dialog, "Neck")
    poll('the focus on the "Neck" toggle', lambda: has_state(neck, Atspi.StateType.FOCUSED))
    press(KEY_SPACE)
    poll('"Neck" pressed', lambda: pressed(neck))
    press(KEY_RETURN, control=True)

    wait_closed(app)
    poll("the toast", lambda: find(main_window(app), role=Atspi.Role.LABEL, name="Pain logged",
                                     max_depth=6))
    assert count_entries() == before + 1, f"{count_entries()} entries, expected {before + 1}"
    entry = last_entry()
    assert entry["pain"] == 4 and entry["regions"] == ["neck"], entry
    assert entry["logged_at"].startswith(TODAY + " "), entry
    hour_after = time.localtime().tm_hour
    if hour_before == hour_after:
        assert entry["context"] == expected_context(hour_after), entry
    return f"6 keys: {entry}"


def test_full_entry(app):
    before = count_entries()
    dialog = open_with_ctrl_l(app)

    seven = control(dialog, "7")
    type_digit(7)
    poll('"7" pressed', lambda: pressed(seven))

    toggle(dialog, control(dialog, "During exercise"))
    toggle(dialog, control(dialog, "Between the shoulder blades"))

    # A click on the drawn figure's low back presses the "Low back" toggle.
    figure = control(dialog, "Figure of the back, seen from behind", role=Atspi.Role.IMAGE)
    low_back = control(dialog, "Low back")
    scroll_into_view(dialog, figure)
    ext = extents(figure)
    scale = min(ext.width / 200, ext.height / 300)
    click_at(int(ext.x + (ext.width - 200 * scale) / 2 + 100 * scale),
             int(ext.y + (ext.height - 300 * scale) / 2 + 205 * scale))
    poll('"Low back" pressed by a click on the figure', lambda: pressed(low_back))

    toggle(dialog, control(dialog, "Sharp"))
    guidance = poll("the guidance for sharp pain",
                    lambda: find(dialog, role=Atspi.Role.LABEL, contains="Stop the movement"))
    assert guidance.get_name().startswith("Sharp"), guidance.get_name()

    # A warning sign, in the collapsed section: the advice shows at once.
    expander = poll('the "Warning Signs" row',
                    lambda: find(dialog, role=Atspi.Role.LIST_ITEM, name="Warning Signs"))
    scroll_into_view(dialog, expander)
    click(expander)
    fever = control(dialog, "Fever, chills or night sweats", role=Atspi.Role.CHECK_BOX)
    toggle(dialog, fever)
    poll("the advice to see a doctor",
         lambda: find(dialog, role=Atspi.Role.LABEL, name="See a Doctor in the Next Few Days"))

    toggle(dialog, control(dialog, "Phone use"))

    entry = control(dialog, "New trigger", role=Atspi.Role.TEXT)
    scroll_into_view(dialog, entry)
    click(entry)
    poll("the focus in the trigger entry", lambda: has_state(entry, Atspi.StateType.FOCUSED))

    # Blank is refused quietly; a known trigger in other letters is picked,
    # not added twice; a new one becomes a chip, picked.
    def chips(name):
        return [n for n in prehab_e2e.walk(dialog)
                if n.get_role() == Atspi.Role.PUSH_BUTTON and (n.get_name() or "").lower() == name]
    n_buttons = sum(1 for n in prehab_e2e.walk(dialog) if n.get_role() == Atspi.Role.PUSH_BUTTON)
    Atspi.EditableText.set_text_contents(entry, "   ")
    press(KEY_RETURN)
    time.sleep(0.3)
    assert sum(1 for n in prehab_e2e.walk(dialog)
               if n.get_role() == Atspi.Role.PUSH_BUTTON) == n_buttons, "a blank trigger was added"

    Atspi.EditableText.set_text_contents(entry, "COMPUTER work")
    press(KEY_RETURN)
    computer = control(dialog, "Computer work")
    poll('"Computer work" picked by typing it', lambda: pressed(computer))
    assert len(chips("computer work")) == 1, "Computer work was added twice"

    Atspi.EditableText.set_text_contents(entry, "Carrying the shopping")
    press(KEY_RETURN)
    shopping = control(dialog, "Carrying the shopping")
    poll('the new chip "Carrying the shopping" picked', lambda: pressed(shopping))

    Atspi.EditableText.set_text_contents(entry, "")
    press(KEY_RETURN, control=True)

    wait_closed(app)
    poll("the toast", lambda: find(main_window(app), role=Atspi.Role.LABEL, name="Pain logged",
                                     max_depth=6))
    assert count_entries() == before + 1
    # The window reloaded its views: the plan stops for the warning sign.
    poll("the Today view to stop the plan",
         lambda: find(main_window(app), role=Atspi.Role.LABEL, name="See a Doctor Soon"))
    stored = last_entry()
    expected = {
        "pain": 7, "context": "during",
        "regions": ["between-shoulder-blades", "low-back"],
        "qualities": ["sharp"], "flags": ["fever"],
        "triggers": sorted(["computer-work", "phone", "Carrying the shopping"]),
    }
    for key, value in expected.items():
        assert stored[key] == value, f"{key}: stored {stored[key]!r}, expected {value!r}"
    return f"stored {stored}"


def test_today_button_and_future_time(app):
    close_leftover(app)
    before = count_entries()
    button = poll('the Today view\'s "Log Pain" button',
                  lambda: find(main_window(app), role=Atspi.Role.PUSH_BUTTON, suffix="Log Pain"))
    Atspi.Action.do_action(button, 0)
    dialog = state["dialog"] = poll('the "Log Pain" dialog', lambda: window_named(app, "Log Pain"))

    three = control(dialog, "3")
    type_digit(3)
    poll('"3" pressed', lambda: pressed(three))

    now = time.localtime()
    if (now.tm_hour, now.tm_min) >= (23, 58):
        press(KEY_ESCAPE)
        wait_closed(app)
        return "skipped the future time: the clock is at the end of the day"

    row = poll('the "Date and Time" row',
               lambda: find(dialog, role=Atspi.Role.LIST_ITEM, prefix="Date and Time"))
    scroll_into_view(dialog, row)
    click(row)
    hour = control(dialog, "Hour", role=Atspi.Role.SPIN_BUTTON)
    minute = control(dialog, "Minute", role=Atspi.Role.SPIN_BUTTON)
    scroll_into_view(dialog, minute)
    # Type into each spin button and press Enter, as a person would.
    for spin, value in ((hour, "23"), (minute, "59")):
        click(spin)
        poll(f"the focus in {spin.get_name()}", lambda: has_state(spin, Atspi.StateType.FOCUSED))
        Atspi.EditableText.set_text_contents(spin, value)
        press(KEY_RETURN)
        poll(f"{spin.get_name()} set to {value}",
             lambda: Atspi.Value.get_current_value(spin) == int(value))

    poll("the inline message about a time still to come",
         lambda: find(dialog, role=Atspi.Role.ALERT, prefix="That time is still to come"))

    press(KEY_RETURN, control=True)
    poll("the error banner", lambda: find(dialog, role=Atspi.Role.LABEL,
                                          name="A pain rating cannot be in the future"))
    assert window_named(app, "Log Pain") is not None, "the dialog closed"
    assert pressed(three), "the pain was lost"
    assert count_entries() == before, "a future entry was written"

    # libadwaita 1.2 names a header bar button "_Cancel Cancel": match the end.
    cancel = poll('the "Cancel" button',
                  lambda: find(dialog, role=Atspi.Role.PUSH_BUTTON, suffix="Cancel"))
    Atspi.Action.do_action(cancel, 0)
    wait_closed(app)
    assert count_entries() == before, "Cancel wrote an entry"
    return "refused, then cancelled; nothing written"


def test_escape_writes_nothing(app):
    before = count_entries()
    dialog = open_with_ctrl_l(app)
    type_digit(5)
    toggle(dialog, control(dialog, "Sharp"))
    press(KEY_ESCAPE)
    wait_closed(app)
    time.sleep(0.5)
    assert count_entries() == before, "Escape wrote an entry"
    return f"{before} entries before and after"


TESTS = [
    ("Ctrl+L, a digit, Tab, Tab, Space and Ctrl+Enter log pain in the neck", test_keyboard_entry),
    ("a full entry: context, regions by toggle and on the figure, a kind of pain with "
     "its guidance, a warning sign, trigger chips and a typed trigger; Today follows",
     test_full_entry),
    ("the Today view's button opens the dialog; a time in the future is refused "
     "and Cancel writes nothing", test_today_button_and_future_time),
    ("Escape closes the dialog and writes nothing", test_escape_writes_nothing),
]


if __name__ == "__main__":
    sys.exit(run_tests(TESTS, prepare))
