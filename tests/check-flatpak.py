#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""build-aux/io.github.prehab.Prehab.json (the Flatpak manifest, which
cannot be built here) stays in step with the meson build: valid JSON, the
application id and command of meson.build, a module for each library
src/meson.build asks for that the GNOME runtime lacks, Prehab built last
from this tree, and no network access. Prints TAP.

Usage: check-flatpak.py SOURCE_ROOT"""

import json
import os
import re
import sys

root = sys.argv[1]
results = []
manifest_path = os.path.join(root, "build-aux", "io.github.prehab.Prehab.json")
try:
    manifest = json.load(open(manifest_path, encoding="utf-8"))
    results.append((True, "the manifest is valid JSON"))
except ValueError as error:
    print(f"1..1\nnot ok 1 - the manifest is valid JSON\n# {error}")
    sys.exit(1)

meson = open(os.path.join(root, "meson.build"), encoding="utf-8").read()
src_meson = open(os.path.join(root, "src", "meson.build"), encoding="utf-8").read()
app_id = re.search(r"app_id = '([^']+)'", meson).group(1)
binary = re.search(r"executable\('([^']+)'", src_meson).group(1)
results.append((manifest.get("id") == app_id, f"its id is meson's app_id ({app_id})"))
results.append((manifest.get("command") == binary, f"its command is the binary ({binary})"))

modules = [m["name"] for m in manifest.get("modules", []) if isinstance(m, dict)]
# Libraries of src/meson.build that the GNOME runtime does not ship.
needed = {"gsound": "gsound", "libportal-gtk4": "libportal"}
for dependency, module in needed.items():
    if f"'{dependency}'" in src_meson:
        results.append((module in modules, f"a module builds {dependency} ({module})"))
results.append((modules and modules[-1] == "prehab"
                and manifest["modules"][-1]["sources"][0].get("path") == "..",
                "Prehab itself is built last, from this tree"))
args = manifest.get("finish-args", [])
results.append(("--share=network" not in args and not any(a.startswith("--filesystem") for a in args),
                f"no network and no file system access: files go through the portal ({args})"))

print(f"1..{len(results)}")
for i, (ok, what) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {what}")
sys.exit(0 if all(ok for ok, _ in results) else 1)
