#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Take a screenshot of one of Prehab's help windows: "How the Plan Adapts"
(opened with F1), the keyboard shortcuts (Ctrl+?) or About Prehab (from the
main menu).

Usage:
    screenshot-help.py PATH_TO_PREHAB OUTPUT.png {plan-help,shortcuts,about}
                       [--dark] [--scroll N] [--page TITLE]

The caller provides the X display and the session bus, with xvfb-run OUTSIDE
dbus-run-session; choose the width with the Xvfb screen:

    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \\
        /usr/bin/python3 tests/e2e/screenshot-help.py build/src/prehab /tmp/help.png plan-help
    xvfb-run -a -s "-screen 0 360x720x24" dbus-run-session -- \\
        /usr/bin/python3 tests/e2e/screenshot-help.py build/src/prehab /tmp/about.png about \\
        --page "Legal"

--scroll N presses Page Down N times in the help window first; --page
clicks the About window's row (or button) of that name first. The app runs
on a temporary data folder with a program started on a pinned day; the
picture is the whole screen (without a window manager every window sits at
0,0, the newest on top), cropped to the newest window.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

TIMEOUT = 20.0
CONVERT = "/usr/bin/convert"
KEY_F1, KEY_PAGE_DOWN = 0xffbe, 0xff56
KEYCODE_CONTROL_L, KEYCODE_SHIFT_L, KEYCODE_SLASH = 37, 50, 61  # Xvfb's default keymap
TITLES = {"plan-help": "How the Plan Adapts", "shortcuts": "Shortcuts", "about": "About"}


def die(message):
    print(f"screenshot-help.py: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def poll(what, check):
    deadline = time.monotonic() + TIMEOUT
    while True:
        try:
            result = check()
            if result:
                return result
        except GLib.Error:
            pass
        if time.monotonic() >= deadline:
            die(f"timed out waiting for {what}; last seen: {getattr(check, 'last', None)}")
        time.sleep(0.05)


def find(root, role, name, depth=0):
    if root.get_role() == role and root.get_name() == name:
        return root
    if depth > 30:
        return None
    for i in range(root.get_child_count()):
        child = root.get_child_at_index(i)
        if child is not None:
            found = find(child, role, name, depth + 1)
            if found is not None:
                return found
    return None


def window_named(app, title):
    for i in range(app.get_child_count()):
        child = app.get_child_at_index(i)
        if child is not None and title in (child.get_name() or ""):
            return child
    return None


def key(keysym, kind=Atspi.KeySynthType.SYM):
    Atspi.generate_keyboard_event(keysym, None, kind)


def x_geometry(title):
    out = subprocess.run(["xwininfo", "-root", "-children"], check=True,
                         stdout=subprocess.PIPE, text=True).stdout
    pattern = re.compile(r'^\s*0x[0-9a-f]+ "' + re.escape(title) +
                         r'": \(.*\)\s+(\d+)x(\d+)\+(-?\d+)\+(-?\d+)\s+\+(-?\d+)\+(-?\d+)\s*$')
    for line in out.splitlines():
        m = pattern.match(line)
        if m:
            w, h, _, _, x, y = (int(v) for v in m.groups())
            return x, y, w, h
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("prehab")
    parser.add_argument("output")
    parser.add_argument("window", choices=sorted(TITLES))
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--scroll", type=int, default=0)
    parser.add_argument("--page")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        die("run under xvfb-run and dbus-run-session (see the docstring)")

    Atspi.set_timeout(2000, 5000)
    tmp = tempfile.mkdtemp(prefix="prehab-help-shot-")
    env = dict(os.environ, GSETTINGS_BACKEND="memory", GSK_RENDERER="cairo",
               PREHAB_TODAY="2026-11-18", XDG_CONFIG_HOME=os.path.join(tmp, "config"))
    env.pop("NO_AT_BRIDGE", None)
    env.pop("ADW_DEBUG_COLOR_SCHEME", None)
    if args.dark:
        env["ADW_DEBUG_COLOR_SCHEME"] = "prefer-dark"
    data_dir = os.path.join(tmp, "data")
    proc = None
    try:
        subprocess.run([args.prehab, "--data-dir", data_dir, "start"], env=env, check=True,
                       capture_output=True)
        proc = subprocess.Popen([args.prehab, "--data-dir", data_dir], env=env,
                                stdin=subprocess.DEVNULL, start_new_session=True)

        def find_app():
            desktop = Atspi.get_desktop(0)
            for i in range(desktop.get_child_count()):
                child = desktop.get_child_at_index(i)
                if child is not None and child.get_process_id() == proc.pid:
                    return child
            return None
        app = poll("the app", find_app)
        main_window = poll("the main window", lambda: window_named(app, "Prehab"))
        poll("the day's title",
             lambda: find(main_window, Atspi.Role.LABEL, "Week 1, Day 1"))
        time.sleep(0.5)

        if args.window == "plan-help":
            key(KEY_F1)
        elif args.window == "shortcuts":
            key(KEYCODE_CONTROL_L, Atspi.KeySynthType.PRESS)
            key(KEYCODE_SHIFT_L, Atspi.KeySynthType.PRESS)
            key(KEYCODE_SLASH, Atspi.KeySynthType.PRESSRELEASE)
            key(KEYCODE_SHIFT_L, Atspi.KeySynthType.RELEASE)
            key(KEYCODE_CONTROL_L, Atspi.KeySynthType.RELEASE)
        else:
            menu = poll("the main menu", lambda: find(main_window, Atspi.Role.PUSH_BUTTON,
                                                      "Main Menu")
                        or find(main_window, Atspi.Role.TOGGLE_BUTTON, "Main Menu"))
            Atspi.Action.do_action(menu.get_child_at_index(0) or menu, 0)
            item = poll("About Prehab", lambda: find(app, Atspi.Role.MENU_ITEM, "About Prehab"))
            Atspi.Action.do_action(item, 0)

        def new_window():
            found = window_named(app, TITLES[args.window])
            names = [app.get_child_at_index(i).get_name() for i in range(app.get_child_count())]
            new_window.last = names
            return found
        window = poll(f"the {args.window} window", new_window)
        time.sleep(1.0)
        for _ in range(args.scroll):
            key(KEY_PAGE_DOWN)
            time.sleep(0.2)
        if args.page:
            target = poll(f'"{args.page}"', lambda: find(window, Atspi.Role.LIST_ITEM, args.page)
                          or find(window, Atspi.Role.PUSH_BUTTON, args.page))
            ext = Atspi.Component.get_extents(target, Atspi.CoordType.WINDOW)
            geometry = x_geometry(window.get_name()) or (0, 0, 0, 0)
            Atspi.generate_mouse_event(geometry[0] + ext.x + ext.width // 2,
                                       geometry[1] + ext.y + ext.height // 2, "b1c")
            time.sleep(1.0)
        Atspi.generate_mouse_event(4000, 4000, "abs")
        time.sleep(0.5)

        full = os.path.join(tmp, "root.png")
        subprocess.run(["import", "-window", "root", full], check=True)
        geometry = x_geometry(window.get_name())
        if geometry is None:
            shutil.copy(full, args.output)
        else:
            x, y, w, h = geometry
            subprocess.run([CONVERT, full, "-crop", f"{w}x{h}+{max(x, 0)}+{max(y, 0)}", "+repage",
                            args.output], check=True)
        print(f"wrote {args.output} ({window.get_name()!r}, {geometry})")
    finally:
        if proc is not None and proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
