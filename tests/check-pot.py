#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""po/prehab.pot holds every translatable text of the content catalog.
Usage: check-pot.py CATALOG.xml PREHAB.pot. Prints TAP."""

import re
import sys
import xml.etree.ElementTree as ET

catalog, pot_path = sys.argv[1], sys.argv[2]
TEXT = {"name", "summary", "step", "cue", "caution", "description", "focus"}

texts = [" ".join(el.text.split()) for el in ET.parse(catalog).iter() if el.tag in TEXT]
pot = open(pot_path, encoding="utf-8").read()
msgids = set()
for block in re.findall(r'^msgid ((?:".*"\n)+)', pot, re.M):
    parts = re.findall(r'"(.*)"', block)
    msgids.add("".join(parts).replace('\\"', '"').replace("\\\\", "\\"))

missing = [t for t in texts if t not in msgids]
print("1..2")
print(("ok" if len(texts) > 300 else "not ok") + f" 1 - the catalog has its texts ({len(texts)})")
print(("ok" if not missing else "not ok") + " 2 - every catalog text is in po/prehab.pot")
for t in missing[:10]:
    print(f"# missing: {t}")
sys.exit(0 if not missing and len(texts) > 300 else 1)
