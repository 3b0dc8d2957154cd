#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of opening a damaged journal, driven through AT-SPI.

Usage (see prehab_e2e.py for the display and bus it needs):
    test-restore.py PATH_TO_PREHAB

The data folder holds a damaged prehab.db and a good backup. The app must
explain what happened, write nothing on its own, and on "Restore Latest
Backup" put the backup in place, keep the damaged file beside it, and show
the catalog.
"""

import glob
import hashlib
import os
import shutil
import subprocess
import sys

from prehab_e2e import Atspi, find, poll, run_tests

state = {}


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def prepare(data_dir):
    """A good journal copied into backups/, then the journal itself damaged."""
    env = dict(os.environ, LANGUAGE="C")
    subprocess.run([os.path.abspath(sys.argv[1]), "--data-dir", data_dir, "exercises"],
                   check=True, capture_output=True, env=env)
    journal = os.path.join(data_dir, "prehab.db")
    os.makedirs(os.path.join(data_dir, "backups"), mode=0o700)
    shutil.copy(journal, os.path.join(data_dir, "backups", "prehab-schema1-20261101-090000.db"))
    with open(journal, "wb") as f:
        f.write(b"SQLite format 3\x00" + bytes(range(256)) * 16)
    state["data_dir"] = data_dir
    state["damaged"] = sha256(journal)


def restore_button(app):
    # libadwaita 1.2 names a response button "_Label Label": match the end.
    return find(app, role=Atspi.Role.PUSH_BUTTON, suffix="Restore Latest Backup")


def test_dialog_explains(app):
    def check():
        text = find(app, role=Atspi.Role.LABEL, contains="is damaged")
        return text is not None and restore_button(app) is not None
    poll('the "damaged" message and a "Restore Latest Backup" button', check)
    journal = os.path.join(state["data_dir"], "prehab.db")
    if sha256(journal) != state["damaged"]:
        raise AssertionError("the damaged journal was changed before the person chose anything")
    return "the dialog explains and offers the backup; the journal is untouched"


def test_restore(app):
    if not Atspi.Action.do_action(restore_button(app), 0):
        raise AssertionError("the Restore Latest Backup button did not take the click")

    poll("the catalog after the restore",
         lambda: find(app, role=Atspi.Role.LIST_ITEM, prefix="Cat-cow") or
         find(app, prefix="Cat-cow"))
    poll("the toast saying the damaged copy was kept",
         lambda: find(app, contains="damaged copy is kept"))

    kept = glob.glob(os.path.join(state["data_dir"], "prehab-replaced-*.db"))
    if len(kept) != 1 or sha256(kept[0]) != state["damaged"]:
        raise AssertionError(f"the damaged journal was not kept as it was: {kept}")
    return f"restored; the damaged file is kept as {os.path.basename(kept[0])}"


TESTS = [
    ("a damaged journal is explained and left alone", test_dialog_explains),
    ("Restore Latest Backup brings the catalog back and keeps the damaged file", test_restore),
]


if __name__ == "__main__":
    sys.exit(run_tests(TESTS, prepare))
