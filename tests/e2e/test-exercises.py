#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the Exercises view, driven through AT-SPI.

Usage:
    test-exercises.py PATH_TO_PREHAB

The caller provides the X display and the session bus, with xvfb-run OUTSIDE
dbus-run-session (see /work/shared/design/TESTING.md):

    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \\
        /usr/bin/python3 tests/e2e/test-exercises.py build/src/prehab

The script starts the real binary with a temporary, empty --data-dir and an
in-memory GSettings backend, finds it on the accessibility bus and uses it the
way an assistive technology would: it reads the list, presses the
"Search Exercises" button, types into the "Search exercises" entry and reads
what the app shows. It prints TAP and exits 0 only when every test passes.
The app is always terminated (its whole process group) and the temporary
directory removed, also on failures, timeouts and signals.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback

APP_TIMEOUT = 20.0      # seconds to wait for the app to appear on the bus
UI_TIMEOUT = 10.0       # seconds to wait for an effect in the UI (~1 s here)
TOTAL_TIMEOUT = 50      # hard limit for the whole script, in seconds
POLL_INTERVAL = 0.05

EXPECTED_OPEN_BOOK = {
    "Quadruped thread the needle to open book",
    "Side-lying open book",
}


def bail_out(message):
    print(f"Bail out! {message}", flush=True)
    print(f"test-exercises.py: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


if len(sys.argv) != 2:
    bail_out("usage: test-exercises.py PATH_TO_PREHAB")
if not os.environ.get("DISPLAY"):
    bail_out("DISPLAY is not set: run this test under "
             "'xvfb-run -a -s \"-screen 0 1280x800x24\" dbus-run-session -- ...'")
if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
    bail_out("DBUS_SESSION_BUS_ADDRESS is not set: run this test inside "
             "'dbus-run-session -- ...' (itself inside xvfb-run)")

try:
    import gi
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi, GLib
except (ImportError, ValueError) as e:
    bail_out(f"cannot import gi.repository.Atspi ({e}); run with /usr/bin/python3 "
             "and install gir1.2-atspi-2.0 python3-gi at-spi2-core")

PREHAB = os.path.abspath(sys.argv[1])
if not os.access(PREHAB, os.X_OK):
    bail_out(f"{PREHAB} is not an executable")


class Timeout(Exception):
    """An expected effect did not show up in time: that test fails."""


class Abort(Exception):
    """A signal or the overall time limit: every remaining test fails."""


def on_signal(signum, _frame):
    raise Abort(f"received signal {signal.Signals(signum).name}")


def on_alarm(_signum, _frame):
    raise Abort(f"the whole test took more than {TOTAL_TIMEOUT} s")


# ------------------------------------------------------------------ the app

class App:
    """The prehab process, in a process group of its own."""

    def __init__(self, binary):
        self.data_dir = tempfile.mkdtemp(prefix="prehab-e2e-")
        env = dict(os.environ)
        env.pop("NO_AT_BRIDGE", None)
        env["GSETTINGS_BACKEND"] = "memory"
        env["GSK_RENDERER"] = "cairo"
        env["XDG_DATA_HOME"] = os.path.join(self.data_dir, "xdg-data")
        env["XDG_CONFIG_HOME"] = os.path.join(self.data_dir, "xdg-config")
        env["XDG_CACHE_HOME"] = os.path.join(self.data_dir, "xdg-cache")
        self.proc = subprocess.Popen(
            [binary, "--data-dir", self.data_dir],
            env=env, stdin=subprocess.DEVNULL, start_new_session=True)
        self.node = None

    def stop(self):
        if self.proc.poll() is None:
            for sig, wait in ((signal.SIGTERM, 3), (signal.SIGKILL, 3)):
                try:
                    os.killpg(self.proc.pid, sig)
                except ProcessLookupError:
                    break
                try:
                    self.proc.wait(timeout=wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
        else:
            # The app is gone; still reap anything left in its group.
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        shutil.rmtree(self.data_dir, ignore_errors=True)


def poll(what, check, timeout=UI_TIMEOUT):
    """Call check() until it returns something truthy; return that.

    check() may raise GLib.Error (a node went away while we walked the tree):
    that counts as "not yet". On timeout, raise Timeout with `what` and the
    last state check() described through its `last` attribute.
    """
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            result = check()
            if result:
                return result
        except GLib.Error as e:
            last_error = e
        if time.monotonic() >= deadline:
            detail = getattr(check, "last", None)
            msg = f"timed out after {timeout:.0f} s waiting for {what}"
            if detail:
                msg += f"; last seen: {detail}"
            if last_error:
                msg += f"; last AT-SPI error: {last_error.message}"
            raise Timeout(msg)
        time.sleep(POLL_INTERVAL)


def find_app(app):
    def check():
        if app.proc.poll() is not None:
            raise RuntimeError(f"prehab exited with status {app.proc.returncode} "
                               "before it appeared on the accessibility bus")
        desktop = Atspi.get_desktop(0)
        names = []
        for i in range(desktop.get_child_count()):
            child = desktop.get_child_at_index(i)
            if child is None:
                continue
            try:
                pid = child.get_process_id()
                name = child.get_name()
            except GLib.Error:
                continue
            names.append(name)
            if pid == app.proc.pid:
                return child
        check.last = f"applications on the desktop: {names}"
        return None
    return poll("prehab on the AT-SPI desktop", check, APP_TIMEOUT)


# ------------------------------------------------------------- tree helpers

def walk(root, max_depth=40):
    """Yield every accessible under root (root included), depth first.

    The client-side cache is cleared first so that the tree reflects what the
    app shows now, not what it showed when we last looked.
    """
    root.clear_cache()
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        yield node
        if depth >= max_depth:
            continue
        n = node.get_child_count()
        for i in reversed(range(n)):
            child = node.get_child_at_index(i)
            if child is not None:
                stack.append((child, depth + 1))


def find(root, role=None, name=None, prefix=None):
    for node in walk(root):
        if role is not None and node.get_role() != role:
            continue
        node_name = node.get_name() or ""
        if name is not None and node_name != name:
            continue
        if prefix is not None and not node_name.startswith(prefix):
            continue
        return node
    return None


def has_state(node, state):
    node.clear_cache()
    return node.get_state_set().contains(state)


def exercises_view(app):
    """The state of the Exercises view: its rows and its count label.

    Returns (row names, count label text, node of the list) where the list and
    label are None when absent (e.g. when the empty state is shown).
    """
    rows, count, exercise_list = [], None, None
    for node in walk(app):
        role = node.get_role()
        if role == Atspi.Role.LIST and node.get_name() == "Exercises":
            exercise_list = node
        elif role == Atspi.Role.LABEL and count is None:
            text = node.get_name() or ""
            words = text.split()
            if len(words) >= 2 and words[0].isdigit() and words[1].startswith("exercise"):
                count = text
    if exercise_list is not None:
        for i in range(exercise_list.get_child_count()):
            row = exercise_list.get_child_at_index(i)
            if row is not None and row.get_role() == Atspi.Role.LIST_ITEM:
                rows.append(row.get_name())
    return rows, count, exercise_list


def describe(rows, count):
    shown = rows if len(rows) <= 6 else rows[:6] + [f"... {len(rows) - 6} more"]
    return f"count label {count!r}, {len(rows)} rows {shown}"


# -------------------------------------------------------------------- tests

def test_catalog_listed(app):
    def check():
        rows, count, _ = exercises_view(app)
        check.last = describe(rows, count)
        cat_cow = [r for r in rows if r.startswith("Cat-cow")]
        if not cat_cow or count is None:
            return None
        expected = f"{len(rows)} exercise" + ("" if len(rows) == 1 else "s")
        if count != expected:
            return None
        return cat_cow[0]
    name = poll('a "Cat-cow" row in the Exercises list and a matching count label', check)
    return f'found row "{name}"; {check.last}'


def set_search_text(entry, text):
    if not Atspi.EditableText.set_text_contents(entry, text):
        raise RuntimeError(f"set_text_contents({text!r}) on the search entry returned FALSE")


def get_search_entry(app):
    def check():
        check.last = "no entry named 'Search exercises'"
        return find(app, role=Atspi.Role.ENTRY, name="Search exercises")
    return poll('the "Search exercises" entry', check)


def test_search_open_book(app):
    def find_button():
        find_button.last = "no push button named 'Search Exercises'"
        return find(app, role=Atspi.Role.PUSH_BUTTON, name="Search Exercises")
    button = poll('the "Search Exercises" button', find_button)
    entry = get_search_entry(app)

    # The click lands ~250 ms later and a second click within that window is
    # dropped: click once, then poll for its effect (the entry gets focus
    # once the search bar is open).
    if not Atspi.Action.do_action(button, 0):
        raise RuntimeError('do_action(0) on "Search Exercises" returned FALSE')

    def entry_focused():
        entry_focused.last = "entry states: " + ", ".join(
            s.value_nick for s in entry.get_state_set().get_states())
        return has_state(entry, Atspi.StateType.FOCUSED)
    poll("the search entry to be focused after pressing Search Exercises", entry_focused)

    set_search_text(entry, "open book")

    def check():
        rows, count, _ = exercises_view(app)
        check.last = describe(rows, count)
        return (set(rows) == EXPECTED_OPEN_BOOK and len(rows) == len(EXPECTED_OPEN_BOOK)
                and not any(r.startswith("Cat-cow") for r in rows)
                and count == "2 exercises match")
    poll('exactly the two "open book" rows and "2 exercises match"', check)
    return check.last


def test_search_no_match(app):
    entry = get_search_entry(app)
    set_search_text(entry, "zzzz-no-such-exercise")

    def check():
        title = find(app, name="No Matching Exercises")
        rows, count, _ = exercises_view(app)
        check.last = f"empty-state title {'present' if title else 'absent'}; " + describe(rows, count)
        return title is not None and not rows
    poll('the empty state "No Matching Exercises" with no rows', check)
    return check.last


TESTS = [
    ("the Exercises view lists Cat-cow", test_catalog_listed),
    ('searching "open book" shows exactly the two open-book exercises', test_search_open_book),
    ('searching "zzzz-no-such-exercise" shows "No Matching Exercises"', test_search_no_match),
]


def diagnostic(text):
    for line in str(text).splitlines() or [""]:
        print(f"# {line}", flush=True)


def main():
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(TOTAL_TIMEOUT)
    Atspi.set_timeout(2000, 5000)

    start = time.monotonic()
    print(f"1..{len(TESTS)}", flush=True)
    failures = 0
    app = None
    results_done = 0
    try:
        try:
            app = App(PREHAB)
            app.node = find_app(app)
            diagnostic(f"prehab (pid {app.proc.pid}) on the AT-SPI desktop after "
                       f"{time.monotonic() - start:.2f} s")
            setup_error = None
        except Abort:
            raise
        except Exception as e:  # noqa: BLE001 - reported as TAP
            setup_error = e

        for number, (description, test) in enumerate(TESTS, start=1):
            if setup_error is not None:
                print(f"not ok {number} - {description}", flush=True)
                diagnostic(f"setup failed: {setup_error}")
                failures += 1
                results_done = number
                continue
            t0 = time.monotonic()
            try:
                info = test(app.node)
                print(f"ok {number} - {description}", flush=True)
                diagnostic(f"{info} ({time.monotonic() - t0:.2f} s)")
            except Abort:
                raise
            except Timeout as e:
                print(f"not ok {number} - {description}", flush=True)
                diagnostic(str(e))
                failures += 1
            except Exception as e:  # noqa: BLE001 - reported as TAP
                print(f"not ok {number} - {description}", flush=True)
                diagnostic(f"{type(e).__name__}: {e}")
                diagnostic(traceback.format_exc().rstrip())
                failures += 1
            results_done = number
    except Abort as e:
        for number in range(results_done + 1, len(TESTS) + 1):
            print(f"not ok {number} - {TESTS[number - 1][0]}", flush=True)
            diagnostic(f"aborted: {e}")
            failures += 1
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if app is not None:
            app.stop()

    diagnostic(f"{len(TESTS) - failures} passed, {failures} failed "
               f"in {time.monotonic() - start:.2f} s")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
