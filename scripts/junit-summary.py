#!/usr/bin/env python3
"""Sum JUnit XML reports (lit's --xunit-xml-output, ctest's --output-junit).

  junit-summary.py <report.xml>... [--failed-step NAME]...

Prints one line per report and the total as the last line:
  coop: <passed> passed, <failed> failed, <skipped> skipped
A step that failed before it could write a report (a build) counts as one
failure. Exit status 1 if anything failed.
"""
import sys
import xml.etree.ElementTree as ET


def count(path):
    passed = failed = skipped = 0
    for case in ET.parse(path).getroot().iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        elif case.find("skipped") is not None or case.get("status") in (
                "notrun", "disabled"):
            skipped += 1
        else:
            passed += 1
    return passed, failed, skipped


def main():
    args = sys.argv[1:]
    failed_steps = [args[i + 1] for i, a in enumerate(args) if a == "--failed-step"]
    reports = [a for i, a in enumerate(args)
               if a != "--failed-step" and (i == 0 or args[i - 1] != "--failed-step")]
    total = [0, 0, 0]
    for path in reports:
        try:
            p, f, s = count(path)
        except (OSError, ET.ParseError) as error:
            print("  %s: unreadable (%s)" % (path, error))
            p, f, s = 0, 1, 0
        print("  %-40s %d passed, %d failed, %d skipped" % (path, p, f, s))
        total = [total[0] + p, total[1] + f, total[2] + s]
    for step in failed_steps:
        print("  step failed: %s" % step)
        total[1] += 1
    print("coop: %d passed, %d failed, %d skipped" % tuple(total))
    return 1 if total[1] else 0


if __name__ == "__main__":
    sys.exit(main())
