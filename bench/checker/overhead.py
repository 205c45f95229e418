#!/usr/bin/env python3
"""Measure what the coop checks cost inside clang-tidy.

  overhead.py --tidy "clang-tidy-22 --load=CoopTidyPlugin.so" [--corpus DIR]
              [--repeat N] [--out DIR] [--scales 1,4,16] [--each] [--tu PROJECT:PATH]...

For each TU of a fixed set of heavy real TUs from the corpus (bench/corpus/)
and for a synthetic TU at each scale (gen_synthetic.py), runs clang-tidy
in four configurations, each --repeat times:

  profile   coop-* plus the comparable built-in checks, with
            --enable-check-profile: each check's user+system time, in the
            same process; the same run's parse/AST time is its total CPU time
            minus the sum of all checks' times (the minimum of the runs
            counts: on a shared machine the noise only ever adds);
  baseline  only portability-restrict-system-includes (a preprocessor check
            that does nothing with the default options): parse + AST + the
            AST-matcher traversal, i.e. clang-tidy with nothing to check;
  coop      coop-* alone: the module's end-to-end cost is coop - baseline,
            which also counts the matcher dispatch no per-check timer sees;
  builtin   the comparable built-in checks alone, for the same comparison.

The last three run interleaved, in --repeat rounds of one run each, the
order rotated from round to round: a machine whose speed drifts (a shared or
throttled virtual machine) then slows the configurations alike, where runs
in blocks (every baseline, then every coop run) would charge the drift to
one of them. Each round gives each configuration's cost as a ratio to the
same round's baseline; the tables give the median of the rounds and their
range.

With --each, instead: the baseline and each coop check alone, and
bugprone-infinite-loop alone, each on top of the baseline's check, in the
same interleaved rounds (OUT/overhead-each.md, .json): the time each check
adds, all of its work counted, where the profile times only its matching.

CPU times and peak memory (maximum resident set size) are the child's own
rusage, read with wait4. Peak memory is reported for baseline and coop.
Writes OUT/overhead.md (the tables docs/performance.md shows) and
OUT/overhead.json.
"""
import argparse
import glob
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BUILTINS = ["bugprone-infinite-loop", "concurrency-mt-unsafe",
            "bugprone-bad-signal-to-kill-thread", "bugprone-spuriously-wake-up-functions"]
BASELINE_CHECK = "portability-restrict-system-includes"
# The built-in check the per-check target compares with.
REFERENCE_CHECK = "bugprone-infinite-loop"

# The fixed set of heavy TUs: (corpus project, path relative to its root).
DEFAULT_TUS = [
    ("headers", "boost-thread-asio.cpp"),
    ("headers", "qtcore.cpp"),
    ("headers", "stdlib-cxx.cpp"),
    ("juce", "juce_core/juce_core.cpp"),
    ("juce", "juce_gui_basics/juce_gui_basics.cpp"),
    ("libstdc++", "libstdc++-v3/testsuite/30_threads/jthread/jthread.cc"),
    ("glibc", "nptl/pthread_create.c"),
    ("glibc", "sysdeps/pthread/tst-cancel4.c"),
    ("openvswitch", "ofproto/ofproto-dpif-xlate.c"),
    ("openvswitch", "lib/ovs-thread.c"),
    ("pocl", "lib/CL/devices/pthread/pthread_scheduler.c"),
    ("bluez", "src/adapter.c"),
]


def load_tus(corpus, wanted):
    with open(os.path.join(corpus, "db", "corpus.json")) as f:
        projects = {p["name"]: p for p in json.load(f)}
    tus = []
    for project, rel in wanted:
        p = projects.get(project)
        if p is None:
            sys.exit("overhead: project %s not in the corpus (bench/corpus/install.sh)" % project)
        path = os.path.join(p["root"], rel)
        with open(os.path.join(p["db"], "compile_commands.json")) as f:
            entries = [e for e in json.load(f) if os.path.realpath(e["file"]) == os.path.realpath(path)]
        if not entries:
            sys.exit("overhead: %s is not in %s's compile database" % (rel, project))
        tus.append({"name": "%s/%s" % (project, rel), "file": path, "db": p["db"],
                    "directory": entries[0]["directory"], "args": None})
    return tus


def tidy_command(tidy, tu, checks, extra=()):
    """The clang-tidy command line that runs only checks over tu."""
    cmd = tidy + ["--config={Checks: '-*,%s'}" % checks, "--quiet"] + list(extra)
    if tu["args"] is None:
        return cmd + ["-p", tu["db"], tu["file"]]
    return cmd + [tu["file"], "--"] + tu["args"]


def failed(script, cmd, code, stderr):
    """Stop the benchmark: a run failed. clang-tidy exits 1 when it reports
    findings, so only other codes (and missing output) are failures."""
    sys.exit("%s: %s failed (%d):\n%s" % (
        script, " ".join(shlex.quote(c) for c in cmd), code, stderr[-2000:]))


def each_configs(checks):
    """The baseline, and each check alone on top of the baseline's check, so
    that the difference from the baseline is all the check costs."""
    return [("baseline", BASELINE_CHECK)] + [(c, BASELINE_CHECK + "," + c) for c in checks]


def run_once(tidy, tu, checks, profile_dir=None):
    """CPU seconds (user+sys), peak RSS in MB, and per-check profile times."""
    profile = ["--enable-check-profile", "--store-check-profile=" + profile_dir] if profile_dir else []
    cmd = tidy_command(tidy, tu, checks, profile)
    # The child's own rusage from wait4: microsecond CPU times (time(1)
    # prints hundredths, a tenth of a sub-second TU's whole cost).
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err,
                                cwd=tu["directory"])
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):
            err.seek(0)
            failed("overhead", cmd, proc.returncode, err.read().decode("utf-8", "replace"))
    user, sys_, rss = usage.ru_utime, usage.ru_stime, usage.ru_maxrss
    checks_time = {}
    if profile_dir:
        for path in glob.glob(os.path.join(profile_dir, "*.json")):
            with open(path) as f:
                prof = json.load(f)["profile"]
            os.remove(path)
            for key, value in prof.items():
                # time.clang-tidy.<check>.<user|sys|wall>
                parts = key.split(".")
                if parts[-1] in ("user", "sys"):
                    name = ".".join(parts[2:-1])
                    checks_time[name] = checks_time.get(name, 0.0) + value
    return float(user) + float(sys_), int(rss) / 1024.0, checks_time


def interleaved_rounds(tidy, tu, configs, repeat):
    """repeat rounds of one run per (name, checks) configuration, the order
    rotated by one each round: {name: (CPU seconds, peak RSS MB)} per round."""
    rounds = []
    for i in range(repeat):
        shift = i % len(configs)
        rounds.append({name: run_once(tidy, tu, checks)[:2]
                       for name, checks in configs[shift:] + configs[:shift]})
    return rounds


def measure_each(tidy, tu, repeat, checks):
    """The baseline and each check alone (each_configs: the work its
    onEndOfTranslationUnit does included, which the profile does not time),
    in interleaved rounds."""
    configs = each_configs(checks)
    rounds = interleaved_rounds(tidy, tu, configs, repeat)
    return {"name": tu["name"],
            "rounds": [{name: r[name][0] for name, _ in configs} for r in rounds]}


def report_each(results, checks, repeat):
    """One row per TU: the CPU time each check alone adds to the baseline."""
    head = ["TU", "nothing to check, CPU s"] + [short_name(c) for c in checks]
    out = ["CPU time each check alone adds to the same TU with nothing to check: median "
           "(range) of %d interleaved rounds." % repeat, "",
           "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results + [{"name": "**all listed TUs**", "rounds": all_tus_rounds(results)}]:
        row = [r["name"], "%.2f" % statistics.median(x["baseline"] for x in r["rounds"])]
        row += [median_range(added(r["rounds"], c)) for c in checks]
        out.append("| " + " | ".join(row) + " |")
    return out


def measure(tidy, tu, repeat, coop_checks):
    result = {"name": tu["name"]}
    with tempfile.TemporaryDirectory() as prof:
        runs = [run_once(tidy, tu, ",".join(["coop-*"] + BUILTINS), prof) for _ in range(repeat)]
    # Minimum per quantity across repeats.
    result["profile_total"] = min(r[0] for r in runs)
    names = sorted(set().union(*(r[2].keys() for r in runs)))
    result["checks"] = {n: min(r[2].get(n, 0.0) for r in runs) for n in names}
    # Parse/AST of the same run: whatever the checks did not spend.
    result["parse_same_run"] = min(r[0] - sum(r[2].values()) for r in runs)
    configs = [("baseline", BASELINE_CHECK), ("coop", "coop-*"),
               ("builtin", ",".join(BUILTINS))]
    rounds = interleaved_rounds(tidy, tu, configs, repeat)
    # CPU seconds per configuration, round by round (the ratios' inputs).
    result["rounds"] = [{config: r[config][0] for config, _ in configs} for r in rounds]
    for config, _ in configs:
        result[config + "_rss"] = min(r[config][1] for r in rounds)
    for c in coop_checks:
        result["checks"].setdefault(c, 0.0)
    return result


COOP_PREFIXES = ("coop-",)


def short_name(profile_entry):
    """A coop column's heading: the entry's name without its prefix."""
    for prefix in COOP_PREFIXES:
        if profile_entry.startswith(prefix):
            return profile_entry[len(prefix):]
    return profile_entry


def pct(part, whole):
    return 100.0 * part / whole if whole > 0 else 0.0


def added(rounds, config):
    """What config adds to the baseline, in percent, round by round."""
    return [pct(r[config] - r["baseline"], r["baseline"]) for r in rounds]


def median_range(shares):
    """A median of per-round shares, with the rounds' range."""
    return "%+.1f%% (%+.1f to %+.1f)" % (statistics.median(shares), min(shares), max(shares))


def all_tus_rounds(real):
    """Round i of every TU summed: the CPU seconds of the whole set."""
    return [{config: sum(r["rounds"][i][config] for r in real) for config in real[0]["rounds"][i]}
            for i in range(min(len(r["rounds"]) for r in real))]


def table(results, coop_checks):
    lines = []
    head = ["TU", "parse/AST s", "coop module (profile)", "coop-* end-to-end, median (range)",
            "4 built-in checks end-to-end"]
    head += [short_name(c) for c in coop_checks]
    head += [b for b in BUILTINS]
    lines.append("| " + " | ".join(head) + " |")
    lines.append("|" + "---|" * len(head))
    for r in results:
        parse = r["parse_same_run"]
        coop_sum = sum(r["checks"][c] for c in coop_checks)
        row = [r["name"], "%.2f" % parse, "%.2f%%" % pct(coop_sum, parse),
               median_range(added(r["rounds"], "coop")),
               median_range(added(r["rounds"], "builtin"))]
        row += ["%.2f%%" % pct(r["checks"][c], parse) for c in coop_checks]
        row += ["%.2f%%" % pct(r["checks"].get(b, 0.0), parse) for b in BUILTINS]
        lines.append("| " + " | ".join(row) + " |")
    return lines


def memory_table(results):
    lines = ["| TU | peak RSS without coop (MB) | with coop-* (MB) | delta |", "|---|---|---|---|"]
    for r in results:
        lines.append("| %s | %.0f | %.0f | %+.1f%% |" % (
            r["name"], r["baseline_rss"], r["coop_rss"],
            pct(r["coop_rss"] - r["baseline_rss"], r["baseline_rss"])))
    return lines


def report(results, coop_checks, repeat, out_dir):
    """The tables of overhead.md. The coop columns are the module's checks
    and any other coop profile entry: all of it is the module's cost."""
    coop_checks = sorted(set(coop_checks) | {
        n for r in results for n in r["checks"] if n.startswith(COOP_PREFIXES)})
    for r in results:
        for c in coop_checks:
            r["checks"].setdefault(c, 0.0)
    real = [r for r in results if r["scale"] is None]
    scaled = [r for r in results if r["scale"] is not None]
    out = ["Per-check CPU time (user+system) as a share of the same run's parse/AST time, "
           "minimum of %d runs;" % repeat,
           "end-to-end = (coop-* alone - nothing to check) / nothing to check, CPU time, "
           "median and range of %d interleaved rounds." % repeat, ""]
    if real:
        out += table(real, coop_checks)
        parse = sum(r["parse_same_run"] for r in real)
        coop_sum = sum(sum(r["checks"][c] for c in coop_checks) for r in real)
        whole = all_tus_rounds(real)
        out += ["", "All real TUs together: parse/AST %.1f s; coop module %.2f%% (profile), "
                "%s end to end (the 4 built-in checks %s); bugprone-infinite-loop %.2f%% "
                "(profile)." % (
                    parse, pct(coop_sum, parse), median_range(added(whole, "coop")),
                    median_range(added(whole, "builtin")),
                    pct(sum(r["checks"].get(REFERENCE_CHECK, 0) for r in real), parse)),
                ""]
        slower = ["%s on %s (%.2f ms vs %.2f ms)" % (
                      c, r["name"], 1000 * r["checks"][c],
                      1000 * r["checks"].get(REFERENCE_CHECK, 0))
                  for r in real for c in coop_checks
                  if r["checks"][c] > r["checks"].get(REFERENCE_CHECK, 0)]
        out += ["coop checks slower than %s on a TU: " % REFERENCE_CHECK +
                ("; ".join(slower) if slower else "none"), ""]
        out += memory_table(real) + [""]
    if scaled:
        out += ["Synthetic TU (gen_synthetic.py): coop time per unit of scale should stay flat.", ""]
        head = ["scale", "lines", "parse/AST s", "coop module s", "coop s per 1x"]
        head += [short_name(c) + " s" for c in coop_checks] + [REFERENCE_CHECK + " s"]
        out += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for r in scaled:
            path = os.path.join(out_dir, "synthetic-%dx.cpp" % r["scale"])
            with open(path) as f:
                nlines = sum(1 for _ in f)
            coop_sum = sum(r["checks"][c] for c in coop_checks)
            row = ["%dx" % r["scale"], str(nlines), "%.2f" % r["parse_same_run"],
                   "%.3f" % coop_sum, "%.3f" % (coop_sum / r["scale"])]
            row += ["%.3f" % r["checks"][c] for c in coop_checks]
            row += ["%.3f" % r["checks"].get(REFERENCE_CHECK, 0)]
            out.append("| " + " | ".join(row) + " |")
        out += [""] + memory_table(scaled)
    return out


def list_coop_checks(tidy):
    """The coop checks the clang-tidy command knows."""
    listed = subprocess.run(tidy + ["--list-checks", "-checks=-*,coop-*"], stdout=subprocess.PIPE,
                            universal_newlines=True, check=True).stdout.split()
    return sorted(c for c in listed if c.startswith("coop-"))


def bench_arguments(description):
    """A parser of the options every bench/checker script takes."""
    parser = argparse.ArgumentParser(description=description,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tidy", required=True, help="clang-tidy command, with --load=<plugin>")
    parser.add_argument("--corpus", default=os.environ.get("COOP_CORPUS", "/tmp/coop-corpus"))
    parser.add_argument("--out", default="/tmp/coop-bench")
    parser.add_argument("--tu", action="append", help="PROJECT:PATH (repeatable; default: the fixed set)")
    return parser


def wanted_tus(args):
    """The (project, path) pairs of --tu, or the fixed set."""
    return [tuple(t.split(":", 1)) for t in args.tu] if args.tu else DEFAULT_TUS


def main():
    parser = bench_arguments(__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scales", default="1,4,16")
    parser.add_argument("--no-corpus", action="store_true", help="only the synthetic TUs")
    parser.add_argument("--each", action="store_true",
                        help="instead: the CPU time of each coop check alone, and of "
                        "bugprone-infinite-loop alone (OUT/overhead-each.md)")
    args = parser.parse_args()

    tidy = shlex.split(args.tidy)
    coop_checks = list_coop_checks(tidy)
    os.makedirs(args.out, exist_ok=True)
    if args.each:
        checks = coop_checks + [REFERENCE_CHECK]
        results = []
        for tu in load_tus(os.path.abspath(args.corpus), wanted_tus(args)):
            print("overhead --each: %s" % tu["name"], flush=True)
            results.append(measure_each(tidy, tu, args.repeat, checks))
        with open(os.path.join(args.out, "overhead-each.json"), "w") as f:
            json.dump({"checks": checks, "results": results}, f, indent=1)
        out = report_each(results, checks, args.repeat)
        with open(os.path.join(args.out, "overhead-each.md"), "w") as f:
            f.write("\n".join(out) + "\n")
        print("\n".join(out))
        return

    tus = []
    if not args.no_corpus:
        tus = load_tus(os.path.abspath(args.corpus), wanted_tus(args))
    synthetic = []
    for scale in [int(s) for s in args.scales.split(",") if s]:
        path = os.path.join(args.out, "synthetic-%dx.cpp" % scale)
        subprocess.run([sys.executable, os.path.join(HERE, "gen_synthetic.py"),
                        "--scale", str(scale), path], check=True)
        synthetic.append({"name": "synthetic %dx" % scale, "file": path, "db": None,
                          "directory": args.out, "args": ["-std=c++20"], "scale": scale})

    results = []
    for tu in tus + synthetic:
        print("overhead: %s" % tu["name"], flush=True)
        r = measure(tidy, tu, args.repeat, coop_checks)
        r["scale"] = tu.get("scale")
        results.append(r)
    with open(os.path.join(args.out, "overhead.json"), "w") as f:
        json.dump({"coop_checks": coop_checks, "results": results}, f, indent=1)

    out = report(results, coop_checks, args.repeat, args.out)
    with open(os.path.join(args.out, "overhead.md"), "w") as f:
        f.write("\n".join(out) + "\n")
    print("\n".join(out))


if __name__ == "__main__":
    main()
