#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""prehab render-figure: images written and valid, bad values refused with
exit 2, one clear stderr line and nothing written, no data folder created.
Prints TAP. Usage: test-cli-figure.py PATH_TO_PREHAB"""

import os
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

PREHAB = sys.argv[1]
results = []


def run(*args, home=None):
    env = dict(os.environ)
    env.pop("DISPLAY", None)          # no display needed
    env.pop("WAYLAND_DISPLAY", None)
    env["LANGUAGE"] = "C"
    if home is not None:
        env["HOME"] = home
        env["XDG_DATA_HOME"] = os.path.join(home, "data")
        env["XDG_CONFIG_HOME"] = os.path.join(home, "config")
        env["XDG_CACHE_HOME"] = os.path.join(home, "cache")
    return subprocess.run([PREHAB, *args], capture_output=True, text=True, env=env, timeout=60)


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def one_line(stderr):
    lines = [l for l in stderr.splitlines() if l.strip()]
    return len(lines) == 1 and lines[0].startswith("prehab: ")


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def read(path):
    with open(path, "rb") as f:
        return f.read()


def listing(path):
    found = []
    for root, dirs, files in os.walk(path):
        found += [os.path.relpath(os.path.join(root, n), path) for n in dirs + files]
    return sorted(found)


with tempfile.TemporaryDirectory() as tmp:
    home = os.path.join(tmp, "home")
    out = os.path.join(tmp, "out")
    os.mkdir(home)
    os.mkdir(out)

    png = os.path.join(out, "cat-cow.png")
    r = run("render-figure", "cat-cow", "--output", png, home=home)
    check("render-figure writes a PNG", r.returncode == 0 and png_size(png) == (512, 384),
          f"{r.returncode} {r.stderr} {png_size(png) if os.path.exists(png) else None}")
    check("and prints nothing", r.stdout == "" and r.stderr == "", r.stdout + r.stderr)
    check("without creating a data folder", listing(home) == [], listing(home))

    small = os.path.join(out, "small.png")
    r = run("render-figure", "bird-dog", "-o", small, "--size", "200", "--frame", "0.5")
    check("--size sets the width; the height is three quarters of it",
          r.returncode == 0 and png_size(small) == (200, 150), r.stderr)

    start = os.path.join(out, "start.png")
    end = os.path.join(out, "end.png")
    r1 = run("render-figure", "deadlift", "--output", start, "--frame", "0")
    r2 = run("render-figure", "deadlift", "--output", end, "--frame", "1")
    check("frames 0 and 1 differ",
          r1.returncode == 0 and r2.returncode == 0 and read(start) != read(end))

    again = os.path.join(out, "again.png")
    r = run("render-figure", "deadlift", "--output", again, "--frame", "0")
    check("the same frame gives the same file", r.returncode == 0 and read(again) == read(start))

    dark = os.path.join(out, "dark.png")
    r = run("render-figure", "deadlift", "--output", dark, "--frame", "0", "--dark")
    check("--dark draws in other colours", r.returncode == 0 and read(dark) != read(start), r.stderr)

    svg = os.path.join(out, "twist.svg")
    r = run("render-figure", "seated-twist", "--output", svg, "--frame", "1", "--size", "300")
    try:
        root = ElementTree.parse(svg).getroot()
        is_svg = root.tag.endswith("svg") and root.get("width", "").startswith("300")
        has_bitmap = any(e.tag.endswith("image") for e in root.iter())
    except (ElementTree.ParseError, OSError) as e:
        is_svg, has_bitmap = False, str(e)
    check("render-figure writes an SVG that parses as XML", r.returncode == 0 and is_svg, r.stderr)
    check("the SVG is drawn with paths, not a bitmap", has_bitmap is False, has_bitmap)

    data_dir = os.path.join(tmp, "not-created")
    r = run("--data-dir", data_dir, "render-figure", "cat-cow", "-o", os.path.join(out, "d.png"))
    check("--data-dir is accepted and no folder is created",
          r.returncode == 0 and not os.path.exists(data_dir), r.stderr)

    r = run("render-figure", "--help")
    check("--help lists the options",
          r.returncode == 0 and all(o in r.stdout for o in ("--output", "--frame", "--size", "--dark")),
          r.stdout)

    r = run("--help")
    check("the command list names render-figure", r.returncode == 0 and "render-figure" in r.stdout)

    # Refused with exit 2, one line on stderr, nothing written.
    refused = os.path.join(tmp, "refused")
    os.mkdir(refused)
    target = os.path.join(refused, "x.png")
    for args, why in [
        (["render-figure", "no-such-exercise", "-o", target], "an unknown exercise"),
        (["render-figure", "cat-cow", "-o", target, "--frame", "1.5"], "frame 1.5"),
        (["render-figure", "cat-cow", "-o", target, "--frame", "-0.1"], "frame -0.1"),
        (["render-figure", "cat-cow", "-o", target, "--frame", "half"], "a frame that is not a number"),
        (["render-figure", "cat-cow", "-o", target, "--frame", "nan"], "frame nan"),
        (["render-figure", "cat-cow", "-o", target, "--size", "0"], "size 0"),
        (["render-figure", "cat-cow", "-o", target, "--size", "100000"], "size 100000"),
        (["render-figure", "cat-cow", "-o", target, "--size", "big"], "a size that is not a number"),
        (["render-figure", "cat-cow", "-o", os.path.join(refused, "x.jpg")], "a .jpg file"),
        (["render-figure", "cat-cow", "-o", os.path.join(refused, "x")], "a file without extension"),
        (["render-figure", "cat-cow"], "no --output"),
        (["render-figure", "-o", target], "no exercise"),
        (["render-figure", "cat-cow", "bird-dog", "-o", target], "two exercises"),
        (["render-figure", "cat-cow", "-o", target, "--colour", "red"], "an unknown option"),
    ]:
        r = run(*args, home=home)
        check(f"{why} is refused with exit 2 and one line", r.returncode == 2 and one_line(r.stderr),
              f"{r.returncode} {r.stderr!r}")
        check(f"{why}: nothing written", listing(refused) == [] and listing(home) == [],
              listing(refused) + listing(home))

    r = run("render-figure", "cat-cow", "-o", os.path.join(tmp, "no", "such", "dir.png"))
    check("an unwritable place fails with exit 1 and one line",
          r.returncode == 1 and one_line(r.stderr), f"{r.returncode} {r.stderr!r}")

    r = run("render-figure", "no-such-exercise", "-o", target)
    check("an unknown exercise is named in the message", "no-such-exercise" in r.stderr, r.stderr)

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok and detail:
        for line in str(detail).splitlines() or [""]:
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
