#!/usr/bin/env python3
"""How many times the check profile reads its timer, per TU and configuration.

  timer_reads.py --tidy "clang-tidy-22 --load=CoopTidyPlugin.so" [--corpus DIR]
                 [--out DIR] [--tu PROJECT:PATH]...

With --enable-check-profile, clang-tidy's match finder reads the timer
(wall clock and getrusage) each time it moves from one check's matchers to
another's on a node, and the time until the next reading goes to that
check. So the profile charges a check one reading for each node its
matchers are tried on, whatever they do there. This counts the readings
(getrusage calls, with strace -c) of one profiled run of coop-* alone and of
bugprone-infinite-loop alone over overhead.py's TUs; timer_cost.c gives
what one reading costs. Writes OUT/timer-reads.md. Needs strace.
"""
import os
import re
import shlex
import subprocess

from overhead import REFERENCE_CHECK, bench_arguments, failed, load_tus, tidy_command, wanted_tus

CONFIGS = ["coop-*", REFERENCE_CHECK]
CALLS = re.compile(r"^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?getrusage\s*$", re.M)


def readings(tidy, tu, checks):
    """getrusage calls of one profiled run (0 if there were none)."""
    cmd = (["strace", "-f", "-c", "-e", "trace=getrusage"] +
           tidy_command(tidy, tu, checks, ["--enable-check-profile"]))
    proc = subprocess.run(cmd, cwd=tu["directory"], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, errors="replace")
    if proc.returncode not in (0, 1):
        failed("timer_reads", cmd, proc.returncode, proc.stderr)
    found = CALLS.search(proc.stderr)
    return int(found.group(1)) if found else 0


def main():
    args = bench_arguments(__doc__).parse_args()
    tidy = shlex.split(args.tidy)
    lines = ["| TU | " + " | ".join("timer readings, %s alone" % c for c in CONFIGS) + " |",
             "|---|" + "---:|" * len(CONFIGS)]
    for tu in load_tus(os.path.abspath(args.corpus), wanted_tus(args)):
        counts = [readings(tidy, tu, c) for c in CONFIGS]
        lines.append("| %s | %s |" % (tu["name"], " | ".join("{:,}".format(n) for n in counts)))
        print(lines[-1], flush=True)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "timer-reads.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
