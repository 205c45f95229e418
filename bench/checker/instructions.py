#!/usr/bin/env python3
"""What the coop module adds to clang-tidy, in instructions executed.

  instructions.py --tidy "clang-tidy-22 --load=CoopTidyPlugin.so" [--corpus DIR]
                  [--out DIR] [--jobs N] [--builtin] [--each] [--tu PROJECT:PATH]...

CPU time on a shared or virtual machine varies by more than the 5% this
benchmark has to resolve (docs/performance.md); the number of instructions a
run executes does not. For each TU of overhead.py's fixed set, runs
clang-tidy under valgrind's cachegrind (no cache simulation: only the
instruction count) with

  baseline  only portability-restrict-system-includes, clang-tidy with
            nothing to check (parse, AST, the matcher traversal);
  coop      coop-* alone;
  builtin   (--builtin) the four comparable built-in checks alone;

and reports what each configuration adds to the baseline. Writes
OUT/instructions.md and OUT/instructions.json.

With --each, instead: every coop check alone and bugprone-infinite-loop
alone, each on top of the baseline's check so that the difference is the
check's whole cost (construction, preprocessor callbacks, matching, its own
callbacks, destruction), which the check profile's timers see only in part.
Writes OUT/instructions-each.md and .json. Needs valgrind.
"""
import concurrent.futures
import json
import os
import re
import shlex
import subprocess

from overhead import (BASELINE_CHECK, BUILTINS, REFERENCE_CHECK, bench_arguments, each_configs,
                      failed, list_coop_checks, load_tus, tidy_command, wanted_tus)

VALGRIND = ["valgrind", "--tool=cachegrind", "--cache-sim=no",
            "--cachegrind-out-file=/dev/null"]
I_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def count(tidy, tu, checks):
    """Instructions of one clang-tidy run over tu with the given checks."""
    cmd = VALGRIND + tidy_command(tidy, tu, checks)
    proc = subprocess.run(cmd, cwd=tu["directory"], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, errors="replace")
    found = I_REFS.search(proc.stderr)
    if proc.returncode not in (0, 1) or not found:
        failed("instructions", cmd, proc.returncode, proc.stderr)
    return int(found.group(1).replace(",", ""))


def report_each(tus, checks, results, out):
    """One row per TU: what each check alone adds to the baseline."""
    head = ["TU"] + checks
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * len(checks)]
    slower = []
    for tu in tus:
        base = results[(tu["name"], "baseline")]
        added = {c: results[(tu["name"], c)] - base for c in checks}
        lines.append("| %s | %s |" % (tu["name"], " | ".join("{:,}".format(added[c]) for c in checks)))
        slower += ["%s on %s (%s vs %s)" % (c, tu["name"], "{:,}".format(added[c]),
                                             "{:,}".format(added[REFERENCE_CHECK]))
                   for c in checks if c != REFERENCE_CHECK and added[c] > added[REFERENCE_CHECK]]
    lines += ["", "Instructions each check adds to the same run with nothing to check.",
              "coop checks that add more than %s: %s." % (REFERENCE_CHECK, "; ".join(slower) or "none")]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "instructions-each.json"), "w") as f:
        json.dump({"%s|%s" % k: v for k, v in results.items()}, f, indent=1)
    with open(os.path.join(out, "instructions-each.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


def main():
    parser = bench_arguments(__doc__)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--builtin", action="store_true",
                        help="also count the four comparable built-in checks")
    parser.add_argument("--each", action="store_true",
                        help="each coop check alone, and %s alone" % REFERENCE_CHECK)
    args = parser.parse_args()

    tidy = shlex.split(args.tidy)
    tus = load_tus(os.path.abspath(args.corpus), wanted_tus(args))
    if args.each:
        checks = list_coop_checks(tidy) + [REFERENCE_CHECK]
        configs = each_configs(checks)
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            jobs = {(tu["name"], name): pool.submit(count, tidy, tu, config)
                    for tu in tus for name, config in configs}
        report_each(tus, checks, {k: j.result() for k, j in jobs.items()}, args.out)
        return
    configs = [("baseline", BASELINE_CHECK), ("coop", "coop-*")]
    if args.builtin:
        configs.append(("builtin", ",".join(BUILTINS)))

    jobs = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for tu in tus:
            for config, checks in configs:
                jobs[(tu["name"], config)] = pool.submit(count, tidy, tu, checks)
    results = [{"name": tu["name"], **{c: jobs[(tu["name"], c)].result() for c, _ in configs}}
               for tu in tus]

    head = ["TU", "instructions, nothing to check", "with coop-*", "coop adds"]
    if args.builtin:
        head += ["the 4 built-in checks add"]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    for r in results:
        row = [r["name"], "{:,}".format(r["baseline"]), "{:,}".format(r["coop"]),
               "%+.2f%%" % (100.0 * (r["coop"] - r["baseline"]) / r["baseline"])]
        if args.builtin:
            row += ["%+.2f%%" % (100.0 * (r["builtin"] - r["baseline"]) / r["baseline"])]
        lines.append("| " + " | ".join(row) + " |")
    base = sum(r["baseline"] for r in results)
    coop = sum(r["coop"] for r in results)
    worst = max(results, key=lambda r: (r["coop"] - r["baseline"]) / r["baseline"])
    lines += ["", "All %d TUs: coop-* adds %+.2f%% of the instructions; the most on %s (%+.2f%%)." % (
        len(results), 100.0 * (coop - base) / base, worst["name"],
        100.0 * (worst["coop"] - worst["baseline"]) / worst["baseline"])]

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "instructions.json"), "w") as f:
        json.dump(results, f, indent=1)
    with open(os.path.join(args.out, "instructions.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
