#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A stand-in for GNOME's session manager on the test's session bus, so that
the end-to-end tests can see what Prehab asks of it: it owns
org.gnome.SessionManager, answers Inhibit and Uninhibit (and registers
clients, as GTK asks at start-up), and appends one
JSON line per call to the file given as its argument. Its first line is
{"ready": true} once the name is owned. It exits when the bus goes away.

    fake_session_manager.py CALLS.jsonl
"""

import json
import sys

import gi
gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

CLIENT_PATH = "/org/gnome/SessionManager/Client1"
INTERFACE = """
<node>
  <interface name="org.gnome.SessionManager">
    <method name="Inhibit">
      <arg type="s" name="app_id" direction="in"/>
      <arg type="u" name="toplevel_xid" direction="in"/>
      <arg type="s" name="reason" direction="in"/>
      <arg type="u" name="flags" direction="in"/>
      <arg type="u" name="inhibit_cookie" direction="out"/>
    </method>
    <method name="Uninhibit">
      <arg type="u" name="inhibit_cookie" direction="in"/>
    </method>
    <method name="IsInhibited">
      <arg type="u" name="flags" direction="in"/>
      <arg type="b" name="is_inhibited" direction="out"/>
    </method>
    <method name="RegisterClient">
      <arg type="s" name="app_id" direction="in"/>
      <arg type="s" name="client_startup_id" direction="in"/>
      <arg type="o" name="client_id" direction="out"/>
    </method>
    <method name="UnregisterClient">
      <arg type="o" name="client_id" direction="in"/>
    </method>
  </interface>
  <interface name="org.gnome.SessionManager.ClientPrivate">
    <method name="EndSessionResponse">
      <arg type="b" name="is_ok" direction="in"/>
      <arg type="s" name="reason" direction="in"/>
    </method>
  </interface>
</node>
"""


def main():
    path = sys.argv[1]
    cookies = {}
    counter = [0]

    def record(entry):
        with open(path, "a", encoding="utf-8") as out:
            out.write(json.dumps(entry) + "\n")

    def on_call(_connection, _sender, _object_path, _interface, method, params, invocation):
        args = params.unpack()
        if method == "Inhibit":
            counter[0] += 1
            cookies[counter[0]] = args[3]
            record({"call": "Inhibit", "app_id": args[0], "reason": args[2],
                    "flags": args[3], "cookie": counter[0]})
            invocation.return_value(GLib.Variant("(u)", (counter[0],)))
        elif method == "Uninhibit":
            cookies.pop(args[0], None)
            record({"call": "Uninhibit", "cookie": args[0]})
            invocation.return_value(None)
        elif method == "IsInhibited":
            inhibited = any(flags & args[0] for flags in cookies.values())
            invocation.return_value(GLib.Variant("(b)", (inhibited,)))
        elif method == "RegisterClient":
            invocation.return_value(GLib.Variant("(o)", (CLIENT_PATH,)))
        else:
            invocation.return_value(None)

    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    manager, client = Gio.DBusNodeInfo.new_for_xml(INTERFACE).interfaces
    bus.register_object("/org/gnome/SessionManager", manager, on_call, None, None)
    bus.register_object(CLIENT_PATH, client, on_call, None, None)
    loop = GLib.MainLoop()
    Gio.bus_own_name_on_connection(bus, "org.gnome.SessionManager", Gio.BusNameOwnerFlags.NONE,
                                   lambda *_: record({"ready": True}), lambda *_: loop.quit())
    loop.run()


if __name__ == "__main__":
    main()
