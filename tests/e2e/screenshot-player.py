#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Watch a real guided session and take screenshots of it.

Usage:
    screenshot-player.py PATH_TO_PREHAB OUTPUT_DIR [--dark] [--prefix NAME]

The caller provides the X display and the session bus, with xvfb-run OUTSIDE
dbus-run-session (the screen size is the window's; see screenshot.py):

    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \\
        /usr/bin/python3 tests/e2e/screenshot-player.py build/src/prehab /tmp/shots
    xvfb-run -a -s "-screen 0 360x720x24" dbus-run-session -- \\
        /usr/bin/python3 tests/e2e/screenshot-player.py build/src/prehab /tmp/shots \\
        --prefix narrow --dark

Four weeks of history are written with the command line (a morning rating
and the whole session each day), so that the day is a strength day: the
session has paced reps, sides, holds, two sets and a rest. Then the window
is opened, Start Session pressed, and the session runs on the real clock;
steps are skipped only to reach the next moment worth a picture:
get-ready, breathe-in, switch-sides, hold, rest and finish (PNG files named
PREFIX-MOMENT.png). Nothing is saved.
"""

import argparse
import datetime
import os
import re
import subprocess
import sys
import time

import prehab_e2e
from prehab_e2e import App, Atspi, find, find_app, poll, walk

START = datetime.date(2026, 10, 20)
TODAY = START + datetime.timedelta(days=27)


def prepare(binary, data_dir):
    env = dict(os.environ, LANGUAGE="C")

    def run(day, *args):
        subprocess.run([binary, "--data-dir", data_dir, *args], check=True,
                       capture_output=True, env=dict(env, PREHAB_TODAY=day.isoformat()))

    run(START, "start", "--date", START.isoformat())
    for i in range((TODAY - START).days):
        day = START + datetime.timedelta(days=i)
        run(day, "log", "--pain", "2", "--context", "morning", "--at", f"{day.isoformat()} 07:30")
        run(day, "done", "--date", day.isoformat(), "--pain-during", "2", "--pain-after", "1")


def shoot(window, path):
    ext = Atspi.Component.get_extents(window, Atspi.CoordType.WINDOW)
    time.sleep(0.4)
    # The pointer off the window: no hover, no tooltip.
    Atspi.generate_mouse_event(4000, 4000, "abs")
    raw = path + ".raw.png"
    subprocess.run(["import", "-window", "root", raw], check=True)
    crop = f"{ext.width + 10}x{ext.height + 10}+0+0"
    subprocess.run(["/usr/bin/convert", raw, "-crop", crop, "+repage", path], check=True)
    os.unlink(raw)
    print(f"wrote {path}", flush=True)


def label_named(window, pattern):
    for node in walk(window):
        if node.get_role() == Atspi.Role.LABEL and re.fullmatch(pattern, node.get_name() or ""):
            return node
    return None


def step_panel(window):
    for node in walk(window):
        if node.get_role() == Atspi.Role.PANEL and re.match(
                r"^(Get Ready|Go|Rest|Switch Sides|Paused): ", node.get_name() or ""):
            return node
    return None


def skip_until(window, panel, prefix):
    skip = find(window, role=Atspi.Role.PUSH_BUTTON, name="Next Step")
    for _ in range(60):
        panel.clear_cache()
        if (panel.get_name() or "").startswith(prefix):
            return
        before = panel.get_name()
        Atspi.Action.do_action(skip, 0)

        def moved():
            panel.clear_cache()
            return panel.get_name() != before
        poll(f"the step after {before!r}", moved)
    raise RuntimeError(f"no step {prefix!r}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("prehab")
    parser.add_argument("output_dir")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--prefix", default="light")
    args = parser.parse_args()

    binary = os.path.abspath(args.prehab)
    os.makedirs(args.output_dir, exist_ok=True)
    os.environ["PREHAB_TODAY"] = TODAY.isoformat()
    if args.dark:
        os.environ["ADW_DEBUG_COLOR_SCHEME"] = "prefer-dark"
    Atspi.set_timeout(2000, 5000)

    app = App(binary, lambda data_dir: prepare(binary, data_dir))
    try:
        node = find_app(app)

        def out(name):
            return os.path.join(args.output_dir, f"{args.prefix}-{name}.png")

        shoot(node.get_child_at_index(0), out("today"))
        start = poll("Start Session", lambda: find(node, role=Atspi.Role.PUSH_BUTTON, name="Start Session"))
        Atspi.Action.do_action(start, 0)
        window = poll("the player", lambda: find(node, role=Atspi.Role.FRAME, name="Guided Session"))
        panel = poll("the step", lambda: step_panel(window))
        time.sleep(2)
        shoot(window, out("get-ready"))

        skip_until(window, panel, "Go: Cat-cow")
        poll('"Breathe in" half way', lambda: label_named(window, "Breathe in"))
        time.sleep(2)
        shoot(window, out("breathe-in"))

        skip_until(window, panel, "Switch Sides")
        time.sleep(1)
        shoot(window, out("switch-sides"))

        skip_until(window, panel, "Go: Chest expansion")
        poll('"Hold"', lambda: label_named(window, "Hold"), timeout=15)
        time.sleep(1)
        shoot(window, out("hold"))
        # A whole rep done, so that there is something to save.
        poll('"Rep 2"', lambda: label_named(window, r"Rep 2 of \d+"), timeout=20)

        skip_until(window, panel, "Rest")
        time.sleep(1)
        shoot(window, out("rest"))

        skip = find(window, role=Atspi.Role.PUSH_BUTTON, name="Next Step")
        pause = find(window, role=Atspi.Role.PUSH_BUTTON, name="Pause")
        for _ in range(100):
            pause.clear_cache()
            if not pause.get_state_set().contains(Atspi.StateType.SENSITIVE):
                break
            Atspi.Action.do_action(skip, 0)
            time.sleep(0.3)
        during = poll("the pain scale", lambda: find(window, role=Atspi.Role.SLIDER,
                                                     name="Highest pain during the session"))
        Atspi.Value.set_current_value(during, 3)
        Atspi.Value.set_current_value(find(window, role=Atspi.Role.SLIDER, name="Pain right now"), 2)
        time.sleep(1)
        shoot(window, out("finish"))
    finally:
        app.stop()
    return 0


if __name__ == "__main__":
    prehab_e2e.check_environment = lambda: None
    sys.exit(main())
