#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the Exercises view, driven through AT-SPI.

Usage (see prehab_e2e.py for the display and bus it needs):
    test-exercises.py PATH_TO_PREHAB

Starts the real binary on an empty data folder and uses it the way an
assistive technology would: it reads the list, presses the "Search
Exercises" button, types into the "Search exercises" entry and reads what the
app shows.
"""

import sys

from prehab_e2e import Atspi, find, has_state, poll, run_tests, walk

EXPECTED_OPEN_BOOK = {
    "Quadruped thread the needle to open book",
    "Side-lying open book",
}


def exercises_view(app):
    """The state of the Exercises view: its rows and its count label.

    Returns (row names, count label text, node of the list) where the list and
    label are None when absent (e.g. when the empty state is shown).
    """
    rows, count, exercise_list = [], None, None
    for node in walk(app):
        role = node.get_role()
        if role == Atspi.Role.LIST and node.get_name() == "Exercises":
            exercise_list = node
        elif role == Atspi.Role.LABEL and count is None:
            text = node.get_name() or ""
            words = text.split()
            if len(words) >= 2 and words[0].isdigit() and words[1].startswith("exercise"):
                count = text
    if exercise_list is not None:
        for i in range(exercise_list.get_child_count()):
            row = exercise_list.get_child_at_index(i)
            if row is not None and row.get_role() == Atspi.Role.LIST_ITEM:
                rows.append(row.get_name())
    return rows, count, exercise_list


def describe(rows, count):
    shown = rows if len(rows) <= 6 else rows[:6] + [f"... {len(rows) - 6} more"]
    return f"count label {count!r}, {len(rows)} rows {shown}"


# -------------------------------------------------------------------- tests

def test_catalog_listed(app):
    def check():
        rows, count, _ = exercises_view(app)
        check.last = describe(rows, count)
        cat_cow = [r for r in rows if r.startswith("Cat-cow")]
        if not cat_cow or count is None:
            return None
        expected = f"{len(rows)} exercise" + ("" if len(rows) == 1 else "s")
        if count != expected:
            return None
        return cat_cow[0]
    name = poll('a "Cat-cow" row in the Exercises list and a matching count label', check)
    return f'found row "{name}"; {check.last}'


def set_search_text(entry, text):
    if not Atspi.EditableText.set_text_contents(entry, text):
        raise RuntimeError(f"set_text_contents({text!r}) on the search entry returned FALSE")


def get_search_entry(app):
    def check():
        check.last = "no entry named 'Search exercises'"
        return find(app, role=Atspi.Role.ENTRY, name="Search exercises")
    return poll('the "Search exercises" entry', check)


def test_search_open_book(app):
    def find_button():
        find_button.last = "no push button named 'Search Exercises'"
        return find(app, role=Atspi.Role.PUSH_BUTTON, name="Search Exercises")
    button = poll('the "Search Exercises" button', find_button)
    entry = get_search_entry(app)

    # The click lands ~250 ms later and a second click within that window is
    # dropped: click once, then poll for its effect (the entry gets focus
    # once the search bar is open).
    if not Atspi.Action.do_action(button, 0):
        raise RuntimeError('do_action(0) on "Search Exercises" returned FALSE')

    def entry_focused():
        entry_focused.last = "entry states: " + ", ".join(
            s.value_nick for s in entry.get_state_set().get_states())
        return has_state(entry, Atspi.StateType.FOCUSED)
    poll("the search entry to be focused after pressing Search Exercises", entry_focused)

    set_search_text(entry, "open book")

    def check():
        rows, count, _ = exercises_view(app)
        check.last = describe(rows, count)
        return (set(rows) == EXPECTED_OPEN_BOOK and len(rows) == len(EXPECTED_OPEN_BOOK)
                and not any(r.startswith("Cat-cow") for r in rows)
                and count == "2 exercises match")
    poll('exactly the two "open book" rows and "2 exercises match"', check)
    return check.last


def test_search_no_match(app):
    entry = get_search_entry(app)
    set_search_text(entry, "zzzz-no-such-exercise")

    def check():
        title = find(app, name="No Matching Exercises")
        rows, count, _ = exercises_view(app)
        check.last = f"empty-state title {'present' if title else 'absent'}; " + describe(rows, count)
        return title is not None and not rows
    poll('the empty state "No Matching Exercises" with no rows', check)
    return check.last


TESTS = [
    ("the Exercises view lists Cat-cow", test_catalog_listed),
    ('searching "open book" shows exactly the two open-book exercises', test_search_open_book),
    ('searching "zzzz-no-such-exercise" shows "No Matching Exercises"', test_search_no_match),
]


if __name__ == "__main__":
    sys.exit(run_tests(TESTS))
