#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of an exercise's figure when the system asks for less
motion, driven through AT-SPI.

Usage (see prehab_e2e.py for the display and bus it needs):
    test-exercise-still.py PATH_TO_PREHAB

GTK's own settings file turns animations off (gtk-enable-animations=false,
what the desktop's reduce-motion setting does). The detail page of an
exercise with a figure then shows the figure still, described, with no
play or pause button and a note that says why.
"""

import os
import subprocess
import sys

from prehab_e2e import Atspi, find, poll, run_tests, walk

EXERCISE = "Cat-cow, mid-back bias"
NOTE = ("Animations are turned off in the system settings, "
        "so the figure shows the end of the movement.")


def prepare(data_dir):
    # A program in progress: no set-up window over the main one.
    subprocess.run([os.path.abspath(sys.argv[1]), "--data-dir", data_dir, "start"],
                   check=True, capture_output=True, env=dict(os.environ, LANGUAGE="C"))
    # prehab_e2e points XDG_CONFIG_HOME here.
    settings_dir = os.path.join(data_dir, "xdg-config", "gtk-4.0")
    os.makedirs(settings_dir)
    with open(os.path.join(settings_dir, "settings.ini"), "w") as settings:
        settings.write("[Settings]\ngtk-enable-animations=false\n")


def test_still_figure(app):
    tab = poll('the "Exercises" view switcher',
               lambda: find(app, role=Atspi.Role.PAGE_TAB, name="Exercises"))
    if not Atspi.Action.do_action(tab, 0):
        raise RuntimeError('do_action(0) on the "Exercises" view switcher returned FALSE')
    view = poll('the "Exercises View"',
                lambda: find(app, role=Atspi.Role.PANEL, name="Exercises View"))

    def card():
        node = find(view, role=Atspi.Role.TABLE_CELL, name=EXERCISE)
        if node is None:
            return None
        ext = Atspi.Component.get_extents(node, Atspi.CoordType.WINDOW)
        return ext.width > 0 and ext.y >= 0 and ext
    ext = poll(f'the card "{EXERCISE}" on screen', card)
    Atspi.generate_mouse_event(ext.x + ext.width // 2, ext.y + ext.height // 2, "b1c")

    def check():
        back = find(view, role=Atspi.Role.PUSH_BUTTON, name="Back to All Exercises")
        images = [node.get_name() for node in walk(view)
                  if node.get_role() == Atspi.Role.IMAGE and len(node.get_name() or "") > 20]
        note = find(view, role=Atspi.Role.LABEL, name=NOTE)
        buttons = [find(view, role=Atspi.Role.PUSH_BUTTON, name=name)
                   for name in ("Pause Animation", "Play Animation")]
        check.last = (f"back {'present' if back else 'absent'}, described images {images}, "
                      f"note {'present' if note else 'absent'}, "
                      f"play/pause buttons {[b.get_name() for b in buttons if b]}")
        return back and images and note and not any(buttons) and images[0]
    description = poll("the still figure, described, with the note and no play button", check)
    return f"figure described as {description!r}, the note shown, no play button"


TESTS = [
    ("with animations off the figure is still, described, and a note says why",
     test_still_figure),
]


if __name__ == "__main__":
    sys.exit(run_tests(TESTS, prepare))
