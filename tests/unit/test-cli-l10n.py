#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line speaks German and Spanish: the catalog's content and the
error lines come out translated when LANGUAGE asks for them, the stable
identifiers of the contract stay as they are, and a refused value writes
nothing. Prints TAP.

Usage: test-cli-l10n.py PREHAB LOCALEDIR   (LOCALEDIR: build/po)"""

import os
import subprocess
import sys
import tempfile

prehab, localedir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
results = []

CASES = {
    "de": {"breathing": "Zwerchfellatmung", "phase": "Beruhigen", "pain": "--pain muss"},
    "es": {"breathing": "Respiración diafragmática", "phase": "Calmar", "pain": "--pain debe"},
}


def run(lang, data_dir, *args):
    env = dict(os.environ, LANGUAGE=lang, LANG="C.UTF-8", LC_ALL="C.UTF-8",
               PREHAB_LOCALEDIR=localedir)
    return subprocess.run([prehab, "--data-dir", data_dir, *args],
                          capture_output=True, text=True, env=env)


with tempfile.TemporaryDirectory() as data_dir:
    for lang, want in CASES.items():
        out = run(lang, data_dir, "exercises")
        first = out.stdout.splitlines()[2:4]
        results.append((out.returncode == 0 and want["breathing"] in out.stdout
                        and want["phase"] in out.stdout and out.stdout.startswith("cat-cow "),
                        f"{lang}: `exercises` lists translated names and phases under stable ids "
                        f"({first})"))

        before = sorted(os.listdir(data_dir))
        bad = run(lang, data_dir, "log", "--pain", "12")
        line = bad.stderr.strip()
        results.append((bad.returncode == 2 and want["pain"] in line and len(line.splitlines()) == 1
                        and sorted(os.listdir(data_dir)) == before,
                        f"{lang}: pain 12 is refused in the language, with exit 2 and nothing written "
                        f"({line!r})"))

        help_text = run(lang, data_dir, "--help").stdout
        results.append(("render-figure" in help_text and "Usage:" not in help_text,
                        f"{lang}: --help is translated and keeps the verbs' names"))

print(f"1..{len(results)}")
for i, (ok, what) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {what}")
sys.exit(0 if all(ok for ok, _ in results) else 1)
