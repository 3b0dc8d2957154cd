#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A stand-in notification server on the test's session bus: it owns
org.freedesktop.Notifications (where GLib sends a GNotification when neither
the portal nor GNOME Shell's org.gtk.Notifications is there), answers Notify
and CloseNotification, and appends one JSON line per call to the file given
as its argument. Its first line is {"ready": true} once the name is owned.
Writing an action's key to ACTIONS_FILE (the second argument), one per line,
makes it emit ActionInvoked for the last notification. It exits when the bus
goes away.

    fake_notifications.py CALLS.jsonl ACTIONS.txt
"""

import json
import os
import sys

import gi
gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

PATH = "/org/freedesktop/Notifications"
NAME = "org.freedesktop.Notifications"
INTERFACE = """
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="Notify">
      <arg type="s" name="app_name" direction="in"/>
      <arg type="u" name="replaces_id" direction="in"/>
      <arg type="s" name="app_icon" direction="in"/>
      <arg type="s" name="summary" direction="in"/>
      <arg type="s" name="body" direction="in"/>
      <arg type="as" name="actions" direction="in"/>
      <arg type="a{sv}" name="hints" direction="in"/>
      <arg type="i" name="expire_timeout" direction="in"/>
      <arg type="u" name="id" direction="out"/>
    </method>
    <method name="CloseNotification">
      <arg type="u" name="id" direction="in"/>
    </method>
    <method name="GetCapabilities">
      <arg type="as" name="capabilities" direction="out"/>
    </method>
    <method name="GetServerInformation">
      <arg type="s" name="name" direction="out"/>
      <arg type="s" name="vendor" direction="out"/>
      <arg type="s" name="version" direction="out"/>
      <arg type="s" name="spec_version" direction="out"/>
    </method>
    <signal name="ActionInvoked">
      <arg type="u" name="id"/>
      <arg type="s" name="action_key"/>
    </signal>
    <signal name="NotificationClosed">
      <arg type="u" name="id"/>
      <arg type="u" name="reason"/>
    </signal>
  </interface>
</node>
"""


def main():
    path, actions_path = sys.argv[1], sys.argv[2]
    counter = [0]
    connection = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    loop = GLib.MainLoop()

    def record(entry):
        with open(path, "a", encoding="utf-8") as out:
            out.write(json.dumps(entry) + "\n")

    def on_call(_connection, sender, _object_path, _interface, method, params, invocation):
        args = params.unpack()
        if method == "Notify":
            counter[0] += 1
            record({"call": "Notify", "sender": sender, "summary": args[3], "body": args[4],
                    "actions": list(args[5]), "id": counter[0]})
            invocation.return_value(GLib.Variant("(u)", (counter[0],)))
        elif method == "CloseNotification":
            record({"call": "CloseNotification", "id": args[0]})
            invocation.return_value(None)
        elif method == "GetCapabilities":
            invocation.return_value(GLib.Variant("(as)", (["actions", "body"],)))
        else:
            invocation.return_value(GLib.Variant("(ssss)", ("fake", "prehab-tests", "1", "1.2")))

    def poll_actions():
        if os.path.exists(actions_path):
            with open(actions_path, encoding="utf-8") as f:
                keys = [line.strip() for line in f if line.strip()]
            os.remove(actions_path)
            for key in keys:
                connection.emit_signal(None, PATH, NAME, "ActionInvoked",
                                       GLib.Variant("(us)", (counter[0], key)))
                record({"call": "ActionInvoked", "key": key, "id": counter[0]})
        return GLib.SOURCE_CONTINUE

    node = Gio.DBusNodeInfo.new_for_xml(INTERFACE)
    connection.register_object(PATH, node.interfaces[0], on_call, None, None)

    def on_acquired(*_args):
        record({"ready": True})

    def on_lost(*_args):
        loop.quit()

    Gio.bus_own_name_on_connection(connection, NAME, Gio.BusNameOwnerFlags.NONE,
                                   on_acquired, on_lost)
    connection.connect("closed", lambda *_a: loop.quit())
    GLib.timeout_add(100, poll_actions)
    loop.run()


if __name__ == "__main__":
    main()
