#!/usr/bin/env python3
"""Copy the lit tests into a libFuzzer seed directory, self-contained.

  make_seeds.py <test/checker dir> <seed dir>

The fuzzer compiles each input as one in-memory file, so a test's
#include "stand-in.h" (found through the RUN line's -I) is replaced by the
header's text, recursively and once per header. System includes stay: the
fuzzer provides them precompiled (prelude.h).
"""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"\s*$', re.M)


def find_header(name, here, roots):
    for d in [here] + roots:
        path = os.path.join(d, name)
        if os.path.isfile(path):
            return path
    return None


def inline(path, roots, seen):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()

    def replace(m):
        header = find_header(m.group(1), os.path.dirname(path), roots)
        if header is None or header in seen:
            return m.group(0) if header is None else ""
        seen.add(header)
        return inline(header, roots, seen)
    return INCLUDE.sub(replace, text)


def main():
    tests, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    # Header directories the RUN lines add with -I.
    roots = [dirpath for dirpath, _, files in os.walk(tests)
             if "Inputs" in dirpath.split(os.sep) and any(f.endswith(".h") for f in files)]
    count = 0
    for dirpath, _, files in os.walk(tests):
        if "Inputs" in dirpath.split(os.sep):
            continue
        for name in sorted(files):
            if not name.endswith((".c", ".cpp")):
                continue
            path = os.path.join(dirpath, name)
            seed = os.path.relpath(path, tests).replace(os.sep, "_")
            with open(os.path.join(out, seed), "w", encoding="utf-8") as f:
                f.write(inline(path, roots, set()))
            count += 1
    print("make_seeds: %d seeds in %s" % (count, out))


if __name__ == "__main__":
    main()
