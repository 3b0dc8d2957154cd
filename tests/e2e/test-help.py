#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of "How the Plan Adapts", driven through AT-SPI.

Usage (see prehab_e2e.py for the display and bus it needs):
    test-help.py PATH_TO_PREHAB

With a program started on a pinned day, F1 opens the help window, whose
sections are headings for assistive technologies (one per phase among
them) and whose pain zones state the planner's numbers; Escape closes it.
The Today view's "How Does the Plan Decide?" button opens it too.
"""

import os
import subprocess
import sys
import time

from prehab_e2e import Atspi, find, main_window, poll, run_tests, window_named

TODAY = "2026-11-18"
TITLE = "How the Plan Adapts"
KEY_F1, KEY_ESCAPE = 0xffbe, 0xff1b

os.environ["PREHAB_TODAY"] = TODAY


def prepare(data_dir):
    env = dict(os.environ, LANGUAGE="C")
    subprocess.run([os.path.abspath(sys.argv[1]), "--data-dir", data_dir, "start"],
                   check=True, capture_output=True, env=env)


def wait_closed(app):
    # Ask for the window by name only; keep the walk shallow while a
    # window goes away (HACKING.md, Known problems).
    poll(f'"{TITLE}" to close', lambda: window_named(app, TITLE) is None)
    time.sleep(0.3)


def test_f1_opens_help(app):
    window = main_window(app)
    poll("Today's decision", lambda: find(window, role=Atspi.Role.LABEL, name="Start"))
    Atspi.generate_keyboard_event(KEY_F1, None, Atspi.KeySynthType.SYM)
    help_window = poll(f'the "{TITLE}" window', lambda: window_named(app, TITLE))
    time.sleep(0.5)
    headings = []
    for name in ("Desensitize", "Mobilize", "Strengthen", "Maintain", "Pain Zones",
                 "Warning Signs"):
        poll(f'the heading "{name}"',
             lambda: find(help_window, role=Atspi.Role.HEADING, name=name))
        headings.append(name)
    for zone in ("Green: 0 to 3", "Amber: 4 to 5", "Red: 6 or more"):
        poll(f'the zone "{zone}"', lambda: find(help_window, role=Atspi.Role.LABEL, name=zone))
    return f"headings {headings} and the three zones"


def test_escape_closes_help(app):
    poll(f'the "{TITLE}" window', lambda: window_named(app, TITLE))
    Atspi.generate_keyboard_event(KEY_ESCAPE, None, Atspi.KeySynthType.SYM)
    wait_closed(app)
    return "closed"


def test_today_button_opens_help(app):
    window = main_window(app)
    button = poll('the "How Does the Plan Decide?" button',
                  lambda: find(window, role=Atspi.Role.PUSH_BUTTON,
                               name="How Does the Plan Decide?"))
    Atspi.Action.do_action(button, 0)
    poll(f'the "{TITLE}" window', lambda: window_named(app, TITLE))
    Atspi.generate_keyboard_event(KEY_ESCAPE, None, Atspi.KeySynthType.SYM)
    wait_closed(app)
    return "opened from the Today view"


sys.exit(run_tests([
    ("F1 opens How the Plan Adapts, with a heading per phase and the zones' numbers",
     test_f1_opens_help),
    ("Escape closes it", test_escape_closes_help),
    ("The Today view's button opens it", test_today_button_opens_help),
], prepare=prepare))
