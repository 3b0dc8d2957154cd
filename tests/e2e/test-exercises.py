#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the Exercises view, driven through AT-SPI.

Usage (see prehab_e2e.py for the display and bus it needs):
    test-exercises.py PATH_TO_PREHAB

The program is started with `prehab start` on a pinned day and one exercise
is marked done, then the window is used the way an assistive technology
would: it reads the grid of cards, searches, opens a card (a click on it),
reads the detail page, follows a link to a harder version, goes back with
Escape and Alt+Left, narrows the grid with a filter (Tab and Space in the
Filters popover, as GTK 4.8 check boxes offer no action) and removes it,
clears an empty search, and opens an exercise from the Today view. What the
pages should show is read from `prehab exercises --json`, so the test
follows the catalog.
"""

import json
import os
import subprocess
import sys
import time

import prehab_e2e
from prehab_e2e import Atspi, find, has_state, poll, run_tests, walk

TODAY = "2026-11-18"
DONE = "side-lying-open-book"     # marked done in prepare()
WITH_FIGURE = "cat-cow"           # an exercise that has a figure
EXPECTED_OPEN_BOOK = {
    "Quadruped thread the needle to open book",
    "Side-lying open book",
}

os.environ["PREHAB_TODAY"] = TODAY
prehab_e2e.TOTAL_TIMEOUT = 200

# X keysyms, and the keycodes of the default Xvfb keymap for Alt+Left
KEY_TAB, KEY_SPACE, KEY_ESCAPE, KEY_ENTER = 0xff09, 0x20, 0xff1b, 0xff0d
KEYCODE_ALT_L, KEYCODE_LEFT = 64, 113

catalog = {}
view = {}
enrollment = {}


def prehab(*args):
    env = dict(os.environ, LANGUAGE="C")
    return subprocess.run([os.path.abspath(sys.argv[1]), *args], check=True,
                          capture_output=True, text=True, env=env).stdout


def prepare(data_dir):
    prehab("--data-dir", data_dir, "start")
    prehab("--data-dir", data_dir, "done", "--exercise", DONE, "--pain-during", "3")
    for exercise in json.loads(prehab("--data-dir", data_dir, "exercises", "--json")):
        catalog[exercise["id"]] = exercise
    enrollment.update(json.loads(prehab("--data-dir", data_dir, "status", "--json"))["enrollment"])


def can_do(exercise, equipment):
    """Every required item, and one of each group of alternatives."""
    groups = {}
    for use in exercise["equipment"]:
        if use["optional"]:
            continue
        have = use["id"] in equipment
        if use["alternative_group"] == 0:
            if not have:
                return False
        else:
            groups[use["alternative_group"]] = groups.get(use["alternative_group"], False) or have
    return all(groups.values())


def name_of(exercise_id):
    return catalog[exercise_id]["name"]


# ------------------------------------------------------------------ helpers

def page(app):
    """The Exercises view's own node: walking it alone, not the whole
    window with its other views, keeps each look quick on a busy machine."""
    if "node" not in view:
        view["node"] = poll('the "Exercises View"',
                            lambda: find(app, role=Atspi.Role.PANEL, name="Exercises View"))
    return view["node"]


def press(keysym):
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)


def press_alt_left():
    Atspi.generate_keyboard_event(KEYCODE_ALT_L, None, Atspi.KeySynthType.PRESS)
    Atspi.generate_keyboard_event(KEYCODE_LEFT, None, Atspi.KeySynthType.PRESSRELEASE)
    Atspi.generate_keyboard_event(KEYCODE_ALT_L, None, Atspi.KeySynthType.RELEASE)


def click(node, what):
    """A mouse click in the middle of node, once it is laid out on screen;
    with no window manager the window sits at 0,0 and its extents are
    screen coordinates."""
    def placed():
        ext = Atspi.Component.get_extents(node, Atspi.CoordType.WINDOW)
        placed.last = f"extents {ext.x},{ext.y} {ext.width}x{ext.height}"
        # The same place twice in a row: the layout has settled.
        settled = (ext.width > 0 and ext.height > 0 and ext.x >= 0 and ext.y >= 0
                   and getattr(placed, "previous", None) == (ext.x, ext.y, ext.width, ext.height))
        placed.previous = (ext.x, ext.y, ext.width, ext.height)
        return settled and ext
    ext = poll(f"{what} to be laid out on screen", placed)
    Atspi.generate_mouse_event(ext.x + ext.width // 2, ext.y + ext.height // 2, "b1c")


def do_click(node, what):
    if not Atspi.Action.do_action(node, 0):
        raise RuntimeError(f"do_action(0) on {what} returned FALSE")


def tab_to(node, what):
    """Press Tab until node has the focus, as a keyboard user would."""
    for _ in range(60):
        if has_state(node, Atspi.StateType.FOCUSED):
            return
        press(KEY_TAB)
        time.sleep(0.05)
    raise RuntimeError(f"Tab never reached {what}")


def grid_view(app):
    """The state of the grid: (names of its cards, count label text).

    The grid shows only the cards on screen and a few more, so the names
    may be fewer than the count."""
    cards, count, grid = [], None, None
    for node in walk(page(app)):
        role = node.get_role()
        if role == Atspi.Role.TABLE and node.get_name() == "Exercises":
            grid = node
        elif role == Atspi.Role.LABEL and count is None:
            words = (node.get_name() or "").split()
            # "25 exercises", "8 of 25 exercises"
            if len(words) >= 2 and words[0].isdigit() and words[-1].startswith("exercise"):
                count = node.get_name()
    if grid is not None:
        for i in range(grid.get_child_count()):
            cell = grid.get_child_at_index(i)
            if cell is not None and cell.get_role() == Atspi.Role.TABLE_CELL:
                cards.append(cell.get_name())
    return cards, count


def describe(cards, count):
    shown = cards if len(cards) <= 6 else cards[:6] + [f"... {len(cards) - 6} more"]
    return f"count label {count!r}, {len(cards)} cards {shown}"


def all_count():
    n = len(catalog)
    return f"{n} exercise" + ("" if n == 1 else "s")


def get_search_entry(app):
    def check():
        check.last = "no entry named 'Search exercises'"
        return find(page(app), role=Atspi.Role.ENTRY, name="Search exercises")
    return poll('the "Search exercises" entry', check)


def set_search_text(app, text):
    if not Atspi.EditableText.set_text_contents(get_search_entry(app), text):
        raise RuntimeError(f"set_text_contents({text!r}) on the search entry returned FALSE")


def wait_for_count(app, expected, what):
    def check():
        cards, count = grid_view(app)
        check.last = describe(cards, count)
        return count == expected and (cards, count)
    return poll(f"{what} (count label {expected!r})", check)


def back_button(app, to):
    return find(page(app), role=Atspi.Role.PUSH_BUTTON, name=f"Back to {to}")


def wait_for_detail(app, exercise_id, back_to):
    """Wait for the detail page of exercise_id, whose Back returns to
    back_to; return its Back button."""
    name = name_of(exercise_id)

    def check():
        back = back_button(app, back_to)
        title = find(page(app), role=Atspi.Role.LABEL, name=name)
        check.last = (f"Back button {'present' if back else 'absent'}, "
                      f"title {'present' if title else 'absent'}")
        return back is not None and title is not None and back
    return poll(f'the detail of "{name}" with "Back to {back_to}"', check)


def wait_for_grid(app):
    """Wait until no detail page is left: the grid is shown again."""
    def check():
        back = find(page(app), role=Atspi.Role.PUSH_BUTTON, prefix="Back to ")
        check.last = f"a Back button is still there: {back.get_name()!r}" if back else ""
        return back is None
    poll("the grid, with no detail page left", check)


def open_card(app, exercise_id):
    name = name_of(exercise_id)

    def cell():
        cell.last = describe(*grid_view(app))
        return find(page(app), role=Atspi.Role.TABLE_CELL, name=name)
    click(poll(f'the card "{name}"', cell), f'the card "{name}"')
    return wait_for_detail(app, exercise_id, "All Exercises")


# -------------------------------------------------------------------- tests

def test_catalog_listed(app):
    # The view is shown first: a click needs its cards on screen.
    do_click(poll('the "Exercises" view switcher',
                  lambda: find(app, role=Atspi.Role.PAGE_TAB, name="Exercises")),
             'the "Exercises" view switcher')

    def check():
        cards, count = grid_view(app)
        check.last = describe(cards, count)
        return name_of("cat-cow") in cards and count == all_count()
    poll(f'a "Cat-cow" card and the count {all_count()!r}', check)
    return check.last


def test_search_open_book(app):
    def find_button():
        find_button.last = "no push button named 'Search Exercises'"
        return find(app, role=Atspi.Role.PUSH_BUTTON, name="Search Exercises")
    button = poll('the "Search Exercises" button', find_button)
    entry = get_search_entry(app)

    # The click lands ~250 ms later and a second click within that window is
    # dropped: click once, then poll for its effect (the entry gets focus
    # once the search bar is open).
    do_click(button, '"Search Exercises"')

    def entry_focused():
        entry_focused.last = "entry states: " + ", ".join(
            s.value_nick for s in entry.get_state_set().get_states())
        return has_state(entry, Atspi.StateType.FOCUSED)
    poll("the search entry to be focused after pressing Search Exercises", entry_focused)

    set_search_text(app, "open book")
    expected = f"{len(EXPECTED_OPEN_BOOK)} of {all_count()}"

    def check():
        cards, count = grid_view(app)
        check.last = describe(cards, count)
        return set(cards) == EXPECTED_OPEN_BOOK and count == expected
    poll(f'exactly the two "open book" cards and {expected!r}', check)
    return check.last


def test_open_card_shows_detail(app):
    open_card(app, DONE)
    steps = catalog[DONE]["steps"]
    cautions = catalog[DONE]["cautions"]

    def check():
        names = {node.get_name() for node in walk(page(app))}
        missing = [text for text in steps + cautions if text not in names]
        check.last = f"missing: {missing}"
        return not missing and "1 time" in names and "3 out of 10" in names
    poll("every step and caution, and the history (done once, pain 3) on the detail page",
         check)
    return f"{len(steps)} steps, {len(cautions)} cautions and the history shown"


def test_variant_link(app):
    harder = catalog[DONE]["harder"][0]
    link_name = f"Harder version: {name_of(harder)}"
    do_click(poll(f'the link "{link_name}"',
                  lambda: find(page(app), role=Atspi.Role.PUSH_BUTTON, name=link_name)),
             f'"{link_name}"')
    wait_for_detail(app, harder, name_of(DONE))

    def steps_shown():
        names = {node.get_name() for node in walk(page(app))}
        return all(step in names for step in catalog[harder]["steps"])
    poll(f'the steps of "{name_of(harder)}"', steps_shown)
    return f'"{name_of(harder)}" opened, its Back returns to "{name_of(DONE)}"'


def test_back_with_escape(app):
    # From the harder version back to the exercise, then to the grid.
    press(KEY_ESCAPE)
    wait_for_detail(app, DONE, "All Exercises")

    def harder_gone():
        return back_button(app, name_of(DONE)) is None
    poll("the harder version's page to be gone", harder_gone)

    press(KEY_ESCAPE)
    wait_for_grid(app)
    return "Escape went back twice, to the grid"


def test_back_with_alt_left(app):
    open_card(app, DONE)
    press_alt_left()
    wait_for_grid(app)

    def check():
        cards, count = grid_view(app)
        check.last = describe(cards, count)
        return set(cards) == EXPECTED_OPEN_BOOK
    poll("the grid to keep its search", check)
    return "Alt+Left went back to the grid, which kept its search"


def test_keyboard_opens_card(app):
    name = name_of(DONE)
    cell = poll(f'the card "{name}"',
                lambda: find(page(app), role=Atspi.Role.TABLE_CELL, name=name))
    tab_to(cell, f'the card "{name}"')
    press(KEY_SPACE)
    wait_for_detail(app, DONE, "All Exercises")
    press(KEY_ESCAPE)
    wait_for_grid(app)

    # Back on the grid, the card has the focus again: Enter opens it too.
    poll(f'the focus back on the card "{name}"',
         lambda: has_state(find(page(app), role=Atspi.Role.TABLE_CELL, name=name),
                           Atspi.StateType.FOCUSED))
    press(KEY_ENTER)
    wait_for_detail(app, DONE, "All Exercises")
    press(KEY_ESCAPE)
    wait_for_grid(app)
    return "Tab reached the card, Space and Enter opened it, the focus came back to it"


def test_figure_described(app):
    set_search_text(app, "")
    wait_for_count(app, all_count(), "the whole catalog")
    open_card(app, WITH_FIGURE)

    def check():
        images = [node for node in walk(page(app)) if node.get_role() == Atspi.Role.IMAGE
                  and len(node.get_name() or "") > 20]
        pause = find(page(app), role=Atspi.Role.PUSH_BUTTON, name="Pause Animation")
        check.last = (f"images with a description: {[i.get_name() for i in images]}; "
                      f"pause button {'present' if pause else 'absent'}")
        return images and pause and images[0].get_name()
    description = poll("a described figure and its Pause Animation button", check)
    press(KEY_ESCAPE)
    wait_for_grid(app)
    return f"figure described as {description!r}"


def check_filter(app, label, expected_ids, what):
    """Check the filter label in the Filters popover, see the grid narrow
    to expected_ids, then remove the filter with its chip."""
    expected_names = {name_of(i) for i in expected_ids}
    before, _ = wait_for_count(app, all_count(), "the whole catalog")

    menu_button = poll('the "Filters" button',
                       lambda: find(page(app), role=Atspi.Role.PUSH_BUTTON, name="Filters"))
    # The menu button's own toggle button is what takes the click.
    do_click(menu_button.get_child_at_index(0), '"Filters"')
    check_box = poll(f'the "{label}" filter',
                     lambda: find(app, role=Atspi.Role.CHECK_BOX, name=label))
    tab_to(check_box, f'the "{label}" filter')
    press(KEY_SPACE)
    poll(f'the "{label}" filter to be checked',
         lambda: has_state(check_box, Atspi.StateType.CHECKED))
    press(KEY_ESCAPE)

    expected = f"{len(expected_ids)} of {all_count()}"
    after, _ = wait_for_count(app, expected, what)
    if not after or not set(after) <= expected_names:
        raise RuntimeError(f"cards shown that are not {what}: "
                           f"{sorted(set(after) - expected_names)}")

    chip_name = f"Remove Filter: {label}"
    chip = poll(f'the "{chip_name}" button',
                lambda: find(page(app), role=Atspi.Role.PUSH_BUTTON, name=chip_name))
    do_click(chip, f'"{chip_name}"')
    wait_for_count(app, all_count(), "the whole catalog again")
    if has_state(check_box, Atspi.StateType.CHECKED):
        raise RuntimeError(f'"{label}" is still checked after removing its filter')
    return (f"{len(before)} cards shown before, {expected!r} with the filter "
            f"({len(after)} shown, all {what}), the whole catalog after removing it")


def test_filter_narrows_grid(app):
    strengthen = [i for i, e in catalog.items() if "strengthen" in e["phases"]]
    if "cat-cow" in strengthen or len(strengthen) in (0, len(catalog)):
        raise RuntimeError("the catalog no longer suits this test")
    return check_filter(app, "Strengthen", strengthen, "strengthening exercises")


def test_equipment_filter(app):
    equipment = enrollment["equipment"]
    doable = [i for i, e in catalog.items() if can_do(e, equipment)]
    if len(doable) in (0, len(catalog)):
        raise RuntimeError("the default equipment no longer narrows the catalog")
    return check_filter(app, "Equipment I have", doable,
                        f"exercises doable with {', '.join(equipment)}")


def test_empty_state_clears(app):
    set_search_text(app, "zzzz-no-such-exercise")

    def empty():
        title = find(page(app), name="No Matching Exercises")
        cards, count = grid_view(app)
        empty.last = f"empty-state title {'present' if title else 'absent'}; " + describe(cards, count)
        return title is not None and not cards and count == f"0 of {all_count()}"
    poll('the empty state "No Matching Exercises" with no cards', empty)

    button = poll('the "Clear Search and Filters" button',
                  lambda: find(page(app), role=Atspi.Role.PUSH_BUTTON,
                               name="Clear Search and Filters"))
    do_click(button, '"Clear Search and Filters"')
    wait_for_count(app, all_count(), "the whole catalog after clearing")
    entry = get_search_entry(app)
    text = Atspi.Text.get_text(entry, 0, Atspi.Text.get_character_count(entry))
    if text:
        raise RuntimeError(f"the search entry still holds {text!r}")
    return "the empty state's button cleared the search"


def test_open_from_today(app):
    do_click(poll('the "Today" view switcher',
                  lambda: find(app, role=Atspi.Role.PAGE_TAB, name="Today")),
             'the "Today" view switcher')

    def row():
        session = find(app, role=Atspi.Role.LIST, name="Today's session")
        row.last = "no list named \"Today's session\"" if session is None else "no such row"
        return session and find(session, role=Atspi.Role.LIST_ITEM, prefix=name_of("cat-cow"))
    click(poll("the Cat-cow row of today's session", row), "the Cat-cow row")

    back = wait_for_detail(app, "cat-cow", "Today")
    do_click(back, '"Back to Today"')

    def today_shown():
        tab = find(app, role=Atspi.Role.PAGE_TAB, name="Today")
        today_shown.last = "Today tab states: " + ", ".join(
            s.value_nick for s in tab.get_state_set().get_states())
        return has_state(tab, Atspi.StateType.CHECKED) or has_state(tab, Atspi.StateType.SELECTED)
    poll("the Today view again after Back", today_shown)
    wait_for_grid(app)
    return "the exercise opened in the Exercises view and Back returned to Today"


TESTS = [
    ("the Exercises view shows Cat-cow and counts the whole catalog", test_catalog_listed),
    ('searching "open book" shows exactly the two open-book exercises', test_search_open_book),
    ("a card opens the detail with its steps, cautions and the person's history",
     test_open_card_shows_detail),
    ("the link to the harder version opens it", test_variant_link),
    ("Escape goes back, page by page, to the grid", test_back_with_escape),
    ("Alt+Left goes back to the grid", test_back_with_alt_left),
    ("Space and Enter open the focused card", test_keyboard_opens_card),
    ("the figure on the detail page is described and can be paused", test_figure_described),
    ('the "Strengthen" filter narrows the grid, and its chip removes it',
     test_filter_narrows_grid),
    ('"Equipment I have" narrows the grid to what the program\'s equipment allows',
     test_equipment_filter),
    ('a search with no match shows "No Matching Exercises", whose button clears it',
     test_empty_state_clears),
    ("an exercise opened from Today goes back to Today", test_open_from_today),
]


if __name__ == "__main__":
    sys.exit(run_tests(TESTS, prepare))
