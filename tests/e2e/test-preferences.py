#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the preferences and the reminders, driven through
AT-SPI.

Usage (see prehab_e2e.py for the display and bus it needs):
    test-preferences.py PATH_TO_PREHAB

A program is started with `prehab start` on a pinned day, and a stand-in
notification server (fake_notifications.py) records what Prehab sends. The
test opens Preferences with Ctrl+comma, turns the movement-break and session
reminders on, moves the session reminder to 00:00 so it is due at once, sees
the notification with its buttons, snoozes it from the notification, and
closes the window: Prehab keeps running and says so once.
"""

import atexit
import json
import os
import subprocess
import sys
import time

import prehab_e2e
from prehab_e2e import Atspi, find, has_state, poll, run_tests, window_named

prehab_e2e.TOTAL_TIMEOUT = 110

TODAY = "2026-11-18"
KEY_CONTROL_L = 37   # X keycodes of Xvfb's default keymap
KEY_COMMA = 59
KEY_RETURN = 0xff0d  # keysyms
SWITCH = Atspi.Role.CHECK_BOX  # what GTK 4.8 makes of a GtkSwitch
state = {}

os.environ["PREHAB_TODAY"] = TODAY


def prepare(data_dir):
    env = dict(os.environ, LANGUAGE="C")
    subprocess.run([os.path.abspath(sys.argv[1]), "--data-dir", data_dir, "start"],
                   check=True, capture_output=True, env=env)
    calls = os.path.join(data_dir, "notifications.jsonl")
    state["calls"] = calls
    state["actions"] = os.path.join(data_dir, "actions.txt")
    server = subprocess.Popen([sys.executable,
                               os.path.join(os.path.dirname(__file__), "fake_notifications.py"),
                               calls, state["actions"]])
    atexit.register(server.terminate)
    deadline = time.monotonic() + 10
    while not (os.path.exists(calls) and open(calls, encoding="utf-8").read()):
        if time.monotonic() > deadline or server.poll() is not None:
            raise RuntimeError("the stand-in notification server did not start")
        time.sleep(0.05)


def notifications():
    with open(state["calls"], encoding="utf-8") as calls:
        return [json.loads(line) for line in calls if line.strip()]


def sent(summary):
    return [n for n in notifications() if n.get("call") == "Notify" and n["summary"] == summary]


def click(node):
    ext = Atspi.Component.get_extents(node, Atspi.CoordType.WINDOW)
    x, y = ext.x + ext.width // 2, ext.y + ext.height // 2
    Atspi.generate_mouse_event(x, y, "b1c")


def test_open_preferences(app):
    poll("the main window", lambda: window_named(app, "Prehab"))
    time.sleep(0.5)
    Atspi.generate_keyboard_event(KEY_CONTROL_L, None, Atspi.KeySynthType.PRESS)
    Atspi.generate_keyboard_event(KEY_COMMA, None, Atspi.KeySynthType.PRESSRELEASE)
    Atspi.generate_keyboard_event(KEY_CONTROL_L, None, Atspi.KeySynthType.RELEASE)
    prefs = poll("the Preferences window", lambda: window_named(app, "Preferences"))
    time.sleep(0.5)
    state["prefs"] = prefs
    poll("the Program page's start date", lambda: find(prefs, name="Start Date"))
    return "Ctrl+comma opened Preferences"


def test_break_reminders(app):
    prefs = state["prefs"]
    tab = poll('the page tab "Reminders"',
               lambda: find(prefs, role=Atspi.Role.PAGE_TAB, name="Reminders"))
    Atspi.Action.do_action(tab, 0)
    switch = poll('the switch "Movement Break Reminders"',
                  lambda: find(prefs, name="Movement Break Reminders", role=SWITCH))
    if has_state(switch, Atspi.StateType.CHECKED):
        raise AssertionError("movement-break reminders were on before")
    time.sleep(0.3)
    click(switch)
    poll("the switch turned on", lambda: has_state(switch, Atspi.StateType.CHECKED))
    interval = poll('"Minutes Between Breaks", usable',
                    lambda: (lambda n: n if n is not None
                             and has_state(n, Atspi.StateType.SENSITIVE) else None)(
                        find(prefs, role=Atspi.Role.SPIN_BUTTON, name="Minutes Between Breaks")))
    return f"movement-break reminders on; interval {interval.get_name()} usable"


def test_session_reminder_sent(app):
    prefs = state["prefs"]
    switch = poll('the switch "Session Reminder"',
                  lambda: find(prefs, name="Session Reminder", role=SWITCH))
    click(switch)
    poll("the session reminder on", lambda: has_state(switch, Atspi.StateType.CHECKED))
    spin = poll('the spin button "Time"', lambda: find(prefs, role=Atspi.Role.SPIN_BUTTON,
                                                         name="Time"))
    # GTK 4.8 refuses grab_focus: click into the spin button's text.
    ext = Atspi.Component.get_extents(spin, Atspi.CoordType.WINDOW)
    Atspi.generate_mouse_event(ext.x + 12, ext.y + ext.height // 2, "b1c")
    time.sleep(0.3)
    Atspi.EditableText.set_text_contents(spin, "00:00")
    Atspi.generate_keyboard_event(KEY_RETURN, None, Atspi.KeySynthType.SYM)

    def check():
        found = sent("Time for Your Session")
        check.last = f"notifications: {[n.get('summary') for n in notifications()]}"
        return found
    notes = poll("the session reminder's notification", check)
    actions = notes[-1]["actions"]
    keys = actions[0::2]
    labels = actions[1::2]
    for label in ("Start Session", "Log Pain", "Snooze"):
        if label not in labels:
            raise AssertionError(f"no button {label!r} in {actions}")
    if "app.start-session" not in keys or "app.log-pain" not in keys:
        raise AssertionError(f"buttons are not app actions: {actions}")
    state["snooze"] = keys[labels.index("Snooze")]
    return f"sent with buttons {labels} ({keys})"


def test_snooze_from_notification(app):
    before = len(notifications())
    with open(state["actions"], "w", encoding="utf-8") as f:
        f.write(state["snooze"] + "\n")

    def check():
        calls = notifications()[before:]
        check.last = f"calls: {calls}"
        return any(c.get("call") == "CloseNotification" for c in calls)
    poll("the reminder withdrawn by Snooze", check)
    if len(sent("Time for Your Session")) != 1:
        raise AssertionError("the snoozed reminder came back at once")
    return f"{state['snooze']} withdrew the reminder; it comes back in 10 minutes"


def test_keeps_running_when_closed(app):
    prefs = state["prefs"]
    Atspi.Action.do_action(find(prefs, role=Atspi.Role.PUSH_BUTTON, name="Close"), 0)
    poll("Preferences closed", lambda: window_named(app, "Preferences") is None)
    time.sleep(0.5)
    main = poll("the main window", lambda: window_named(app, "Prehab"))
    close = poll('the button "Close"', lambda: find(main, role=Atspi.Role.PUSH_BUTTON,
                                                     name="Close"))
    Atspi.Action.do_action(close, 0)

    def check():
        found = sent("Prehab Keeps Running for Your Reminders")
        check.last = f"notifications: {[n.get('summary') for n in notifications()]}"
        return found
    poll("the notice that Prehab keeps running", check)
    time.sleep(1)
    if app_process.poll() is not None:
        raise AssertionError("Prehab quit although reminders are on")
    return "the window closed, Prehab still runs and said so"


app_process = None


def track_process(app):
    global app_process
    # The node's process id is the app's; keep a handle to poll it.
    pid = app.get_process_id()

    class Proc:
        def poll(self):
            try:
                os.kill(pid, 0)
                return None
            except ProcessLookupError:
                return 0
    app_process = Proc()
    return f"prehab is pid {pid}"


if __name__ == "__main__":
    sys.exit(run_tests([
        ("Prehab runs", track_process),
        ("Ctrl+comma opens Preferences", test_open_preferences),
        ("Movement-break reminders are turned on", test_break_reminders),
        ("A session reminder due now is sent with its buttons", test_session_reminder_sent),
        ("Snooze from the notification withdraws it", test_snooze_from_notification),
        ("Closing the window keeps Prehab running, and it says so", test_keeps_running_when_closed),
    ], prepare=prepare))
