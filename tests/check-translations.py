#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The translation template is up to date and every language in po/LINGUAS
is complete: each text the sources mark for translation has a checked,
non-fuzzy translation.

Usage: check-translations.py SOURCE_ROOT. Prints TAP.

The template is made afresh here with the same xgettext options as meson's
`glib` preset (po/meson.build), from po/POTFILES.in, with data/its teaching
xgettext the content files, so a string added without updating
po/prehab.pot, or without translating it, fails this test."""

import os
import re
import subprocess
import sys
import tempfile

GLIB_PRESET = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format", "--flag=g_snprintf:3:c-format",
]

root = os.path.abspath(sys.argv[1])
po_dir = os.path.join(root, "po")
results = []


def check(ok, what, details=""):
    results.append((ok, what, details))


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def languages():
    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as linguas:
        return [word for line in linguas if not line.lstrip().startswith("#")
                for word in line.split()]


with tempfile.TemporaryDirectory() as tmp:
    fresh = os.path.join(tmp, "fresh.pot")
    env = dict(os.environ, GETTEXTDATADIRS=os.path.join(root, "data"))
    made = run(["xgettext", "--package-name=prehab", "-D", root, "-f",
                os.path.join(po_dir, "POTFILES.in"), "-o", fresh] + GLIB_PRESET, env=env)
    check(made.returncode == 0, "xgettext makes a template from po/POTFILES.in", made.stderr)

    committed = os.path.join(po_dir, "prehab.pot")
    # Both ways: nothing missing from po/prehab.pot, nothing left over.
    for name, mine, ref in (("has every text the sources mark", committed, fresh),
                            ("has no text the sources no longer mark", fresh, committed)):
        cmp = run(["msgcmp", "--use-untranslated", mine, ref])
        check(cmp.returncode == 0, f"po/prehab.pot {name} (meson compile -C build prehab-pot)",
              cmp.stderr)

    langs = languages()
    check(len(langs) >= 2, f"po/LINGUAS lists the translations ({', '.join(langs)})")
    for lang in langs:
        po = os.path.join(po_dir, f"{lang}.po")
        fmt = run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po],
                  env=dict(os.environ, LC_ALL="C"))
        stats = fmt.stderr.strip()
        clean = fmt.returncode == 0 and not re.search(r"fuzzy|untranslated", stats)
        check(clean, f"{lang}.po passes msgfmt --check, nothing fuzzy or untranslated", stats)
        cmp = run(["msgcmp", po, fresh])
        missing = len(re.findall(r"this message is used but not defined|"
                                 r"this message is untranslated|this message needs to be reviewed",
                                 cmp.stderr))
        check(cmp.returncode == 0, f"{lang}.po translates every text of the sources "
              f"({missing} missing)", "\n".join(cmp.stderr.splitlines()[:20]))
        header = open(po, encoding="utf-8").read(4000)
        check("Plural-Forms: nplurals=2; plural=(n != 1);" in header,
              f"{lang}.po has the plural rule of its language")

print(f"1..{len(results)}")
for i, (ok, what, details) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {what}")
    if not ok and details:
        for line in details.strip().splitlines():
            print(f"# {line}")
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
