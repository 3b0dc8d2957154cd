#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the Journal view, driven through AT-SPI.

Usage (see prehab_e2e.py for the display and bus it needs):
    test-journal.py PATH_TO_PREHAB

Two weeks of a program are written with the command line on a pinned day
(PREHAB_TODAY): a rating every morning, "Computer work" on four evenings
with worse pain, "Stress" once. The window is then used the way an
assistive technology would: Alt+4 shows the Journal; the entries are read
by day, newest first; a filter by a trigger narrows them; the chart's
description and the trigger insights are read on the Trends page; an entry
is deleted from its menu (the toast says so, the journal no longer has it),
brought back with Undo (the same id), deleted with the Delete key and
brought back again; Enter opens the focused entry for editing. Last, a second window on an empty journal with a
started program shows the empty state.
"""

import datetime
import os
import sqlite3
import subprocess
import sys
import time

import prehab_e2e
from prehab_e2e import App, Atspi, find, find_app, has_state, poll, run_tests, window_named

# Room for a busy machine: the tests take about 20 s here.
prehab_e2e.TOTAL_TIMEOUT = 100

TODAY = "2026-11-20"            # a Friday
START = "2026-11-07"
COMPUTER_DAYS = {"2026-11-09", "2026-11-11", "2026-11-13", "2026-11-16"}
KEY_ALT_L = 64                  # X keycodes of the default Xvfb keymap
KEY_4 = 13
KEYSYM_DELETE = 0xffff
KEYSYM_RETURN = 0xff0d
KEYSYM_ESCAPE = 0xff1b
KEYSYM_TAB = 0xff09
KEYSYM_SPACE = 0x20
KEY_CONTROL_L = 37
KEY_L = 46
state = {}

os.environ["PREHAB_TODAY"] = TODAY


def prehab(data_dir, *args):
    env = dict(os.environ, LANGUAGE="C")
    subprocess.run([os.path.abspath(sys.argv[1]), "--data-dir", data_dir, *args],
                   check=True, capture_output=True, env=env)


def prepare(data_dir):
    prehab(data_dir, "start", "--date", START)
    day = datetime.date.fromisoformat(START)
    while day.isoformat() < TODAY:
        date = day.isoformat()
        prehab(data_dir, "log", "--pain", "3", "--context", "morning", "--at", f"{date} 08:00",
               "--region", "neck")
        if date in COMPUTER_DAYS:
            prehab(data_dir, "log", "--pain", "6", "--context", "evening", "--at", f"{date} 19:00",
                   "--region", "between-shoulder-blades", "--trigger", "computer-work")
        day += datetime.timedelta(days=1)
    prehab(data_dir, "log", "--pain", "4", "--context", "evening", "--at", "2026-11-19 20:00",
           "--region", "between-shoulder-blades", "--trigger", "stress",
           "--note", "Long day at the desk")
    # Today's rating is logged "now": any fixed time of day could be later
    # than the clock when the test runs.
    prehab(data_dir, "log", "--pain", "2", "--context", "morning", "--region", "neck")
    state["db"] = os.path.join(data_dir, "prehab.db")


def prepare_empty(data_dir):
    prehab(data_dir, "start", "--date", START)


def stored_ids():
    with sqlite3.connect(f"file:{state['db']}?mode=ro", uri=True) as db:
        return {row[0] for row in db.execute("SELECT id FROM pain_entry")}


def stored_id(logged_at):
    with sqlite3.connect(f"file:{state['db']}?mode=ro", uri=True) as db:
        row = db.execute("SELECT id FROM pain_entry WHERE logged_at = ?", (logged_at,)).fetchone()
        return row[0] if row else None


def press_alt_4():
    Atspi.generate_keyboard_event(KEY_ALT_L, None, Atspi.KeySynthType.PRESS)
    Atspi.generate_keyboard_event(KEY_4, None, Atspi.KeySynthType.PRESSRELEASE)
    Atspi.generate_keyboard_event(KEY_ALT_L, None, Atspi.KeySynthType.RELEASE)


def click(node):
    """A mouse click in the middle of node (window coordinates are screen
    coordinates: with no window manager the window sits at 0,0)."""
    ext = Atspi.Component.get_extents(node, Atspi.CoordType.WINDOW)
    x, y = ext.x + ext.width // 2, ext.y + ext.height // 2
    Atspi.generate_mouse_event(x, y, "abs")
    time.sleep(0.2)
    Atspi.generate_mouse_event(x, y, "b1c")


def walk_outside(root, skip):
    """Every accessible under root but those under skip (the view stack,
    where the other views' many rows are): the toasts."""
    root.clear_cache()
    stack = [root]
    while stack:
        node = stack.pop()
        if node is skip:
            continue
        yield node
        for i in reversed(range(node.get_child_count())):
            child = node.get_child_at_index(i)
            if child is not None:
                stack.append(child)


def find_outside(app, role, name=None, suffix=None):
    for node in walk_outside(app, state.get("view_stack")):
        node_name = node.get_name() or ""
        if node.get_role() == role and (name is None or node_name == name) \
                and (suffix is None or node_name.endswith(suffix)):
            return node
    return None


def journal(app):
    """The Journal view's own subtree, found once: the tree of the whole
    window is large, and every search of it takes a while."""
    if "journal" not in state:
        node = find(app, role=Atspi.Role.LIST, name="Journal entries")
        while node is not None and node.get_name() != "Journal":
            node = node.get_parent()
        if node is None:
            return app
        state["journal"] = node
        # The page sits in its own AdwBin (built after the first frame);
        # the view stack is the first ancestor that holds more than it.
        stack = node.get_parent()
        while stack is not None and stack.get_child_count() < 2:
            stack = stack.get_parent()
        state["view_stack"] = stack
    return state["journal"]


def entry_list(app):
    if "entry_list" not in state:
        node = find(journal(app), role=Atspi.Role.LIST, name="Journal entries")
        if node is None:
            return None
        state["entry_list"] = node
    node = state["entry_list"]
    node.clear_cache()
    return node


def rows(app):
    """The names of the entries the list shows, top to bottom."""
    node = entry_list(app)
    if node is None:
        return []
    names = []
    for i in range(node.get_child_count()):
        child = node.get_child_at_index(i)
        if child is not None and child.get_role() == Atspi.Role.LIST_ITEM:
            names.append(child.get_name())
    return names


def row_node(app, prefix):
    node = entry_list(app)
    for i in range(node.get_child_count() if node else 0):
        child = node.get_child_at_index(i)
        if child is not None and (child.get_name() or "").startswith(prefix):
            return child
    return None


def count_label(app):
    if "count_label" not in state:
        state["count_label"] = find(journal(app), role=Atspi.Role.LABEL, suffix=" entries")
    node = state["count_label"]
    if node is None:
        del state["count_label"]
        return None
    node.clear_cache()
    return node.get_name()


def toast_undo(app):
    # libadwaita 1.2 may keep the mnemonic in the button's name
    return find_outside(app, Atspi.Role.PUSH_BUTTON, suffix="Undo")


def test_entries_by_day(app):
    press_alt_4()

    def shown():
        names = rows(app)
        shown.last = f"rows {names[:5]}"
        return len(names) >= 4 and names[0].startswith("Today, ")
    poll("the Journal's entries after Alt+4", shown)

    headings = [n.get_name() for n in walk_outside(entry_list(app), None)
                if n.get_role() == Atspi.Role.LABEL and n.get_name() in
                ("Today", "Yesterday", "Wednesday, 18 November")]
    assert headings == ["Today", "Yesterday", "Wednesday, 18 November"], headings

    names = rows(app)
    expected = ["Today, ", "Yesterday, 20:00, Evening: pain 4 out of 10, Moderate.",
                "Yesterday, 08:00, Morning: pain 3 out of 10, Moderate.",
                "Wednesday, 18 November, 08:00, Morning: pain 3 out of 10, Moderate."]
    for name, start in zip(names, expected):
        assert name.startswith(start), f"row {name!r} should start with {start!r}; rows {names[:4]}"
    assert "Triggers: Stress." in names[1] and "Note: Long day at the desk" in names[1], names[1]
    assert "Where: Neck." in names[0] and "pain 2 out of 10, Low." in names[0], names[0]
    total = len(stored_ids())
    label = poll("the entry count", lambda: count_label(app))
    assert label == f"{total} entries", f"count {label!r}, {total} in the journal"
    return f"{names[:4]} … ({label})"


def test_filter_by_trigger(app):
    button = poll('the "Filter Entries" button',
                  lambda: find(journal(app), name="Filter Entries"))
    click(button)
    item = poll('the menu item "Computer work"',
                lambda: find(journal(app), role=Atspi.Role.MENU_ITEM, name="Computer work"))
    Atspi.Action.do_action(item, 0)

    total = len(stored_ids())

    def narrowed():
        names = rows(app)
        narrowed.last = f"rows {names}, count {count_label(app)!r}"
        return (count_label(app) == f"4 of {total} entries" and len(names) == 4
                and all("Computer work" in n for n in names))
    poll("only the four entries with Computer work", narrowed)
    names = rows(app)
    assert names[0].startswith("Monday, 16 November, 19:00"), names

    clear = poll('the "Clear Filter" button',
                 lambda: find(journal(app), role=Atspi.Role.PUSH_BUTTON, name="Clear Filter"))
    Atspi.Action.do_action(clear, 0)
    poll("every entry again", lambda: count_label(app) == f"{total} entries")
    return f"{names}"


def show_trends(app):
    tab = poll('the "Trends" tab', lambda: find(journal(app), name="Trends", role=Atspi.Role.PAGE_TAB))
    click(tab)


def test_chart_summary(app):
    show_trends(app)
    # Daily means: 3, with 4.5 on the four computer days, 3.5 yesterday, 2
    # today. First week (7–13 Nov): 25.5 / 7 = 3.6; last week (14–20 Nov):
    # 22 / 7 = 3.1.
    summary = "Pain went from 3.6 to 3.1 over 2 weeks."

    def described():
        chart = find(journal(app), role=Atspi.Role.IMAGE, name="Pain over time")
        described.last = f"chart {chart.get_description() if chart else None!r}"
        return chart is not None and chart.get_description() == summary
    poll("the chart described by the trend's summary", described)
    return summary


def insight_rows(app):
    node = find(journal(app), role=Atspi.Role.LIST, name="Triggers and pain")
    if node is None:
        return []
    return [node.get_child_at_index(i).get_name() for i in range(node.get_child_count())]


def test_insights(app):
    def shown():
        names = insight_rows(app)
        shown.last = f"rows {names}"
        return any("Computer work" in n for n in names)
    poll("an insight about Computer work", shown)
    names = insight_rows(app)
    sentence = next(n for n in names if "Computer work" in n)
    assert (sentence.startswith("On days you logged “Computer work”, pain averaged ")
            and " higher: 4 days with, 10 without." in sentence), sentence
    assert any("Stress" in n and n.startswith("Log ") for n in names), \
        f"a line saying what Stress still needs: {names}"

    entries = poll('the "Entries" tab', lambda: find(journal(app), name="Entries", role=Atspi.Role.PAGE_TAB))
    click(entries)
    poll("the entries again", lambda: len(rows(app)) >= 4)
    return f"{names}"


def test_delete_from_menu(app):
    target = "Yesterday, 08:00"
    entry_id = stored_id("2026-11-19 08:00")
    state["deleted"] = entry_id
    before = len(stored_ids())

    menu = poll(f'the menu of "{target}"',
                lambda: find(entry_list(app), name=f"Menu of the Entry of {target}"))
    click(menu)
    delete = poll('the menu item "Delete"',
                  lambda: find(entry_list(app), role=Atspi.Role.MENU_ITEM, name="Delete"))
    Atspi.Action.do_action(delete, 0)

    poll('the toast "Entry deleted"',
         lambda: find_outside(app, Atspi.Role.LABEL, name="Entry deleted"))
    poll("the entry gone from the journal", lambda: entry_id not in stored_ids())
    poll("the row gone", lambda: row_node(app, target) is None)
    assert len(stored_ids()) == before - 1
    poll("the count to follow", lambda: count_label(app) == f"{before - 1} entries")
    return f"entry {entry_id} deleted; rows {rows(app)[:3]}"


def test_undo_restores(app):
    entry_id = state["deleted"]
    undo = poll('the toast\'s "Undo" button', lambda: toast_undo(app))
    Atspi.Action.do_action(undo, 0)

    poll("the entry back in the journal with its id", lambda: entry_id in stored_ids())
    assert stored_id("2026-11-19 08:00") == entry_id
    poll("the row back", lambda: row_node(app, "Yesterday, 08:00") is not None)
    return f"entry {entry_id} restored; rows {rows(app)[:3]}"


def test_delete_key(app):
    poll("the toast to go after Undo", lambda: toast_undo(app) is None)
    before = stored_ids()
    # The focus stayed in the list after the menu's Delete: the row that
    # took the deleted one's place has it.
    def focused_row():
        node = entry_list(app)
        for i in range(node.get_child_count() if node else 0):
            child = node.get_child_at_index(i)
            if child is not None and has_state(child, Atspi.StateType.FOCUSED):
                return child
        return None
    row = poll("a focused entry", focused_row)
    name = row.get_name()
    Atspi.generate_keyboard_event(KEYSYM_DELETE, None, Atspi.KeySynthType.SYM)

    undo = poll('the toast "Entry deleted"', lambda: toast_undo(app))
    poll("one entry fewer in the journal", lambda: len(stored_ids()) == len(before) - 1)
    gone = (before - stored_ids()).pop()
    poll("the focused row gone", lambda: name not in rows(app))

    Atspi.Action.do_action(undo, 0)
    poll("the entry back", lambda: gone in stored_ids())
    poll("its row back", lambda: name in rows(app))
    return f"Delete removed and Undo restored entry {gone}: {name[:40]}…"


def closed(window):
    """Whether a window has gone, asked of the window itself: asking the
    application for its list of windows while one goes away can crash GTK
    4.8 (HACKING.md, "Known problems")."""
    try:
        window.clear_cache()
        if window.get_state_set().contains(Atspi.StateType.DEFUNCT):
            return True
        return window.get_parent() is None or window.get_index_in_parent() < 0
    except prehab_e2e.GLib.Error:
        return True


def test_enter_edits(app):
    def focused_row():
        node = entry_list(app)
        for i in range(node.get_child_count() if node else 0):
            child = node.get_child_at_index(i)
            if child is not None and has_state(child, Atspi.StateType.FOCUSED):
                return child
        return None
    row = poll("a focused entry", focused_row)
    name = row.get_name()
    Atspi.generate_keyboard_event(KEYSYM_RETURN, None, Atspi.KeySynthType.SYM)
    editor = poll('the "Edit Entry" window', lambda: window_named(app, "Edit Entry"))
    Atspi.generate_keyboard_event(KEYSYM_ESCAPE, None, Atspi.KeySynthType.SYM)
    poll("the edit window to close", lambda: closed(editor))
    return f"Enter on {name[:40]}… opened the Edit Entry window"


def test_log_shows_at_top(app):
    """Ctrl+L from the Journal view, pain 5 and the neck by keyboard,
    Ctrl+Enter: the entry is stored and heads the list."""
    before = stored_ids()
    Atspi.generate_keyboard_event(KEY_CONTROL_L, None, Atspi.KeySynthType.PRESS)
    Atspi.generate_keyboard_event(KEY_L, None, Atspi.KeySynthType.PRESSRELEASE)
    Atspi.generate_keyboard_event(KEY_CONTROL_L, None, Atspi.KeySynthType.RELEASE)
    dialog = poll('the "Log Pain" window', lambda: window_named(app, "Log Pain"))
    five = poll('the "5" button', lambda: find(dialog, role=Atspi.Role.PUSH_BUTTON, name="5, moderate"))
    poll("the focus in the pain row",
         lambda: any(has_state(n, Atspi.StateType.FOCUSED) for n in
                     (find(dialog, role=Atspi.Role.PUSH_BUTTON, name="0, no pain"), five) if n))
    Atspi.generate_keyboard_event(0x35, None, Atspi.KeySynthType.SYM)
    poll('"5" pressed', lambda: has_state(five, Atspi.StateType.PRESSED)
         or has_state(five, Atspi.StateType.CHECKED))
    for _ in range(2):
        Atspi.generate_keyboard_event(KEYSYM_TAB, None, Atspi.KeySynthType.SYM)
    neck = find(dialog, role=Atspi.Role.PUSH_BUTTON, name="Neck")
    poll('the focus on "Neck"', lambda: has_state(neck, Atspi.StateType.FOCUSED))
    Atspi.generate_keyboard_event(KEYSYM_SPACE, None, Atspi.KeySynthType.SYM)
    poll('"Neck" pressed', lambda: has_state(neck, Atspi.StateType.PRESSED)
         or has_state(neck, Atspi.StateType.CHECKED))
    Atspi.generate_keyboard_event(KEY_CONTROL_L, None, Atspi.KeySynthType.PRESS)
    Atspi.generate_keyboard_event(KEYSYM_RETURN, None, Atspi.KeySynthType.SYM)
    Atspi.generate_keyboard_event(KEY_CONTROL_L, None, Atspi.KeySynthType.RELEASE)

    poll("the dialog to close", lambda: closed(dialog))
    poll("the new entry in the journal", lambda: len(stored_ids()) == len(before) + 1)

    def top():
        names = rows(app)
        top.last = f"rows {names[:2]}"
        return names and "pain 5 out of 10" in names[0] and "Neck" in names[0]
    poll("the new entry at the top of the list", top)
    return rows(app)[0]


def test_empty_state(app):
    second = App(os.path.abspath(sys.argv[1]), prepare_empty)
    try:
        node = find_app(second)
        poll("the second window", lambda: find(node, role=Atspi.Role.FRAME))
        time.sleep(0.5)
        press_alt_4()
        empty = poll('"No Entries Yet"',
                     lambda: find(node, role=Atspi.Role.LABEL, name="No Entries Yet"))
        page = empty.get_parent()
        while page is not None and page.get_name() != "Journal":
            page = page.get_parent()
        assert page is not None, "the empty state is the Journal's"
        button = poll('the "Log Pain" button',
                      lambda: find(page, role=Atspi.Role.PUSH_BUTTON, suffix="Log Pain"))
        return f"empty state with {button.get_name()!r}"
    finally:
        second.stop()


TESTS = [
    ("Alt+4 lists the entries by day, newest first", test_entries_by_day),
    ("a trigger filter narrows the list and Clear Filter widens it", test_filter_by_trigger),
    ("the chart's description is the trend's summary", test_chart_summary),
    ("the insights compare a trigger logged on 3 or more days", test_insights),
    ("deleting from a row's menu removes the entry and says so", test_delete_from_menu),
    ("Undo restores the entry with its id", test_undo_restores),
    ("the Delete key removes the focused entry, Undo brings it back", test_delete_key),
    ("Enter on an entry opens it for editing", test_enter_edits),
    ("an entry logged with Ctrl+L heads the list at once", test_log_shows_at_top),
    ("an empty journal shows the empty state", test_empty_state),
]


if __name__ == "__main__":
    sys.exit(run_tests(TESTS, prepare))
