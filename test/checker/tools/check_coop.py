#!/usr/bin/env python3
"""Run one coop check over a lit test file and FileCheck what it says and fixes.

  check_coop.py [options] <input> <check-name> <temp-prefix> [-- <tidy args> [-- <compile args>]]

The input is run through every runner the lit configuration names (stock
clang-tidy with --load=<plugin>, and coop-tidy), so each test proves both ways
of using the module. For each runner:

  1. the input is copied with its CHECK lines blanked (line numbers stay put);
  2. the check runs with --fix; its diagnostics are FileChecked against the
     CHECK-MESSAGES[-SUFFIX] lines, and any warning, error or note that no
     line expects fails the test;
  3. if the input has CHECK-FIXES[-SUFFIX] lines, the fixed file is
     FileChecked against them and then compiled (-fsyntax-only, with the coop
     library's headers on the include path): a fix that does not compile is
     a broken fix.
"""
import argparse
import os
import re
import shlex
import subprocess
import sys

FIX_APPLIED_NOTE = re.compile(r"note: FIX-IT applied suggested code changes")


def run(cmd, **kwargs):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, **kwargs)


def fail(message, output=""):
    sys.stderr.write("check_coop: %s\n%s\n" % (message, output))
    sys.exit(1)


def split_args(rest):
    """Split '-- tidy args -- compile args' into its two lists."""
    if rest and rest[0] == "--":
        rest = rest[1:]
    if "--" in rest:
        i = rest.index("--")
        return rest[:i], rest[i + 1:]
    return rest, []


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runner", action="append", required=True,
                        help="name=command line of a clang-tidy to test through")
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("--cc", required=True, help="clang, to compile fixed C")
    parser.add_argument("--cxx", required=True, help="clang++, to compile fixed C++")
    parser.add_argument("--coop-include", action="append", default=[],
                        help="include directory of the coop library")
    parser.add_argument("-check-suffix", "--check-suffix", default="",
                        help="use CHECK-MESSAGES-<suffix> / CHECK-FIXES-<suffix>")
    parser.add_argument("--no-compile-fixed", action="store_true",
                        help="the input does not compile by design")
    parser.add_argument("input")
    parser.add_argument("check")
    parser.add_argument("temp")
    argv = sys.argv[1:]
    rest = []
    if "--" in argv:
        i = argv.index("--")
        argv, rest = argv[:i], argv[i:]
    args = parser.parse_args(argv)
    tidy_args, compile_args = split_args(rest)

    suffix = "-" + args.check_suffix.upper() if args.check_suffix else ""
    messages_prefix = "CHECK-MESSAGES" + suffix
    fixes_prefix = "CHECK-FIXES" + suffix

    with open(args.input, encoding="utf-8") as f:
        text = f.read()
    has_messages = messages_prefix + ":" in text
    has_fixes = fixes_prefix + ":" in text
    # Blank every CHECK line (keeping the line) so fixes cannot touch them
    # and the checks cannot match themselves.
    cleaned = re.sub(r"//\s*CHECK-[A-Z0-9-]*:[^\r\n]*", "//", text)

    ext = os.path.splitext(args.input)[1]
    is_c = ext == ".c"

    for runner in args.runner:
        name, _, command = runner.partition("=")
        temp = "%s.%s%s" % (args.temp, name, ext)
        with open(temp, "w", encoding="utf-8") as f:
            f.write(cleaned)

        cmd = shlex.split(command) + [
            temp, "--fix", "--quiet", "-checks=-*," + args.check,
        ] + tidy_args + ["--"] + compile_args
        result = run(cmd)
        output = "\n".join(line for line in result.stdout.splitlines()
                           if not FIX_APPLIED_NOTE.search(line)
                           and "clang-tidy applied" not in line
                           and "Error while processing" not in line) + "\n"
        if result.returncode not in (0, 1) or "Stack dump" in result.stdout:
            fail("[%s] clang-tidy crashed (exit %d)" % (name, result.returncode),
                 result.stdout)
        with open(temp + ".msg", "w", encoding="utf-8") as f:
            f.write(output)

        if not has_messages:
            # No expected message: the check must stay completely silent.
            # (FileCheck refuses a prefix with no check lines, so this is
            # asserted here.)
            said = [line for line in output.splitlines()
                    if re.search(r"(warning|error|note):", line)]
            if said:
                fail("[%s] expected no diagnostics" % name, output)
            continue
        filecheck = [args.filecheck, args.input, "-input-file=" + temp + ".msg",
                     "-implicit-check-not={{warning|error|note}}:",
                     "-check-prefix=" + messages_prefix]
        fc = run(filecheck)
        if fc.returncode != 0:
            fail("[%s] diagnostics do not match %s" % (name, messages_prefix),
                 fc.stdout + "\n--- clang-tidy said ---\n" + output)

        if has_fixes:
            fc = run([args.filecheck, args.input, "-input-file=" + temp,
                      "-check-prefix=" + fixes_prefix, "-strict-whitespace"])
            if fc.returncode != 0:
                with open(temp, encoding="utf-8") as f:
                    fixed = f.read()
                fail("[%s] fixed code does not match %s" % (name, fixes_prefix),
                     fc.stdout + "\n--- fixed file ---\n" + fixed)
            if not args.no_compile_fixed:
                compiler = args.cc if is_c else args.cxx
                includes = ["-I" + d for d in args.coop_include]
                cc = run([compiler, "-fsyntax-only", "-x", "c" if is_c else "c++",
                          temp] + includes + compile_args)
                if cc.returncode != 0:
                    fail("[%s] the fixed file does not compile" % name, cc.stdout)


if __name__ == "__main__":
    main()
