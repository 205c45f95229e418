#!/usr/bin/env python3
"""Write the API tables in docs/checks/*.md from checker/utils/UnsafeApis.def.

The checks read the table through UnsafeApiTable.h; this reads the same lines,
so the docs cannot drift from what the checks report. Each docs page marks
where its table goes:

  <!-- coop-api-table:begin -->
  <!-- coop-api-table:end -->

  gen-check-tables.py           rewrite the tables in place
  gen-check-tables.py --check   exit 1 if a table is stale or missing
"""
import os
import re
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLE = os.path.join(TOP, "checker", "utils", "UnsafeApis.def")
DOCS = os.path.join(TOP, "docs", "checks")
BEGIN = "<!-- coop-api-table:begin -->"
END = "<!-- coop-api-table:end -->"
FIELDS = ["id", "check", "api", "hazard", "cxx", "c", "fix", "header"]
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def read_table():
    rows = []
    with open(TABLE, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("COOP_UNSAFE_API("):
                continue
            ident = line[len("COOP_UNSAFE_API("):].split(",", 1)[0].strip()
            strings = [s.encode().decode("unicode_escape")
                       for s in STRING.findall(line)]
            if len(strings) != len(FIELDS) - 1:
                sys.exit("%s: malformed entry %s" % (TABLE, ident))
            rows.append(dict(zip(FIELDS, [ident] + strings)))
    return rows


def cell(text):
    return text.replace("|", "\\|") if text else "—"


def render(rows):
    out = ["| API | Why it is unsafe | Cooperative replacement (C++) | "
           "Cooperative replacement (C) | Fix-it |",
           "|---|---|---|---|---|"]
    for r in rows:
        api = r["api"][2:] if r["api"].startswith("::") else r["api"]
        fix = "`%s`" % r["fix"] if r["fix"] else "—"
        if r["fix"] and r["header"]:
            fix += " (adds `%s`)" % r["header"]
        out.append("| `%s` | %s | %s | %s | %s |" % (
            cell(api), cell(r["hazard"]), cell(r["cxx"]), cell(r["c"]), fix))
    return "\n".join(out)


def main():
    check_only = "--check" in sys.argv[1:]
    by_check = {}
    for row in read_table():
        by_check.setdefault(row["check"], []).append(row)
    stale = []
    for check, rows in sorted(by_check.items()):
        page = os.path.join(DOCS, check[len("coop-"):] + ".md")
        if not os.path.exists(page):
            stale.append("%s: missing (rows for %s)" % (page, check))
            continue
        with open(page, encoding="utf-8") as f:
            text = f.read()
        if BEGIN not in text or END not in text:
            stale.append("%s: no %s ... %s markers" % (page, BEGIN, END))
            continue
        head, rest = text.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        new = "%s%s\n%s\n%s%s" % (head, BEGIN, render(rows), END, tail)
        if new != text:
            if check_only:
                stale.append("%s: table is stale" % page)
            else:
                with open(page, "w", encoding="utf-8") as f:
                    f.write(new)
                print("updated %s" % os.path.relpath(page, TOP))
    for problem in stale:
        print(problem, file=sys.stderr)
    if stale:
        if check_only:
            print("run scripts/gen-check-tables.py to regenerate", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
