#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Take a screenshot of Prehab's Log Pain dialog, or of the window behind it.

Usage:
    screenshot-log.py PATH_TO_PREHAB OUTPUT.png [--dark] [--size WxH]
                      [--pain N | --click NAME | --scroll N]... [--window]
                      [--no-dialog] [--dump]

The caller provides the X display and the session bus, with xvfb-run OUTSIDE
dbus-run-session (see tests/e2e/screenshot.py):

    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \\
        /usr/bin/python3 tests/e2e/screenshot-log.py build/src/prehab /tmp/log.png \\
        --pain 6 --click "Between the shoulder blades" --click Sharp

    # a phone: the dialog is made 360 px wide (no window manager does it here)
    xvfb-run -a -s "-screen 0 360x720x24" dbus-run-session -- \\
        /usr/bin/python3 tests/e2e/screenshot-log.py build/src/prehab /tmp/narrow.png \\
        --size 360x720

The journal is a temporary folder in which `prehab start` ran on a pinned
day (PREHAB_TODAY, 2026-11-18) and three entries were logged, so the trigger
chips come most used first. The window opens, Ctrl+L opens the dialog, then:
in the order given, --pain types the digit, --click clicks the control with
that accessible name (toggles, rows, buttons; it must be in view) and
--scroll turns the mouse wheel over the dialog. --window pictures the main
window instead of the dialog (after the dialog was saved or closed by the
clicks); --dump prints the dialog's accessible tree.
"""

import argparse
import ctypes
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

TODAY = "2026-11-18"
TIMEOUT = 20.0
CONVERT = "/usr/bin/convert"
KEY_CONTROL_L = 37       # X keycodes of Xvfb's default keymap
KEY_L = 46


def die(message):
    print(f"screenshot-log.py: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


parser = argparse.ArgumentParser(description="Screenshot Prehab's Log Pain dialog under Xvfb.")
parser.add_argument("prehab")
parser.add_argument("output")
parser.add_argument("--dark", action="store_true")
parser.add_argument("--size", metavar="WxH", help="resize the dialog to this size")


class Step(argparse.Action):
    """Keeps --pain, --click and --scroll in the order given."""

    def __call__(self, parser, namespace, values, option_string=None):
        namespace.steps.append((option_string, values))


parser.add_argument("--pain", action=Step, metavar="N", help="type the digit N")
parser.add_argument("--click", action=Step, metavar="NAME", help="click the control named NAME")
parser.add_argument("--scroll", action=Step, metavar="N", help="turn the mouse wheel N steps down")
parser.set_defaults(steps=[])
parser.add_argument("--window", action="store_true", help="picture the main window")
parser.add_argument("--no-dialog", action="store_true", help="do not open the dialog")
parser.add_argument("--dump", action="store_true", help="print the dialog's accessible tree")
args = parser.parse_args()

if not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
    die("run under xvfb-run and dbus-run-session (see the docstring)")

import gi  # noqa: E402
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402


def poll(what, check):
    deadline = time.monotonic() + TIMEOUT
    while True:
        try:
            result = check()
            if result:
                return result
        except GLib.Error:
            pass
        if time.monotonic() > deadline:
            die(f"timed out waiting for {what}")
        time.sleep(0.05)


def walk(root):
    root.clear_cache()
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        for i in reversed(range(node.get_child_count())):
            child = node.get_child_at_index(i)
            if child is not None:
                stack.append(child)


def find(root, name, roles=None):
    """The first node named name; libadwaita 1.2 names some buttons
    "_Label Label", so a name that ends with " name" matches too."""
    for node in walk(root):
        node_name = node.get_name() or ""
        if ((node_name == name or node_name.endswith(" " + name))
                and (roles is None or node.get_role() in roles)):
            return node
    return None


def frame(app, title):
    for i in range(app.get_child_count()):
        child = app.get_child_at_index(i)
        # AdwWindow is a "filler" on this GTK, the main window a "frame".
        if child is not None and child.get_name() == title:
            return child
    return None


def click(node):
    ext = Atspi.Component.get_extents(node, Atspi.CoordType.WINDOW)
    x, y = ext.x + ext.width // 2, ext.y + ext.height // 2
    Atspi.generate_mouse_event(x, y, "abs")
    time.sleep(0.2)
    Atspi.generate_mouse_event(x, y, "b1p")
    time.sleep(0.1)
    Atspi.generate_mouse_event(x, y, "b1r")
    time.sleep(0.4)


def x_window(title):
    out = subprocess.run(["xwininfo", "-root", "-children"], check=True,
                         stdout=subprocess.PIPE, text=True).stdout
    pattern = re.compile(r'^\s*(0x[0-9a-f]+) "' + re.escape(title) +
                         r'": \(.*\)\s+(\d+)x(\d+)\+(-?\d+)\+(-?\d+)\s+\+(-?\d+)\+(-?\d+)\s*$')
    for line in out.splitlines():
        m = pattern.match(line)
        if m:
            wid = int(m.group(1), 16)
            w, h, _, _, x, y = (int(v) for v in m.groups()[1:])
            return wid, x, y, w, h
    return None


def resize(wid, width, height):
    xlib = ctypes.CDLL("libX11.so.6")
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XResizeWindow.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_uint, ctypes.c_uint]
    xlib.XFlush.argtypes = [ctypes.c_void_p]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    display = xlib.XOpenDisplay(None)
    xlib.XResizeWindow(display, wid, width, height)
    xlib.XFlush(display)
    xlib.XCloseDisplay(display)


def prepare(binary, data_dir, env):
    def run(*verb):
        subprocess.run([binary, "--data-dir", data_dir, *verb], check=True,
                       capture_output=True, env=env)
    run("start", "--date", "2026-11-16")
    run("log", "--pain", "3", "--context", "morning", "--region", "between-shoulder-blades",
        "--trigger", "computer-work", "--trigger", "sitting", "--at", "2026-11-16 08:30")
    run("log", "--pain", "4", "--context", "evening", "--region", "neck",
        "--trigger", "computer-work", "--trigger", "phone", "--at", "2026-11-16 20:00")
    run("log", "--pain", "2", "--context", "morning", "--region", "between-shoulder-blades",
        "--trigger", "computer-work", "--at", "2026-11-17 08:10")


def main():
    tmp = tempfile.mkdtemp(prefix="prehab-shot-log-")
    env = dict(os.environ, PREHAB_TODAY=TODAY, LANGUAGE=os.environ.get("LANGUAGE", "C"),
               GSETTINGS_BACKEND="memory", GSK_RENDERER="cairo",
               XDG_DATA_HOME=os.path.join(tmp, "xdg-data"),
               XDG_CONFIG_HOME=os.path.join(tmp, "xdg-config"),
               XDG_CACHE_HOME=os.path.join(tmp, "xdg-cache"))
    env.pop("NO_AT_BRIDGE", None)
    if args.dark:
        env["ADW_DEBUG_COLOR_SCHEME"] = "prefer-dark"
    data_dir = os.path.join(tmp, "data")
    os.mkdir(data_dir)
    proc = None
    try:
        prepare(os.path.abspath(args.prehab), data_dir, env)
        proc = subprocess.Popen([args.prehab, "--data-dir", data_dir], env=env,
                                stdin=subprocess.DEVNULL, start_new_session=True)

        def find_app():
            if proc.poll() is not None:
                die(f"prehab exited with status {proc.returncode}")
            desktop = Atspi.get_desktop(0)
            for i in range(desktop.get_child_count()):
                child = desktop.get_child_at_index(i)
                if child is not None and child.get_process_id() == proc.pid:
                    return child
            return None
        app = poll("prehab on the AT-SPI desktop", find_app)
        poll('the "Log Pain" button', lambda: find(app, "Log Pain", [Atspi.Role.PUSH_BUTTON]))
        time.sleep(0.5)
        if not args.no_dialog:
            Atspi.generate_keyboard_event(KEY_CONTROL_L, None, Atspi.KeySynthType.PRESS)
            Atspi.generate_keyboard_event(KEY_L, None, Atspi.KeySynthType.PRESSRELEASE)
            Atspi.generate_keyboard_event(KEY_CONTROL_L, None, Atspi.KeySynthType.RELEASE)
            dialog = poll("the Log Pain dialog", lambda: frame(app, "Log Pain"))
        else:
            dialog = poll("the main window", lambda: frame(app, "Prehab"))

        if args.size:
            width, height = (int(v) for v in args.size.split("x"))
            geometry = poll("the dialog's X window", lambda: x_window("Log Pain"))
            resize(geometry[0], width, height)
            time.sleep(1.0)

        for option, value in args.steps:
            if option == "--pain":
                Atspi.generate_keyboard_event(0x30 + int(value), None, Atspi.KeySynthType.SYM)
                time.sleep(0.3)
            elif option == "--scroll":
                # Over the left margin: over the calendar the wheel changes the month.
                ext = Atspi.Component.get_extents(dialog, Atspi.CoordType.WINDOW)
                Atspi.generate_mouse_event(ext.x + 6, ext.y + ext.height // 2, "abs")
                for _ in range(int(value)):
                    Atspi.generate_mouse_event(ext.x + 6, ext.y + ext.height // 2, "b5c")
                    time.sleep(0.1)
                time.sleep(0.5)
            else:
                node = poll(f"a control named {value!r}",
                            lambda: find(dialog if frame(app, "Log Pain") else app, value))
                click(node)
        if args.dump:
            for node in walk(dialog):
                print(f"{node.get_role_name()}: {node.get_name()!r}", flush=True)

        Atspi.generate_mouse_event(4000, 4000, "abs")
        time.sleep(1.0)
        title = "Prehab" if args.window else "Log Pain"
        geometry = poll(f'the X window "{title}"', lambda: x_window(title))
        _, x, y, w, h = geometry
        raw = os.path.join(tmp, "root.png")
        subprocess.run(["import", "-window", "root", raw], check=True)
        os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
        subprocess.run([CONVERT, raw, "-crop", f"{w}x{h}+{max(x, 0)}+{max(y, 0)}", "+repage",
                        f"png:{args.output}"], check=True)
        print(f"wrote {args.output} ({w}x{h}+{x}+{y})", flush=True)
        return 0
    finally:
        if proc is not None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=3)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
