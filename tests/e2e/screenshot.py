#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Take a screenshot of Prehab's window showing the exercise catalog.

Usage:
    screenshot.py PATH_TO_PREHAB OUTPUT.png [--dark] [--width W] [--height H]
                  [--search TEXT]

The caller provides the X display and the session bus, with xvfb-run OUTSIDE
dbus-run-session. The app has no option to set its window size, and with no
window manager its window sits at 0,0 with its default size (860x720) cut to
the screen, so choose the size with the Xvfb screen (the window is never made
narrower than its minimum width, though: it then extends past the screen):

    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \\
        /usr/bin/python3 tests/e2e/screenshot.py build/src/prehab /tmp/shots/light.png

    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \\
        /usr/bin/python3 tests/e2e/screenshot.py build/src/prehab /tmp/shots/dark.png --dark

    # narrow (phone) width: make the screen itself 360 px wide
    xvfb-run -a -s "-screen 0 360x720x24" dbus-run-session -- \\
        /usr/bin/python3 tests/e2e/screenshot.py build/src/prehab /tmp/shots/narrow.png

    # with a search typed into the search bar
    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \\
        /usr/bin/python3 tests/e2e/screenshot.py build/src/prehab /tmp/shots/search.png \\
        --search "open book"

    # the Exercises view with a filter on, and an exercise's detail page
    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \\
        /usr/bin/python3 tests/e2e/screenshot.py build/src/prehab /tmp/shots/filter.png \\
        --view 3 --filter Strengthen
    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \\
        /usr/bin/python3 tests/e2e/screenshot.py build/src/prehab /tmp/shots/detail.png \\
        --view 3 --search "open book" --exercise "Side-lying open book"

The app runs with a temporary, empty --data-dir (removed afterwards),
GSETTINGS_BACKEND=memory and GSK_RENDERER=cairo; --dark sets
ADW_DEBUG_COLOR_SCHEME=prefer-dark. The script waits (through AT-SPI) until
the window lists the catalog (the cards of the Exercises grid), optionally
presses "Search Exercises" and sets the search text, waits for the grid to
follow it, checks filters (--filter) and opens an exercise's card
(--exercise), then waits ~1 s more for
rendering, grabs the root window with ImageMagick's `import -window root`
(or `xwd -root` if `import` is missing) and crops it to the window.

Before the picture the pointer is parked in the bottom-right corner of the
screen (Xvfb starts with it in the middle, hovering a row, which shows that
row's tooltip in the picture).

The crop is the top-level X window (found with xwininfo by the title AT-SPI
reports for the frame), clipped to the screen. Without a compositor GTK draws
a solid 5 px client-side border around the content, and AT-SPI's extents are
those of the content only (860x720 window = 850x710 content at 5,5); without
xwininfo the AT-SPI extents are used. --width/--height override the crop size.
The script prints the sizes it found and warns when the window does not fit
the screen: then the picture shows only the part of the window on screen.
At 360x720 the X window is 360x720 (content 350x710): every view fits the
narrowest width.
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

TIMEOUT = 20.0
POLL_INTERVAL = 0.05
RENDER_WAIT = 1.0
CONVERT = "/usr/bin/convert"    # not the `convert` first on PATH


def die(message):
    print(f"screenshot.py: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def parse_args():
    parser = argparse.ArgumentParser(
        description="Screenshot Prehab's exercise catalog under Xvfb "
                    "(see the module docstring for how to call it).")
    parser.add_argument("prehab", help="path to the prehab binary")
    parser.add_argument("output", help="PNG file to write")
    parser.add_argument("--dark", action="store_true",
                        help="prefer the dark style (ADW_DEBUG_COLOR_SCHEME=prefer-dark)")
    parser.add_argument("--width", type=int, help="crop width (default: the window's width)")
    parser.add_argument("--height", type=int, help="crop height (default: the window's height)")
    parser.add_argument("--no-animations", action="store_true",
                        help="turn animations off, as the system's reduce-motion setting "
                             "does (gtk-enable-animations=false in GTK's settings.ini)")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="use this data folder (kept) instead of an empty one")
    parser.add_argument("--view", type=int, metavar="N",
                        help="press Alt+N to show the N-th view (1 Today, 2 Plan, 3 Exercises, 4 Journal)")
    parser.add_argument("--search", metavar="TEXT",
                        help="open the search bar and search for TEXT first")
    parser.add_argument("--filter", metavar="LABEL", action="append", default=[],
                        help="check the filter LABEL (e.g. Strengthen) in the Exercises "
                             "view's Filters popover (repeat for more); needs --view 3")
    parser.add_argument("--show-filters", action="store_true",
                        help="leave the Filters popover open (with --filter) or open it")
    parser.add_argument("--exercise", metavar="NAME",
                        help="open the detail page of the exercise whose card is named NAME "
                             "(after --search and --filter); needs --view 3")
    parser.add_argument("--click", metavar="NAME", action="append", default=[],
                        help="press the button (or toggle) named NAME, after the view and "
                             "before the exercise; may be given more than once")
    parser.add_argument("--focus", metavar="NAME",
                        help="last, press Tab until the control named NAME has the focus "
                             "(which scrolls it into view), e.g. a button far down a page")
    return parser.parse_args()


args = parse_args()
if not os.environ.get("DISPLAY"):
    die("DISPLAY is not set: run under "
        "'xvfb-run -a -s \"-screen 0 WxHx24\" dbus-run-session -- ...'")
if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
    die("DBUS_SESSION_BUS_ADDRESS is not set: run inside 'dbus-run-session -- ...'")
if not os.access(args.prehab, os.X_OK):
    die(f"{args.prehab} is not an executable")

try:
    import gi
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi, GLib
except (ImportError, ValueError) as e:
    die(f"cannot import gi.repository.Atspi ({e}); use /usr/bin/python3")


class Failure(Exception):
    pass


def on_signal(signum, _frame):
    raise Failure(f"received signal {signal.Signals(signum).name}")


def poll(what, check, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = check()
            if result:
                return result
        except GLib.Error:
            pass
        if time.monotonic() >= deadline:
            raise Failure(f"timed out after {timeout:.0f} s waiting for {what}"
                          + (f"; last seen: {check.last}" if getattr(check, "last", None) else ""))
        time.sleep(POLL_INTERVAL)


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


def find(root, role, name):
    for node in walk(root):
        if node.get_role() == role and node.get_name() == name:
            return node
    return None


def list_rows(app_node):
    """The names of the cards of the Exercises grid (a table of cells)."""
    grid = find(app_node, Atspi.Role.TABLE, "Exercises")
    if grid is None:
        # In another language (LANGUAGE=de): the table with the most cells.
        tables = [n for n in walk(app_node) if n.get_role() == Atspi.Role.TABLE]
        grid = max(tables, key=lambda n: n.get_child_count(), default=None)
    if grid is None:
        return None
    return [grid.get_child_at_index(i).get_name()
            for i in range(grid.get_child_count())]


def count_label(app_node):
    for node in walk(app_node):
        if node.get_role() == Atspi.Role.LABEL:
            words = (node.get_name() or "").split()
            # "25 exercises", "8 of 25 exercises"
            if len(words) >= 2 and words[0].isdigit() and words[-1].startswith("exercise"):
                return node.get_name()
    return None


KEY_TAB, KEY_SPACE, KEY_ESCAPE = 0xff09, 0x20, 0xff1b


def press(keysym):
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)


def has_state(node, state):
    node.clear_cache()
    return node.get_state_set().contains(state)


def tab_to(node, what):
    """Press Tab until node has the focus."""
    for _ in range(80):
        if has_state(node, Atspi.StateType.FOCUSED):
            return
        press(KEY_TAB)
        time.sleep(0.05)
    raise Failure(f"Tab never reached {what}")


def check_filters(app_node, labels, keep_open):
    """Open the Filters popover and check each of labels with Tab and Space
    (GTK 4.8 check boxes have no AT-SPI action), then close it unless
    keep_open."""
    menu_button = poll('the "Filters" button',
                       lambda: find(app_node, Atspi.Role.PUSH_BUTTON, "Filters"))
    # The menu button's own toggle button is what takes the click.
    Atspi.Action.do_action(menu_button.get_child_at_index(0), 0)
    for label in labels:
        check = poll(f'the "{label}" filter', lambda: find(app_node, Atspi.Role.CHECK_BOX, label))
        tab_to(check, f'the "{label}" filter')
        press(KEY_SPACE)
        poll(f'the "{label}" filter to be checked',
             lambda: has_state(check, Atspi.StateType.CHECKED))
    if not keep_open:
        press(KEY_ESCAPE)


def open_exercise(app_node, name):
    """Click the card named name (it must be on screen) and wait for its
    detail page."""
    cell = poll(f'the card "{name}"', lambda: find(app_node, Atspi.Role.TABLE_CELL, name))
    ext = Atspi.Component.get_extents(cell, Atspi.CoordType.WINDOW)
    Atspi.generate_mouse_event(ext.x + ext.width // 2, ext.y + ext.height // 2, "b1c")
    poll(f'the detail page of "{name}"',
         lambda: find(app_node, Atspi.Role.PUSH_BUTTON, "Back to All Exercises"))


def grab_root(path):
    if shutil.which("import"):
        subprocess.run(["import", "-window", "root", path], check=True)
    else:
        xwd = subprocess.run(["xwd", "-root", "-silent"], check=True, stdout=subprocess.PIPE)
        subprocess.run([CONVERT, "xwd:-", f"png:{path}"], input=xwd.stdout, check=True)


def x_window_geometry(title):
    """(x, y, width, height) of the top-level X window titled title, or None."""
    if not shutil.which("xwininfo"):
        return None
    out = subprocess.run(["xwininfo", "-root", "-children"], check=True,
                         stdout=subprocess.PIPE, text=True).stdout
    # e.g.:  0x200004 "Prehab": ("prehab" "prehab")  860x720+0+0  +0+0
    pattern = re.compile(r'^\s*0x[0-9a-f]+ "' + re.escape(title) +
                         r'": \(.*\)\s+(\d+)x(\d+)\+(-?\d+)\+(-?\d+)\s+\+(-?\d+)\+(-?\d+)\s*$')
    for line in out.splitlines():
        m = pattern.match(line)
        if m:
            w, h, _, _, x, y = (int(v) for v in m.groups())
            return x, y, w, h
    return None


def park_pointer():
    """Move the pointer to the bottom-right corner of the screen.

    Xvfb starts with the pointer in the middle of the screen, where it hovers
    a row and shows its tooltip in the picture.
    """
    out = subprocess.run(["xwininfo", "-root"], stdout=subprocess.PIPE, text=True).stdout \
        if shutil.which("xwininfo") else ""
    m = re.search(r"-geometry (\d+)x(\d+)", out)
    w, h = (int(m.group(1)), int(m.group(2))) if m else (4000, 4000)
    Atspi.generate_mouse_event(w - 1, h - 1, "abs")


def image_size(path):
    out = subprocess.run([CONVERT, path, "-format", "%w %h", "info:"],
                         check=True, stdout=subprocess.PIPE, text=True).stdout
    w, h = out.split()
    return int(w), int(h)


def main():
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    Atspi.set_timeout(2000, 5000)

    tmp = tempfile.mkdtemp(prefix="prehab-shot-")
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env["GSETTINGS_BACKEND"] = "memory"
    env["GSK_RENDERER"] = "cairo"
    env["XDG_DATA_HOME"] = os.path.join(tmp, "xdg-data")
    env["XDG_CONFIG_HOME"] = os.path.join(tmp, "xdg-config")
    env["XDG_CACHE_HOME"] = os.path.join(tmp, "xdg-cache")
    if args.no_animations:
        settings_dir = os.path.join(env["XDG_CONFIG_HOME"], "gtk-4.0")
        os.makedirs(settings_dir)
        with open(os.path.join(settings_dir, "settings.ini"), "w") as settings:
            settings.write("[Settings]\ngtk-enable-animations=false\n")
    if args.dark:
        env["ADW_DEBUG_COLOR_SCHEME"] = "prefer-dark"
    else:
        env.pop("ADW_DEBUG_COLOR_SCHEME", None)

    if args.data_dir:
        data_dir = args.data_dir
    else:
        data_dir = os.path.join(tmp, "data")
        os.mkdir(data_dir)
    proc = None
    try:
        proc = subprocess.Popen([args.prehab, "--data-dir", data_dir],
                                env=env, stdin=subprocess.DEVNULL, start_new_session=True)

        def find_app():
            if proc.poll() is not None:
                raise Failure(f"prehab exited with status {proc.returncode}")
            desktop = Atspi.get_desktop(0)
            for i in range(desktop.get_child_count()):
                child = desktop.get_child_at_index(i)
                if child is not None and child.get_process_id() == proc.pid:
                    return child
            return None
        app_node = poll("prehab on the AT-SPI desktop", find_app)
        park_pointer()

        def catalog_shown():
            rows = list_rows(app_node)
            catalog_shown.last = f"rows: {rows}"
            return rows and (any(r.startswith("Cat-cow") for r in rows) or len(rows) >= 20)
        poll("the catalog in the Exercises view", catalog_shown)

        if args.view is not None:
            time.sleep(0.5)
            # X keycodes of the default Xvfb keymap: Alt_L 64, "1" 10 … "9" 18
            Atspi.generate_keyboard_event(64, None, Atspi.KeySynthType.PRESS)
            Atspi.generate_keyboard_event(9 + args.view, None, Atspi.KeySynthType.PRESSRELEASE)
            Atspi.generate_keyboard_event(64, None, Atspi.KeySynthType.RELEASE)
            time.sleep(0.5)

        if args.search is not None:
            button = poll('the "Search Exercises" button',
                          lambda: find(app_node, Atspi.Role.PUSH_BUTTON, "Search Exercises"))
            entry = poll('the "Search exercises" entry',
                         lambda: find(app_node, Atspi.Role.ENTRY, "Search exercises"))
            Atspi.Action.do_action(button, 0)

            def focused():
                entry.clear_cache()
                return entry.get_state_set().contains(Atspi.StateType.FOCUSED)
            poll("the search entry to take focus", focused)
            Atspi.EditableText.set_text_contents(entry, args.search)

            def filtered():
                label = count_label(app_node)
                filtered.last = f"count label {label!r}"
                # "N of M exercises" while cards show, or the empty state
                return ((label is not None and " of " in label)
                        or find(app_node, Atspi.Role.LABEL, "No Matching Exercises"))
            poll(f"the list to follow the search {args.search!r}", filtered)

        if args.filter or args.show_filters:
            check_filters(app_node, args.filter, args.show_filters)

        for name in args.click:
            target = poll(f'a button named "{name}"',
                          lambda: next((n for n in walk(app_node)
                                        if n.get_name() == name
                                        and n.get_role() in (Atspi.Role.PUSH_BUTTON,
                                                             Atspi.Role.TOGGLE_BUTTON,
                                                             Atspi.Role.PAGE_TAB)), None))
            Atspi.Action.do_action(target, 0)
            time.sleep(0.5)

        if args.exercise is not None:
            open_exercise(app_node, args.exercise)

        if args.focus is not None:
            target = poll(f'a control named "{args.focus}"',
                          lambda: next((n for n in walk(app_node)
                                        if n.get_name() == args.focus
                                        and n.get_state_set().contains(Atspi.StateType.FOCUSABLE)),
                                       None))
            tab_to(target, f'"{args.focus}"')

        frame = poll("the window", lambda: next(
            (c for c in (app_node.get_child_at_index(i) for i in range(app_node.get_child_count()))
             if c is not None and c.get_role() == Atspi.Role.FRAME), None))
        ext = Atspi.Component.get_extents(frame, Atspi.CoordType.WINDOW)
        title = frame.get_name()

        park_pointer()
        time.sleep(RENDER_WAIT)     # let the last frame reach the X server

        raw = os.path.join(tmp, "root.png")
        grab_root(raw)
        screen_w, screen_h = image_size(raw)
        # The X window is larger than what AT-SPI reports: without a
        # compositor GTK draws a solid client-side border around the content
        # (5 px here), and AT-SPI's extents are those of the content.
        surface = x_window_geometry(title)
        if surface is not None:
            x, y, win_w, win_h = surface
            source = f'X window "{title}"'
        else:
            x, y, win_w, win_h = ext.x, ext.y, ext.width, ext.height
            source = "AT-SPI extents (xwininfo unavailable)"
        x, y = max(x, 0), max(y, 0)
        width = args.width or min(win_w, screen_w - x)
        height = args.height or min(win_h, screen_h - y)
        print(f"screen {screen_w}x{screen_h}; content (AT-SPI) {ext.width}x{ext.height}; "
              f"window ({source}) {win_w}x{win_h}+{x}+{y}; "
              f"cropping to {width}x{height}+{x}+{y}", flush=True)
        if x + win_w > screen_w or y + win_h > screen_h:
            print(f"warning: the window ({win_w}x{win_h}+{x}+{y}) does not fit the "
                  f"screen ({screen_w}x{screen_h}); the picture shows only part of it",
                  file=sys.stderr, flush=True)

        os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
        subprocess.run([CONVERT, raw, "-crop", f"{width}x{height}+{x}+{y}", "+repage",
                        f"png:{args.output}"], check=True)
        print(f"wrote {args.output}", flush=True)
        return 0
    except (Failure, GLib.Error, subprocess.CalledProcessError, OSError) as e:
        print(f"screenshot.py: {e}", file=sys.stderr, flush=True)
        return 1
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if proc is not None:
            for sig in (signal.SIGTERM, signal.SIGKILL):
                try:
                    os.killpg(proc.pid, sig)
                    proc.wait(timeout=3)
                    break
                except ProcessLookupError:
                    break
                except subprocess.TimeoutExpired:
                    continue
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
