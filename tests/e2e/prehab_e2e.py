#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The harness of Prehab's end-to-end tests: start the real binary on a
temporary data folder, find it on the accessibility bus, poll for effects,
and report TAP. The app is always terminated (its whole process group) and
the temporary folder removed, also on failures, timeouts and signals.

The caller provides the X display and the session bus, with xvfb-run OUTSIDE
dbus-run-session (see ../shared/design/TESTING.md):

    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \\
        /usr/bin/python3 tests/e2e/test-exercises.py build/src/prehab
"""

import os
import shutil
import faulthandler
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


def bail_out(message):
    print(f"Bail out! {message}", flush=True)
    print(f"{os.path.basename(sys.argv[0])}: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def check_environment():
    """Bail out unless a display, a session bus and Atspi are there."""
    if len(sys.argv) != 2:
        bail_out(f"usage: {os.path.basename(sys.argv[0])} PATH_TO_PREHAB")
    if not os.environ.get("DISPLAY"):
        bail_out("DISPLAY is not set: run this test under "
                 "'xvfb-run -a -s \"-screen 0 1280x800x24\" dbus-run-session -- ...'")
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        bail_out("DBUS_SESSION_BUS_ADDRESS is not set: run this test inside "
                 "'dbus-run-session -- ...' (itself inside xvfb-run)")
    binary = os.path.abspath(sys.argv[1])
    if not os.access(binary, os.X_OK):
        bail_out(f"{binary} is not an executable")
    return binary


try:
    import gi
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi, GLib
except (ImportError, ValueError) as e:
    bail_out(f"cannot import gi.repository.Atspi ({e}); run with /usr/bin/python3 "
             "and install gir1.2-atspi-2.0 python3-gi at-spi2-core")


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

    def __init__(self, binary, prepare=None):
        self.data_dir = tempfile.mkdtemp(prefix="prehab-e2e-")
        if prepare is not None:
            prepare(self.data_dir)
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
    A node that went away while we walked (GLib.Error from its children) is
    passed over with what is under it: the rest of the tree is still there.
    """
    root.clear_cache()
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        yield node
        if depth >= max_depth:
            continue
        try:
            children = [node.get_child_at_index(i) for i in range(node.get_child_count())]
        except GLib.Error:
            if node is root:
                raise
            continue
        for child in reversed(children):
            if child is not None:
                stack.append((child, depth + 1))


def find(root, role=None, name=None, prefix=None, suffix=None, contains=None, max_depth=40):
    """The first accessible under root with this role and name (whole, or by
    its start, end or a part of it), at most max_depth levels down."""
    for node in walk(root, max_depth=max_depth):
        try:
            if role is not None and node.get_role() != role:
                continue
            node_name = node.get_name() or ""
        except GLib.Error:
            if node is root:
                raise
            continue
        if name is not None and node_name != name:
            continue
        if prefix is not None and not node_name.startswith(prefix):
            continue
        if suffix is not None and not node_name.endswith(suffix):
            continue
        if contains is not None and contains not in node_name:
            continue
        return node
    return None


def window_named(app, title):
    """A top-level window of the application by its title. Windows are
    looked for among the application's children only: a walk through every
    view of the main window is slow (see HACKING.md, "Known problems")."""
    app.clear_cache()
    for i in range(app.get_child_count()):
        child = app.get_child_at_index(i)
        if child is not None and child.get_name() == title:
            return child
    return None


_main_windows = {}


def main_window(app):
    """The main window, found once per application. Searches start here
    rather than at the application, whose list of windows GTK 4.8 can
    answer badly while one of them goes away (HACKING.md, "Known
    problems")."""
    if app not in _main_windows:
        _main_windows[app] = poll("the main window", lambda: window_named(app, "Prehab"))
    return _main_windows[app]


def has_state(node, state):
    node.clear_cache()
    return node.get_state_set().contains(state)


def diagnostic(text):
    for line in str(text).splitlines() or [""]:
        print(f"# {line}", flush=True)


def run_tests(tests, prepare=None):
    """Run tests, a list of (description, function of the app node), as TAP."""
    binary = check_environment()
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(TOTAL_TIMEOUT)
    # The alarm cannot interrupt a call blocked inside a library: if one
    # hangs, print where every thread is and end the script before meson's
    # timeout does, so the log says where it stuck.
    faulthandler.dump_traceback_later(TOTAL_TIMEOUT + 15, exit=True)
    Atspi.set_timeout(2000, 5000)

    start = time.monotonic()
    print(f"1..{len(tests)}", flush=True)
    failures = 0
    app = None
    results_done = 0
    try:
        try:
            app = App(binary, prepare)
            app.node = find_app(app)
            diagnostic(f"prehab (pid {app.proc.pid}) on the AT-SPI desktop after "
                       f"{time.monotonic() - start:.2f} s")
            setup_error = None
        except Abort:
            raise
        except Exception as e:  # noqa: BLE001 - reported as TAP
            setup_error = e

        for number, (description, test) in enumerate(tests, start=1):
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
        for number in range(results_done + 1, len(tests) + 1):
            print(f"not ok {number} - {tests[number - 1][0]}", flush=True)
            diagnostic(f"aborted: {e}")
            failures += 1
    finally:
        signal.alarm(0)
        faulthandler.cancel_dump_traceback_later()
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if app is not None:
            app.stop()

    diagnostic(f"{len(tests) - failures} passed, {failures} failed "
               f"in {time.monotonic() - start:.2f} s")
    return 0 if failures == 0 else 1
