#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of export and import, driven through AT-SPI.

Usage (see prehab_e2e.py for the display and bus it needs):
    test-data.py PATH_TO_PREHAB

A journal is written with the command line on a pinned day (PREHAB_TODAY):
a program, pain entries (one with a note holding a comma, quotes and
non-ASCII text) and a session. A second journal, made the same way with
other entries, is exported with `prehab export` into the Documents folder
(set through XDG_CONFIG_HOME/user-dirs.dirs), where the file choosers start.

Everything goes through the real window and GTK's own file chooser (no
portal under Xvfb): the primary menu's Export ▸ Full Backup (JSON)… saves
under the suggested name, Export ▸ Pain Entries (CSV)… under a typed one;
both files equal `prehab export` of the same journal byte for byte, and a
toast says so. Import Backup… opens the other journal's backup (Ctrl+L and
its name): the dialog says what it holds, Merge adds it (the Journal view
lists the entries, `prehab export` holds both journals) and a second import
adds nothing. A file cut short is refused with the reason and changes
nothing. Replace All Data leaves only the file's data, and the toast's Undo
puts the journal back as it was.

The file chooser and the dialogs are windows of their own: they are found
from the application, but once one closes, searches start from the main
window again (GTK 4.8 can crash answering for the application's windows
while one goes away, HACKING.md "Known problems").
"""

import csv
import io
import json
import os
import subprocess
import sys
import time

import prehab_e2e
from prehab_e2e import Atspi, GLib, find, has_state, main_window, poll, run_tests, walk, window_named

# Room for a busy machine: the tests take about 40 s here.
prehab_e2e.TOTAL_TIMEOUT = 200
# An import checks and writes on the main thread, then every view reloads:
# on a loaded machine that holds the window for several seconds.
WORK_TIMEOUT = 30.0

TODAY = "2026-11-18"
START = "2026-11-09"
os.environ["PREHAB_TODAY"] = TODAY

NOTE = 'Slept badly, "stiff" neck: Nacken steif, ça fait mal, 首が痛い'
OTHER_NOTES = ("From the laptop: woke up stiff", "From the laptop: better after the walk")

KEY_ALT_L = 64          # X keycodes of Xvfb's default keymap
KEY_CONTROL_L = 37
KEY_4 = 13
KEY_L = 46
KEY_RETURN = 36

state = {}


# ------------------------------------------------------------------ helpers

def prehab(data_dir, *args):
    env = dict(os.environ, LANGUAGE="C")
    return subprocess.run([os.path.abspath(sys.argv[1]), "--data-dir", data_dir, *args],
                          check=True, capture_output=True, env=env).stdout


def prepare(data_dir):
    documents = os.path.join(data_dir, "Documents")
    os.makedirs(documents)
    config = os.path.join(data_dir, "xdg-config")
    os.makedirs(config)
    with open(os.path.join(config, "user-dirs.dirs"), "w", encoding="utf-8") as f:
        f.write(f'XDG_DOCUMENTS_DIR="{documents}"\n')

    prehab(data_dir, "start", "--date", START)
    prehab(data_dir, "log", "--pain", "4", "--context", "morning", "--at", "2026-11-10 08:00",
           "--region", "neck", "--quality", "stiffness", "--note", NOTE)
    prehab(data_dir, "log", "--pain", "5", "--context", "evening", "--at", "2026-11-12 19:00",
           "--region", "between-shoulder-blades", "--trigger", "computer-work")
    prehab(data_dir, "log", "--pain", "3", "--context", "morning", "--at", "2026-11-16 08:00")
    prehab(data_dir, "done", "--date", "2026-11-16", "--pain-after", "3")

    other = os.path.join(data_dir, "other-journal")
    prehab(other, "start", "--date", "2026-11-02")
    prehab(other, "log", "--pain", "6", "--context", "morning", "--at", "2026-11-11 07:30",
           "--region", "mid-back-left", "--note", OTHER_NOTES[0])
    prehab(other, "log", "--pain", "2", "--context", "evening", "--at", "2026-11-14 21:00",
           "--trigger", "Carrying the shopping", "--note", OTHER_NOTES[1])
    prehab(other, "done", "--date", "2026-11-13")
    backup = os.path.join(documents, "laptop-backup.json")
    prehab(other, "export", "--output", backup)
    with open(backup, "rb") as f:
        whole = f.read()
    with open(os.path.join(documents, "cut-short.json"), "wb") as f:
        f.write(whole[:len(whole) // 2])

    state["data_dir"] = data_dir
    state["documents"] = documents
    state["backup"] = backup


def export(fmt="json"):
    return prehab(state["data_dir"], "export", "--format", fmt)


def entries_of(backup_bytes):
    """The backup's entries as (time, pain, note), ids aside."""
    data = json.loads(backup_bytes)
    return sorted((e["logged_at"], e["pain"], e.get("note") or "") for e in data["entries"])


def keys(*codes):
    """Presses codes[:-1] as modifiers around the last one."""
    for code in codes[:-1]:
        Atspi.generate_keyboard_event(code, None, Atspi.KeySynthType.PRESS)
    Atspi.generate_keyboard_event(codes[-1], None, Atspi.KeySynthType.PRESSRELEASE)
    for code in reversed(codes[:-1]):
        Atspi.generate_keyboard_event(code, None, Atspi.KeySynthType.RELEASE)
    time.sleep(0.15)


def wait_gone(window, title):
    """Waits until a window closed, asking the window itself (a destroyed
    window answers with an error or DEFUNCT, or is no longer a child)."""
    def gone():
        try:
            window.clear_cache()
            states = window.get_state_set()
            if states.contains(Atspi.StateType.DEFUNCT):
                return True
            return window.get_parent() is None or window.get_index_in_parent() < 0
        except GLib.Error:
            return True
    poll(f'the "{title}" window to close', gone, WORK_TIMEOUT)
    time.sleep(0.5)


def toast_parts(app):
    """The toasts on screen: each (label, buttons). The toast overlay is a
    few levels under the window, beside the views: a shallow walk finds it
    without walking every view."""
    found = []
    for node in walk(main_window(app), max_depth=3):
        if node.get_name() == "AdwToastWidget":
            labels, buttons = [], []
            for inner in walk(node, max_depth=2):
                role = inner.get_role()
                if role == Atspi.Role.PUSH_BUTTON:
                    buttons.append(inner)
                elif (role == Atspi.Role.LABEL and inner.get_name()
                      and inner.get_parent().get_role() != Atspi.Role.PUSH_BUTTON):
                    labels.append(inner.get_name())
            found.append((" ".join(labels), buttons))
    return found


def wait_toast(app, text):
    """The toast showing text: (its text, its buttons)."""
    def shown():
        toasts = toast_parts(app)
        shown.last = f"toasts {[t for t, _ in toasts]}"
        return next(((label, buttons) for label, buttons in toasts if label == text), None)
    return poll(f'the toast "{text}"', shown, WORK_TIMEOUT)


def dismiss_toast(app, text):
    """Closes a toast with its close button, so the next one shows at once
    (libadwaita queues toasts)."""
    label, buttons = wait_toast(app, text)
    close = [b for b in buttons if not (b.get_name() or "").endswith("Undo")]
    assert close, f'the toast "{label}" has no close button'
    Atspi.Action.do_action(close[-1], 0)
    poll(f'the toast "{label}" to go',
         lambda: all(t != label for t, _ in toast_parts(app)))


def activate_menu_item(app, *path):
    """Opens the primary menu and activates the items of path in turn
    (a submenu, then its item)."""
    window = main_window(app)

    def menu_button():
        menu_button.last = 'no "Main Menu" button with an action'
        return next((n for n in walk(window, max_depth=12)
                     if n.get_role() == Atspi.Role.PUSH_BUTTON and n.get_name() == "Main Menu"
                     and Atspi.Action.get_n_actions(n) > 0), None)
    if "menu_button" not in state:
        state["menu_button"] = poll('the "Main Menu" button', menu_button)
    Atspi.Action.do_action(state["menu_button"], 0)
    for name in path:
        item = poll(f'the menu item "{name}"',
                    lambda: find(window, role=Atspi.Role.MENU_ITEM, name=name))
        time.sleep(0.3)     # the popover slides to a submenu
        Atspi.Action.do_action(item, 0)


def chooser(app, title):
    return poll(f'the file chooser "{title}"', lambda: window_named(app, title))


def button(window, label):
    """A button by its label; libadwaita and GTK 4.8 may keep the mnemonic
    in the name ("_Save Save"). Of two (an AdwMessageDialog lays its
    responses out twice, in a row and in a column) the one on screen."""
    def shown():
        candidates = [n for n in walk(window) if n.get_role() == Atspi.Role.PUSH_BUTTON
                      and ((n.get_name() or "") == label
                           or (n.get_name() or "").endswith(" " + label))]
        for node in candidates:
            ext = Atspi.Component.get_extents(node, Atspi.CoordType.WINDOW)
            if ext.width > 0 and ext.height > 0:
                return node
        shown.last = f"{len(candidates)} buttons named {label!r}, none on screen"
        return None
    return poll(f'the button "{label}"', shown)


def text_of(node):
    return Atspi.Text.get_text(node, 0, Atspi.Text.get_character_count(node))


def save_through_chooser(app, menu_path, title, typed_name=None):
    """Export through the menu and GTK's file chooser; returns the path and
    the name the chooser suggested."""
    activate_menu_item(app, *menu_path)
    dialog = chooser(app, title)
    entry = poll('the "Name" field', lambda: find(dialog, role=Atspi.Role.TEXT, name="Name:"))
    suggested = poll("the suggested name", lambda: text_of(entry))
    if typed_name is not None:
        Atspi.EditableText.set_text_contents(entry, typed_name)
        poll(f'the name "{typed_name}" typed', lambda: text_of(entry) == typed_name)
    name = typed_name or suggested
    Atspi.Action.do_action(button(dialog, "Save"), 0)
    wait_gone(dialog, title)
    return os.path.join(state["documents"], name), suggested


def open_through_chooser(app, file_name):
    """Import Backup… and pick file_name in the Documents folder by typing
    it into the location field (Ctrl+L), then Open."""
    activate_menu_item(app, "Import Backup…")
    dialog = chooser(app, "Import Backup")
    # The list of files takes the focus when the chooser is ready for keys.
    poll("the focus in the chooser's list of files",
         lambda: find(dialog, name="GtkTreeView") is not None
         and has_state(find(dialog, name="GtkTreeView"), Atspi.StateType.FOCUSED))
    keys(KEY_CONTROL_L, KEY_L)

    def location():
        location.last = "no location field yet"
        return next((n for n in walk(dialog) if n.get_role() == Atspi.Role.TEXT
                     and n.get_name() == "GtkFileChooserEntry"), None)
    entry = poll("the location field after Ctrl+L", location)
    Atspi.EditableText.set_text_contents(entry, file_name)
    poll(f'the location "{file_name}" typed', lambda: text_of(entry) == file_name)
    Atspi.Action.do_action(button(dialog, "Open"), 0)
    wait_gone(dialog, "Import Backup")


def message_dialog(app, title):
    def shown():
        window = window_named(app, title)
        shown.last = "not yet"
        if window is None:
            return None
        labels = [n.get_name() for n in walk(window, max_depth=5)
                  if n.get_role() == Atspi.Role.LABEL]
        return window, labels
    return poll(f'the dialog "{title}"', shown)


def journal_rows(app):
    """The names of the Journal view's entries, top to bottom."""
    if "entry_list" not in state:
        node = find(main_window(app), role=Atspi.Role.LIST, name="Journal entries")
        if node is None:
            return []
        state["entry_list"] = node
    node = state["entry_list"]
    node.clear_cache()
    names = []
    for i in range(node.get_child_count()):
        child = node.get_child_at_index(i)
        if child is not None and child.get_role() == Atspi.Role.LIST_ITEM:
            names.append(child.get_name() or "")
    return names


# -------------------------------------------------------------------- tests

def test_export_json(app):
    poll("the day's title", lambda: find(main_window(app), role=Atspi.Role.LABEL,
                                         prefix="Week 2, Day "))
    path, suggested = save_through_chooser(
        app, ("Export", "Full Backup (JSON)…"), "Save Backup")
    assert suggested == f"prehab-backup-{TODAY}.json", f"suggested {suggested!r}"

    poll(f"{path} to be written", lambda: os.path.exists(path), WORK_TIMEOUT)
    wait_toast(app, "Backup saved")
    with open(path, "rb") as f:
        saved = f.read()
    data = json.loads(saved)
    assert data["format"] == "prehab-backup", data.get("format")
    assert NOTE in [e.get("note") for e in data["entries"]], "the note is not in the backup"
    assert saved == export("json"), "the saved backup differs from `prehab export --format json`"
    assert os.stat(path).st_mode & 0o077 == 0, f"{path} is readable by others"
    dismiss_toast(app, "Backup saved")
    return f"{os.path.basename(path)}: {len(saved)} bytes, {len(data['entries'])} entries"


def test_export_csv(app):
    typed = "Schmerz-Tagebuch, Nov.csv"
    path, suggested = save_through_chooser(
        app, ("Export", "Pain Entries (CSV)…"), "Export Pain Entries", typed)
    assert suggested.endswith(f"{TODAY}.csv"), f"suggested {suggested!r}"

    poll(f"{path} to be written", lambda: os.path.exists(path), WORK_TIMEOUT)
    wait_toast(app, "Pain entries saved")
    with open(path, "rb") as f:
        saved = f.read()
    assert saved == export("csv"), "the saved table differs from `prehab export --format csv`"
    rows = list(csv.DictReader(io.StringIO(saved.decode("utf-8"))))
    assert len(rows) == 3, f"{len(rows)} rows"
    assert NOTE in [r.get("note") for r in rows], f"the note did not survive: {rows}"
    dismiss_toast(app, "Pain entries saved")
    return f"{typed}: {len(rows)} rows, the note intact"


def test_import_merge(app):
    before = export()
    other = open(state["backup"], "rb").read()
    open_through_chooser(app, "laptop-backup.json")

    dialog, labels = message_dialog(app, "Import Backup?")
    contents = ("“laptop-backup.json” holds 2 pain entries and 1 session, "
                "from 11 November 2026 to 14 November 2026.")
    assert any(text.startswith(contents) for text in labels), f"the dialog says {labels}"
    Atspi.Action.do_action(button(dialog, "Merge"), 0)
    wait_gone(dialog, "Import Backup?")

    label, _ = wait_toast(app, "2 entries added")
    keys(KEY_ALT_L, KEY_4)

    def listed():
        rows = journal_rows(app)
        listed.last = f"rows {rows}"
        return len(rows) == 5 and all(any(note in r for r in rows) for note in OTHER_NOTES)
    poll("the imported entries in the Journal view", listed, WORK_TIMEOUT)

    merged = export()
    assert entries_of(merged) == sorted(entries_of(before) + entries_of(other)), \
        f"after Merge: {entries_of(merged)}"
    state["merged"] = merged
    dismiss_toast(app, label)
    return f"toast {label!r}; rows {[r[:40] for r in journal_rows(app)]}"


def test_import_twice(app):
    open_through_chooser(app, "laptop-backup.json")
    dialog, _ = message_dialog(app, "Import Backup?")
    Atspi.Action.do_action(button(dialog, "Merge"), 0)
    wait_gone(dialog, "Import Backup?")
    label, _ = wait_toast(app, "Nothing new to import")
    assert export() == state["merged"], "a second import changed the journal"
    assert len(journal_rows(app)) == 5, journal_rows(app)
    dismiss_toast(app, label)
    return label


def test_import_refused(app):
    before = export()
    open_through_chooser(app, "cut-short.json")
    dialog, labels = message_dialog(app, "Cannot Import This File")
    reason = ("The file ends in the middle: it may have been cut short.\n\n"
              "Nothing in your journal was changed.")
    assert reason in labels, f"the dialog says {labels}"
    Atspi.Action.do_action(button(dialog, "Close"), 0)
    wait_gone(dialog, "Cannot Import This File")
    assert export() == before, "a refused file changed the journal"
    return f"refused: {reason}"


def test_replace_and_undo(app):
    before = export()
    other = open(state["backup"], "rb").read()
    open_through_chooser(app, "laptop-backup.json")
    dialog, _ = message_dialog(app, "Import Backup?")
    Atspi.Action.do_action(button(dialog, "Replace All Data"), 0)
    wait_gone(dialog, "Import Backup?")

    label, buttons = wait_toast(app, "Journal replaced")
    replaced = export()
    assert entries_of(replaced) == entries_of(other), f"after Replace: {entries_of(replaced)}"
    # Ids and times are kept when free, so the journal exports as the file,
    # but for the plan's decision for today, which the window records when
    # it reloads (the file's journal was never opened today).
    now, wanted = json.loads(replaced), json.loads(other)
    assert [d for d in now["decisions"] if d["date"] != TODAY] == wanted["decisions"], \
        now["decisions"]
    differ = [k for k in set(now) | set(wanted) if k != "decisions" and now.get(k) != wanted.get(k)]
    assert not differ, f"after Replace, {differ} differ from the file's"

    def only_the_files():
        rows = journal_rows(app)
        only_the_files.last = f"rows {rows}"
        return len(rows) == 2 and all(any(note in r for r in rows) for note in OTHER_NOTES)
    poll("only the file's entries in the Journal view", only_the_files, WORK_TIMEOUT)

    undo = [b for b in buttons if (b.get_name() or "").endswith("Undo")]
    assert undo, f'the toast "{label}" offers no Undo'
    Atspi.Action.do_action(undo[0], 0)
    wait_toast(app, "Import undone")
    assert export() == before, "Undo did not put the journal back as it was"
    poll("the five entries back in the Journal view", lambda: len(journal_rows(app)) == 5,
         WORK_TIMEOUT)
    return f"replaced ({label!r}), then undone"


TESTS = [
    ("Export ▸ Full Backup (JSON)… saves what `prehab export` writes, and says so",
     test_export_json),
    ("Export ▸ Pain Entries (CSV)… under a typed name saves what `prehab export --format csv` writes",
     test_export_csv),
    ("Import Backup… with another journal's backup: the dialog says what it holds, "
     "Merge adds its entries to the journal and the Journal view", test_import_merge),
    ("importing the same backup again adds nothing", test_import_twice),
    ("a file cut short is refused with the reason and changes nothing", test_import_refused),
    ("Replace All Data leaves only the file's data; the toast's Undo puts it back",
     test_replace_and_undo),
]


if __name__ == "__main__":
    sys.exit(run_tests(TESTS, prepare))
