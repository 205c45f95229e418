#!/usr/bin/env python3
"""Compare what coop's tools say about checks and options with the sources.

  options.py --source <coop source dir> <command> [file]

The expected sets come from the sources, so a new check or option is covered
the moment it is written:

  checks      the names in checker/CheckNames.h that CoopTidyModule.cpp
              registers (registerCheck<Class>(names::X));
  options     for each registered check, the options its storeOptions writes
              (Options.store(Opts, "<Name>", ...) in checker/<Class>.cpp) —
              exactly what --dump-config prints.

Commands:
  list-checks <output of --list-checks>   every registered check is listed,
                                          and nothing else coop-*;
  unregistered                            names in CheckNames.h that no
                                          registerCheck uses (prints them);
  dump-config <output of --dump-config>   every option of every registered
                                          check is dumped, and nothing else;
  example <output of --dump-config>       examples/.clang-tidy sets exactly
                                          those options, each to its default
                                          (and may list options of a check
                                          named in CheckNames.h that is not
                                          registered yet);
  docs <output of --dump-config>          each check's page in docs/checks has
                                          an Options section naming every
                                          option (and its default, if not empty);
  print                                   the expected checks and options.
Exits 1 with one line per problem.
"""
import argparse
import os
import re
import sys

import yaml

NAME = re.compile(r'constexpr\s+llvm::StringLiteral\s+(\w+)\s*=\s*"([^"]+)"')
REGISTER = re.compile(r"registerCheck<\s*(\w+)\s*>\s*\(\s*names::(\w+)\s*\)")
STORE = re.compile(r'Options\.store\(\s*\w+\s*,\s*"(\w+)"')


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def registered_checks(src):
    """{check name: class} for every check the module registers."""
    names = dict(NAME.findall(read(os.path.join(src, "checker", "CheckNames.h"))))
    module = read(os.path.join(src, "checker", "CoopTidyModule.cpp"))
    checks = {}
    for cls, ident in REGISTER.findall(module):
        if ident not in names:
            sys.exit("options.py: names::%s is not in CheckNames.h" % ident)
        checks[names[ident]] = cls
    return checks, set(names.values())


def check_source(src, cls):
    path = os.path.join(src, "checker", cls + ".cpp")
    if os.path.exists(path):
        return path
    for name in sorted(os.listdir(os.path.join(src, "checker"))):
        if name.endswith(".cpp") and "%s::storeOptions" % cls in read(
                os.path.join(src, "checker", name)):
            return os.path.join(src, "checker", name)
    sys.exit("options.py: no source file defines %s::storeOptions" % cls)


def expected_options(src):
    """{check: [option, ...]} from each registered check's storeOptions."""
    checks, _ = registered_checks(src)
    options = {}
    for check, cls in sorted(checks.items()):
        text = read(check_source(src, cls))
        stored = STORE.findall(text)
        for option in stored:
            # A stored option that is never read would be dumped but ignored.
            if text.count('"%s"' % option) < 2:
                sys.exit("options.py: %s stores %s but never reads it" % (cls, option))
        options[check] = stored
    return options


def dumped_options(path):
    config = yaml.safe_load(read(path)) or {}
    options = config.get("CheckOptions") or {}
    if isinstance(options, list):  # the pre-LLVM-15 list form
        options = {o["key"]: o["value"] for o in options}
    return {k: str(v) for k, v in options.items() if k.startswith("coop-")}


def docs_problems(src, dumped):
    problems = []
    for check, options in sorted(expected_options(src).items()):
        page = os.path.join(src, "docs", "checks", check[len("coop-"):] + ".md")
        if not os.path.exists(page):
            problems.append("%s: no page docs/checks/%s" % (check, os.path.basename(page)))
            continue
        match = re.search(r"^## Options\s*$(.*?)(?=^## |\Z)", read(page), re.M | re.S)
        if not match:
            problems.append("%s: the page has no '## Options' section" % check)
            continue
        section = match.group(1)
        for option in options:
            rows = [line for line in section.splitlines() if "`%s`" % option in line]
            if not rows:
                problems.append("%s: option %s is not documented in its page" % (check, option))
                continue
            default = dumped.get("%s.%s" % (check, option), "")
            if default and not any(default in row for row in rows):
                problems.append("%s: the page does not give %s's default '%s'" %
                                (check, option, default))
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", required=True)
    parser.add_argument("command", choices=["list-checks", "unregistered", "dump-config",
                                            "example", "docs", "print"])
    parser.add_argument("file", nargs="?")
    args = parser.parse_args()
    src = args.source
    problems = []

    if args.command == "print":
        for check, options in sorted(expected_options(src).items()):
            print(check)
            for option in options:
                print("  %s.%s" % (check, option))
        return 0
    if args.command == "unregistered":
        checks, names = registered_checks(src)
        missing = sorted(names - set(checks))
        for name in missing:
            print("%s is in CheckNames.h but not registered" % name)
        return 1 if missing else 0
    if args.command == "list-checks":
        checks, _ = registered_checks(src)
        listed = {line.strip() for line in read(args.file).splitlines()
                  if line.strip().startswith("coop-")}
        problems += ["%s is registered but not listed" % c for c in sorted(set(checks) - listed)]
        problems += ["%s is listed but not registered" % c for c in sorted(listed - set(checks))]
    else:
        dumped = dumped_options(args.file)
        expected = {"%s.%s" % (check, option)
                    for check, options in expected_options(src).items() for option in options}
        if args.command == "dump-config":
            problems += ["%s is stored but not dumped" % o for o in sorted(expected - set(dumped))]
            problems += ["%s is dumped but not stored" % o for o in sorted(set(dumped) - expected)]
        elif args.command == "example":
            example = os.path.join(src, "examples", ".clang-tidy")
            sample = dumped_options(example)
            # Options of a check that is named in CheckNames.h but not
            # registered yet (being written) may be listed ahead of it.
            checks, names = registered_checks(src)
            sample = {o: v for o, v in sample.items()
                      if o.split(".", 1)[0] in checks or o.split(".", 1)[0] not in names}
            problems += ["examples/.clang-tidy: %s is missing" % o
                         for o in sorted(expected - set(sample))]
            problems += ["examples/.clang-tidy: %s is not an option" % o
                         for o in sorted(set(sample) - expected)]
            problems += ["examples/.clang-tidy: %s is '%s', the default is '%s'" %
                         (o, sample[o], dumped[o])
                         for o in sorted(set(sample) & set(dumped)) if sample[o] != dumped[o]]
        elif args.command == "docs":
            problems += docs_problems(src, dumped)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
