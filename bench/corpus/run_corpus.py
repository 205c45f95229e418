#!/usr/bin/env python3
"""Run every coop check over the real-world corpus and report what happened.

  run_corpus.py --corpus DIR --tidy COOP_TIDY [--out DIR] [--jobs N]
                [--only PROJECT]... [--checks GLOB] [--timeout S]
                [--clangd COOP_CLANGD [--clangd-sample N] [--clangd-only]]

For every TU of every project in DIR/db/corpus.json (bench/corpus/install.sh
makes it), runs coop-tidy with all coop-* checks and records:

  crash            exit by signal, exit code other than 0/1, "Stack dump",
                   an assertion failure, LLVM ERROR, a sanitizer report;
  timeout          no answer within --timeout seconds;
  invalid location a coop diagnostic (or note, or fix-it) with no file, a file
                   that does not exist, or an offset / line / column outside
                   the file - from the text output and from --export-fixes;
  parse failure    the compiler's own errors (approximate flags); reported,
                   and split into expected (tests meant to be rejected) and
                   unexpected;
  findings         every coop warning with its notes, deduplicated across TUs
                   (a header's finding is one finding), joined with the
                   verdicts in bench/corpus/triage.tsv.

Writes OUT/summary.md (human), OUT/results.json and OUT/findings.json
(machine), OUT/logs/<project>/<n>.log (each TU's full output). Exit status 0
when there is no crash, no timeout and no invalid location; 1 otherwise.

With --clangd, also runs `coop-clangd --check=<file> --clang-tidy` with every
coop check enabled (a user config.yaml in a scratch XDG_CONFIG_HOME) on a
fixed sample of --clangd-sample TUs spread evenly over the projects: the
path where the headers come from clangd's precompiled preamble, which
coop-tidy never takes. clangd's check mode prints only errors, so this step
looks for crashes and timeouts, not findings; OUT/clangd.md and
OUT/clangd.json. --clangd-only skips the coop-tidy run.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import re
import shlex
import signal
import subprocess
import sys
import time

try:
    import yaml
except ImportError:  # python3-yaml is in bench/corpus/packages.txt
    yaml = None

HERE = os.path.dirname(os.path.abspath(__file__))
TRIAGE = os.path.join(HERE, "triage.tsv")

DIAG_RE = re.compile(
    r"^(?P<file>[^:\s][^:]*):(?P<line>\d+):(?P<col>\d+): (?P<kind>warning|error|note): "
    r"(?P<msg>.*?)(?: \[(?P<checks>[\w.,-]+)\])?$")
# A diagnostic printed with no location at all.
UNLOCATED_RE = re.compile(r"^(warning|error|note): (?P<msg>.*)$")
# What a crashing clang-tidy prints, matched per line. Diagnostics quote
# source lines ("  12 | ...") that may contain any text, so those are skipped.
CRASH_RES = [re.compile(p) for p in (
    r"^Stack dump", r"^PLEASE submit a bug report", r"Assertion [`'].*[`'] failed",
    r"^LLVM ERROR:", r"UNREACHABLE executed at", r"^==\d+==ERROR: \w+Sanitizer",
    r"^terminate called", r"^libc\+\+abi: terminating")]
SOURCE_QUOTE_RE = re.compile(r"^\s*\d*\s*\|")


def is_coop(checks):
    return checks is not None and any(c.startswith("coop-") for c in checks.split(","))


class FileCache:
    """Lines of source files, to validate locations and quote findings."""

    def __init__(self):
        self.cache = {}

    def lines(self, path):
        if path not in self.cache:
            try:
                with open(path, "rb") as f:
                    data = f.read()
                self.cache[path] = (len(data), data.decode("utf-8", "replace").split("\n"))
            except OSError:
                self.cache[path] = None
        return self.cache[path]


FILES = FileCache()


def location_problem(path, line, col):
    """Why file:line:col cannot be a real location, or None."""
    info = FILES.lines(path)
    if info is None:
        return "no such file: %s" % path
    _, lines = info
    if line < 1 or line > len(lines):
        return "line %d outside %s (%d lines)" % (line, path, len(lines))
    # Columns are bytes, 1-based; one past the end is the end-of-line position.
    if col < 1 or col > len(lines[line - 1].encode("utf-8")) + 1:
        return "column %d outside line %d of %s" % (col, line, path)
    return None


def yaml_problems(path):
    """Invalid locations in an --export-fixes file: coop diagnostics, their
    notes and their replacements must all point inside a real file."""
    problems = []
    if yaml is None or not os.path.exists(path):
        return problems
    with open(path, errors="replace") as f:
        doc = yaml.safe_load(f)
    for diag in (doc or {}).get("Diagnostics", []) or []:
        if not str(diag.get("DiagnosticName", "")).startswith("coop-"):
            continue
        messages = [diag.get("DiagnosticMessage", {})] + list(diag.get("Notes", []) or [])
        for m in messages:
            fp, off = m.get("FilePath", ""), m.get("FileOffset", 0)
            where = "%s: %s" % (diag.get("DiagnosticName"), m.get("Message", ""))
            if not fp:
                problems.append("no file for " + where)
                continue
            info = FILES.lines(fp)
            if info is None or off < 0 or off > info[0]:
                problems.append("offset %s outside %s for %s" % (off, fp, where))
            for r in m.get("Replacements", []) or []:
                rinfo = FILES.lines(r.get("FilePath", ""))
                end = r.get("Offset", 0) + r.get("Length", 0)
                if rinfo is None or r.get("Offset", 0) < 0 or end > rinfo[0]:
                    problems.append("fix-it %s+%s outside %s for %s" % (
                        r.get("Offset"), r.get("Length"), r.get("FilePath"), where))
    return problems


def parse_output(text, directory):
    """Findings (coop warnings with their notes), compiler errors and
    invalid-location diagnostics in clang-tidy's text output."""
    findings, errors, invalid = [], [], []
    current = None
    for raw in text.splitlines():
        m = DIAG_RE.match(raw)
        if m:
            path = m.group("file")
            if not os.path.isabs(path):
                path = os.path.normpath(os.path.join(directory, path))
            line, col = int(m.group("line")), int(m.group("col"))
            kind, checks = m.group("kind"), m.group("checks")
            if kind == "note":
                if current is not None:
                    current["notes"].append({"file": path, "line": line, "col": col,
                                             "msg": m.group("msg")})
                    problem = location_problem(path, line, col)
                    if problem:
                        invalid.append("note of %s: %s" % (current["check"], problem))
                continue
            current = None
            if is_coop(checks):
                current = {"file": path, "line": line, "col": col, "kind": kind,
                           "check": [c for c in checks.split(",") if c.startswith("coop-")][0],
                           "msg": m.group("msg"), "notes": []}
                findings.append(current)
                problem = location_problem(path, line, col)
                if problem:
                    invalid.append("%s: %s" % (current["check"], problem))
            elif kind == "error":
                errors.append(raw)
            continue
        m = UNLOCATED_RE.match(raw)
        if m and "[coop-" in raw:
            invalid.append("no location: " + raw)
            current = None
        elif m and raw.startswith("error: ") and "[clang-diagnostic-" in raw:
            errors.append(raw)
    return findings, errors, invalid


def run_tu(job):
    cmd, log_path, fixes_path, timeout = job["cmd"], job["log"], job["fixes"], job["timeout"]
    start = time.monotonic()
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              universal_newlines=True, errors="replace", timeout=timeout,
                              cwd=job["directory"])
        rc, out, timed_out = proc.returncode, proc.stdout, False
    except subprocess.TimeoutExpired as e:
        rc, timed_out = None, True
        out = e.stdout if isinstance(e.stdout, str) else (e.stdout or b"").decode("utf-8", "replace")
    elapsed = time.monotonic() - start
    with open(log_path, "w") as f:
        f.write("$ %s\n%s" % (" ".join(shlex.quote(c) for c in cmd), out))
    findings, errors, invalid = parse_output(out, job["directory"])
    invalid += yaml_problems(fixes_path)
    crash = []
    if rc is not None and rc < 0:
        crash.append("killed by signal %s" % signal.Signals(-rc).name)
    elif rc is not None and rc not in (0, 1):
        crash.append("exit code %d" % rc)
    for line in out.splitlines():
        if SOURCE_QUOTE_RE.match(line) or DIAG_RE.match(line):
            continue
        crash += [line.strip()[:200] for r in CRASH_RES if r.search(line)]
    return {"project": job["project"], "file": job["file"], "rc": rc, "seconds": round(elapsed, 2),
            "timeout": timed_out, "crash": crash, "invalid": invalid,
            "errors": errors[:20], "error_count": len(errors),
            "expect_error": job["expect_error"], "findings": findings, "log": log_path}


def clangd_sample(projects, db_entries, n):
    """n TUs, round-robin over the projects, evenly spaced within each."""
    picks = {p["name"]: [] for p in projects}
    names = [p["name"] for p in projects if db_entries[p["name"]]]
    quota = {name: 0 for name in names}
    for i in range(min(n, sum(len(db_entries[x]) for x in names))):
        while True:
            name = names[i % len(names)]
            if quota[name] < len(db_entries[name]):
                break
            i += 1
        quota[name] += 1
    for name in names:
        entries, k = db_entries[name], quota[name]
        picks[name] = [entries[(j * len(entries)) // k] for j in range(k)] if k else []
    return picks


def run_clangd(projects, db_entries, args, out):
    """coop-clangd --check over a sample: crashes, timeouts (markdown lines, bad count)."""
    xdg = os.path.join(out, "clangd-config")
    os.makedirs(os.path.join(xdg, "clangd"), exist_ok=True)
    with open(os.path.join(xdg, "clangd", "config.yaml"), "w") as f:
        f.write("Diagnostics:\n  ClangTidy:\n    Add: ['%s']\n    FastCheckFilter: None\n"
                % args.checks)
    env = dict(os.environ, XDG_CONFIG_HOME=xdg)
    logs = os.path.join(out, "logs", "clangd")
    os.makedirs(logs, exist_ok=True)
    jobs = []
    for p in projects:
        for e in clangd_sample(projects, db_entries, args.clangd_sample).get(p["name"], []):
            log = os.path.join(logs, "%s-%03d.log" % (p["name"], len(jobs)))
            cmd = ["nice", "-n", "10", args.clangd, "--check=" + e["file"],
                   "--compile-commands-dir=" + p["db"], "--clang-tidy",
                   "--check-locations=false"]
            jobs.append((p["name"], e, cmd, log))

    def one(job):
        name, e, cmd, log = job
        start = time.monotonic()
        try:
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  universal_newlines=True, errors="replace", env=env,
                                  timeout=args.timeout, cwd=e["directory"])
            rc, text, timed_out = proc.returncode, proc.stdout, False
        except subprocess.TimeoutExpired as ex:
            rc, timed_out = None, True
            text = ex.stdout if isinstance(ex.stdout, str) else \
                (ex.stdout or b"").decode("utf-8", "replace")
        with open(log, "w") as f:
            f.write("$ XDG_CONFIG_HOME=%s %s\n%s" % (xdg, " ".join(shlex.quote(c) for c in cmd),
                                                      text))
        # clangd --check exits with 3 (CheckFailed) when the file has
        # compiler errors, after "All checks completed, N errors".
        m = re.search(r"All checks completed, (\d+) errors", text)
        crash = []
        if rc is not None and rc < 0:
            crash.append("killed by signal %s" % signal.Signals(-rc).name)
        elif rc is not None and rc != 0 and not (rc == 3 and m):
            crash.append("exit code %d" % rc)
        crash += [l.strip()[:200] for l in text.splitlines() for r in CRASH_RES if r.search(l)]
        return {"project": name, "file": e["file"], "rc": rc, "timeout": timed_out,
                "crash": crash, "errors": int(m.group(1)) if m else None,
                "seconds": round(time.monotonic() - start, 2), "log": log}

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(one, jobs))
    wall = time.monotonic() - started
    with open(os.path.join(out, "clangd.json"), "w") as f:
        json.dump(results, f, indent=1)
    bad = [r for r in results if r["crash"] or r["timeout"]]
    lines = ["## coop-clangd (precompiled preamble)", "",
             "`%s --check=<file> --compile-commands-dir=<db> --clang-tidy "
             "--check-locations=false` with `%s` enabled by a user config.yaml, on %d TUs "
             "(every project, evenly spaced) in %.0f s wall: %d crashes, %d timeouts, "
             "%d TUs with compiler errors (approximate flags)." % (
                 args.clangd, args.checks, len(results), wall,
                 sum(1 for r in results if r["crash"]), sum(1 for r in results if r["timeout"]),
                 sum(1 for r in results if r["errors"])), ""]
    lines += ["| project | TUs | crashes | timeouts | with errors |", "|---|---|---|---|---|"]
    for p in projects:
        rs = [r for r in results if r["project"] == p["name"]]
        if rs:
            lines.append("| %s | %d | %d | %d | %d |" % (
                p["name"], len(rs), sum(1 for r in rs if r["crash"]),
                sum(1 for r in rs if r["timeout"]), sum(1 for r in rs if r["errors"])))
    lines += [""] + ["- %s `%s`: %s (log: %s)" % (
        r["project"], r["file"], "; ".join(r["crash"] + (["timeout"] if r["timeout"] else [])),
        r["log"]) for r in bad]
    lines += ["", "TUs: " + ", ".join("%s `%s`" % (r["project"], relpath(
        r["file"], [p["root"] for p in projects if p["name"] == r["project"]][0]))
        for r in results), ""]
    with open(os.path.join(out, "clangd.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("corpus: coop-clangd: %d TUs, %d crashes, %d timeouts; see %s" % (
        len(results), sum(1 for r in results if r["crash"]),
        sum(1 for r in results if r["timeout"]), os.path.join(out, "clangd.md")), flush=True)
    return lines, len(bad)


def load_triage():
    """(project, path, line, check) -> (verdict, why)."""
    triage = {}
    if not os.path.exists(TRIAGE):
        return triage
    with open(TRIAGE) as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 6:
                sys.exit("%s:%d: expected 6 tab-separated fields" % (TRIAGE, n))
            project, path, lineno, check, verdict, why = parts[:6]
            if verdict not in ("TP", "FP", "debatable"):
                sys.exit("%s:%d: verdict must be TP, FP or debatable" % (TRIAGE, n))
            triage[(project, path, int(lineno), check)] = (verdict, why)
    return triage


def relpath(path, root):
    rel = os.path.relpath(path, root)
    return path if rel.startswith("..") else rel


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=os.environ.get("COOP_CORPUS", "/tmp/coop-corpus"))
    parser.add_argument("--tidy", help="coop-tidy (or clang-tidy --load=...)")
    parser.add_argument("--out", help="results directory (default CORPUS/results)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", action="append", help="project (repeatable)")
    parser.add_argument("--checks", default="coop-*")
    parser.add_argument("--timeout", type=int, default=900)
    parser.add_argument("--limit", type=int, default=0, help="at most N TUs per project")
    parser.add_argument("--files", help="only the TUs listed in this file, one path per line "
                        "(e.g. those with findings in an earlier run: a re-run after a fix)")
    parser.add_argument("--clangd", help="coop-clangd: also run its --check on a sample")
    parser.add_argument("--clangd-sample", type=int, default=40, help="TUs for --clangd")
    parser.add_argument("--clangd-only", action="store_true", help="skip the coop-tidy run")
    args = parser.parse_args()
    if not args.tidy and not args.clangd_only:
        parser.error("--tidy is required (unless --clangd-only)")

    corpus = os.path.abspath(args.corpus)
    with open(os.path.join(corpus, "db", "corpus.json")) as f:
        projects = json.load(f)
    out = os.path.abspath(args.out or os.path.join(corpus, "results"))
    os.makedirs(out, exist_ok=True)
    tidy = shlex.split(args.tidy or "")
    # The config replaces any .clang-tidy in the corpus trees: the projects'
    # own settings must neither disable coop checks nor add others.
    config = "{Checks: '-*,%s', HeaderFilterRegex: '.*'}" % args.checks

    projects = [p for p in projects if not args.only or p["name"] in args.only]
    db_entries = {}
    for p in projects:
        with open(os.path.join(p["db"], "compile_commands.json")) as f:
            db_entries[p["name"]] = json.load(f)
    clangd_lines, clangd_bad = [], 0
    if args.clangd:
        clangd_lines, clangd_bad = run_clangd(projects, db_entries, args, out)
        if args.clangd_only:
            return 1 if clangd_bad else 0

    jobs = []
    for p in projects:
        db = db_entries[p["name"]]
        if args.limit:
            db = db[:args.limit]
        if args.files:
            with open(args.files) as f:
                wanted = set(line.strip() for line in f if line.strip())
            db = [e for e in db if e["file"] in wanted]
        logs = os.path.join(out, "logs", p["name"])
        os.makedirs(logs, exist_ok=True)
        for n, e in enumerate(db):
            log = os.path.join(logs, "%04d.log" % n)
            fixes = os.path.join(logs, "%04d.yaml" % n)
            if os.path.exists(fixes):
                os.remove(fixes)
            cmd = ["nice", "-n", "10"] + tidy + [
                "--config=" + config, "--header-filter=.*", "-p", p["db"],
                "--export-fixes=" + fixes] + p["tidy_args"] + [e["file"]]
            jobs.append({"project": p["name"], "file": e["file"], "cmd": cmd, "log": log,
                         "fixes": fixes, "timeout": args.timeout, "directory": e["directory"],
                         "expect_error": e["file"] in p["expect_error"]})

    results = []
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for n, r in enumerate(pool.map(run_tu, jobs), 1):
            results.append(r)
            flag = ("CRASH " if r["crash"] else "") + ("TIMEOUT " if r["timeout"] else "") + \
                   ("INVALID-LOC " if r["invalid"] else "")
            if flag or n % 50 == 0 or n == len(jobs):
                print("corpus: [%d/%d] %s%s %s" % (n, len(jobs), flag, r["project"], r["file"]),
                      flush=True)
    wall = time.monotonic() - started

    roots = {p["name"]: p["root"] for p in projects}
    versions = {p["name"]: p["version"] for p in projects}
    triage = load_triage()
    # One finding per (check, location, message), whichever TUs saw it.
    unique = collections.OrderedDict()
    for r in results:
        for f in r["findings"]:
            key = (r["project"], f["check"], f["file"], f["line"], f["col"], f["msg"])
            if key not in unique:
                rel = relpath(f["file"], roots[r["project"]])
                info = FILES.lines(f["file"])
                code = info[1][f["line"] - 1].strip() if info and f["line"] <= len(info[1]) else ""
                verdict, why = triage.get((r["project"], rel, f["line"], f["check"]),
                                          ("untriaged", ""))
                unique[key] = dict(f, project=r["project"], path=rel, code=code,
                                   verdict=verdict, why=why, tus=0)
            unique[key]["tus"] += 1
    findings = list(unique.values())

    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump(results, f, indent=1)
    with open(os.path.join(out, "findings.json"), "w") as f:
        json.dump(findings, f, indent=1)

    lines = ["# coop corpus run", "",
             "coop-tidy: `%s`, checks `%s`, %d TUs in %.0f s wall (%d jobs)." % (
                 args.tidy, args.checks, len(results), wall, args.jobs), "",
             "| project | version | TUs | parsed | parse failures (expected) | crashes | timeouts "
             "| invalid locations | findings | CPU s |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    by_project = collections.OrderedDict()
    for r in results:
        by_project.setdefault(r["project"], []).append(r)
    for name, rs in by_project.items():
        failed = [r for r in rs if r["error_count"]]
        lines.append("| %s | %s | %d | %d | %d (%d) | %d | %d | %d | %d | %.0f |" % (
            name, versions[name], len(rs), len(rs) - len(failed), len(failed),
            sum(1 for r in failed if r["expect_error"]),
            sum(1 for r in rs if r["crash"]), sum(1 for r in rs if r["timeout"]),
            sum(len(r["invalid"]) for r in rs),
            sum(1 for f in findings if f["project"] == name),
            sum(r["seconds"] for r in rs)))

    lines += ["", "## Findings per check", "",
              "| check | findings | TP | FP | debatable | untriaged |", "|---|---|---|---|---|---|"]
    per_check = collections.OrderedDict()
    for f in findings:
        per_check.setdefault(f["check"], collections.Counter())[f["verdict"]] += 1
    for check, c in sorted(per_check.items()):
        lines.append("| %s | %d | %d | %d | %d | %d |" % (
            check, sum(c.values()), c["TP"], c["FP"], c["debatable"], c["untriaged"]))

    bad = [r for r in results if r["crash"] or r["timeout"] or r["invalid"]]
    lines += ["", "## Crashes, timeouts, invalid locations", ""]
    lines += ["- %s `%s`: %s (log: %s)" % (r["project"], r["file"],
                                            "; ".join(r["crash"] + (["timeout"] if r["timeout"] else [])
                                                      + r["invalid"][:5]), r["log"])
              for r in bad] or ["None."]

    lines += ["", "## Findings", ""]
    for f in findings:
        lines.append("- **%s** %s `%s:%d:%d` [%s] %s%s" % (
            f["verdict"], f["project"], f["path"], f["line"], f["col"], f["check"], f["msg"],
            (" — " + f["why"]) if f["why"] else ""))
        lines.append("  `%s`" % f["code"].replace("`", "'"))
        for note in f["notes"]:
            lines.append("  - note `%s:%d`: %s" % (relpath(note["file"], roots[f["project"]]),
                                                  note["line"], note["msg"]))

    lines += [""] + clangd_lines
    lines += ["", "## Parse failures (approximate flags)", ""]
    for r in results:
        if r["error_count"]:
            lines.append("- %s `%s`%s: %s" % (r["project"], r["file"],
                                               " (expected: test meant to be rejected)"
                                               if r["expect_error"] else "",
                                               r["errors"][0] if r["errors"] else ""))
    with open(os.path.join(out, "summary.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("corpus: %d TUs, %d crashes, %d timeouts, %d with invalid locations, %d parse failures, "
          "%d findings (%d untriaged); see %s" % (
              len(results), sum(1 for r in results if r["crash"]),
              sum(1 for r in results if r["timeout"]),
              sum(1 for r in results if r["invalid"]),
              sum(1 for r in results if r["error_count"]), len(findings),
              sum(1 for f in findings if f["verdict"] == "untriaged"),
              os.path.join(out, "summary.md")))
    return 1 if bad or clangd_bad else 0


if __name__ == "__main__":
    sys.exit(main())
