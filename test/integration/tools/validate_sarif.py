#!/usr/bin/env python3
"""Check a SARIF log the way its consumers will.

  validate_sarif.py --schema <sarif-schema-2.1.0.json> [--github]
                    [--rules-from <docs/checks>] <log.sarif>...

--schema      validate against the SARIF 2.1.0 JSON schema (test/sarif/);
--github      apply GitHub code scanning's upload rules on top of the schema:
              what it rejects or silently drops (a result without a location,
              a relative path without a known base, a rule id no rule has,
              more results, runs or locations than it accepts);
--rules-from  every page in that directory must be a rule, with the page as
              its help, so new checks cannot be missing from code scanning.

Prints every problem and exits 1 if there is any.
"""
import argparse
import json
import os
import re
import sys

import jsonschema

# GitHub's documented limits for an uploaded SARIF file.
MAX_RUNS = 20
MAX_RESULTS_PER_RUN = 25000
MAX_RULES_PER_RUN = 25000
MAX_LOCATIONS_PER_RESULT = 1000
MAX_RELATED_LOCATIONS = 1000
MARKER = re.compile(r"^<!-- coop-api-table:(begin|end) -->\n", re.M)


def schema_problems(log, schema_path):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=jsonschema.FormatChecker())
    return ["schema: %s: %s" % ("/".join(str(p) for p in e.absolute_path) or "<root>",
                                e.message)
            for e in sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))]


def region_problems(where, region):
    problems = []
    start = region.get("startLine")
    if not isinstance(start, int) or start < 1:
        problems.append("%s: region has no startLine (code scanning needs a line)" % where)
        return problems
    end = region.get("endLine", start)
    if end < start:
        problems.append("%s: region ends (line %d) before it starts (line %d)" % (where, end, start))
    if end == start and "endColumn" in region and \
            region["endColumn"] < region.get("startColumn", 1):
        problems.append("%s: region's endColumn is before its startColumn" % where)
    return problems


def location_problems(where, location, base_ids):
    physical = location.get("physicalLocation")
    if not physical:
        return ["%s: no physicalLocation" % where]
    artifact = physical.get("artifactLocation") or {}
    uri = artifact.get("uri")
    problems = []
    if not uri:
        problems.append("%s: no artifactLocation.uri" % where)
    elif re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", uri):
        if not uri.startswith("file:///"):
            problems.append("%s: absolute uri '%s' is not a file:/// uri" % (where, uri))
    elif "uriBaseId" in artifact and artifact["uriBaseId"] not in base_ids:
        problems.append("%s: uriBaseId '%s' is not in run.originalUriBaseIds" %
                        (where, artifact["uriBaseId"]))
    elif uri.startswith("/") or uri.startswith("../"):
        problems.append("%s: uri '%s' is not relative to the repository root" % (where, uri))
    problems += region_problems(where, physical.get("region") or {})
    return problems


def github_problems(log):
    problems = []
    if log.get("version") != "2.1.0":
        problems.append("version is not 2.1.0")
    runs = log.get("runs") or []
    if not runs or len(runs) > MAX_RUNS:
        problems.append("%d runs (code scanning takes 1 to %d)" % (len(runs), MAX_RUNS))
    categories = set()
    for r, run in enumerate(runs):
        driver = (run.get("tool") or {}).get("driver") or {}
        if not driver.get("name"):
            problems.append("run %d: tool.driver.name is missing" % r)
        category = (driver.get("name"), (run.get("automationDetails") or {}).get("id"))
        if category in categories:
            problems.append("run %d: a second run of the same tool and category" % r)
        categories.add(category)
        rules = driver.get("rules") or []
        if len(rules) > MAX_RULES_PER_RUN:
            problems.append("run %d: %d rules" % (r, len(rules)))
        ids = [rule.get("id") for rule in rules]
        if len(set(ids)) != len(ids):
            problems.append("run %d: duplicate rule ids" % r)
        for rule in rules:
            where = "run %d: rule %s" % (r, rule.get("id"))
            if not rule.get("id"):
                problems.append("%s: no id" % where)
            if not (rule.get("shortDescription") or {}).get("text"):
                problems.append("%s: no shortDescription.text" % where)
            if "help" in rule and not rule["help"].get("text"):
                problems.append("%s: help without help.text" % where)
        base_ids = set((run.get("originalUriBaseIds") or {}).keys())
        for name, base in (run.get("originalUriBaseIds") or {}).items():
            if not base.get("uri", "").endswith("/"):
                problems.append("run %d: originalUriBaseIds %s does not end in /" % (r, name))
        results = run.get("results")
        if results is None:
            problems.append("run %d: no results array" % r)
            continue
        if len(results) > MAX_RESULTS_PER_RUN:
            problems.append("run %d: %d results" % (r, len(results)))
        for i, result in enumerate(results):
            where = "run %d: result %d" % (r, i)
            if not (result.get("message") or {}).get("text"):
                problems.append("%s: no message.text" % where)
            rule_id = result.get("ruleId")
            if rule_id not in ids:
                problems.append("%s: ruleId %r is not a rule of the driver" % (where, rule_id))
            elif "ruleIndex" in result and ids[result["ruleIndex"]] != rule_id:
                problems.append("%s: ruleIndex %d is %s, not %s" %
                                (where, result["ruleIndex"], ids[result["ruleIndex"]], rule_id))
            locations = result.get("locations") or []
            if not locations:
                problems.append("%s: no location (code scanning drops it)" % where)
            if len(locations) > MAX_LOCATIONS_PER_RESULT:
                problems.append("%s: %d locations" % (where, len(locations)))
            for j, location in enumerate(locations):
                problems += location_problems("%s: location %d" % (where, j), location, base_ids)
            related = result.get("relatedLocations") or []
            if len(related) > MAX_RELATED_LOCATIONS:
                problems.append("%s: %d related locations" % (where, len(related)))
            for j, location in enumerate(related):
                here = "%s: related location %d" % (where, j)
                problems += location_problems(here, location, base_ids)
                if not (location.get("message") or {}).get("text"):
                    problems.append("%s: no message" % here)
            for key, value in (result.get("partialFingerprints") or {}).items():
                if not isinstance(value, str) or not value:
                    problems.append("%s: fingerprint %s is not a string" % (where, key))
    return problems


def docs_rule_problems(log, docs):
    problems = []
    for run in log.get("runs") or []:
        rules = {rule.get("id"): rule for rule in run["tool"]["driver"].get("rules") or []}
        for name in sorted(os.listdir(docs)):
            if not name.endswith(".md"):
                continue
            check = "coop-" + name[:-3]
            rule = rules.get(check)
            if rule is None:
                problems.append("docs/checks/%s: no rule %s" % (name, check))
                continue
            with open(os.path.join(docs, name), encoding="utf-8") as f:
                page = MARKER.sub("", f.read())
            if (rule.get("help") or {}).get("markdown") != page:
                problems.append("rule %s: help is not docs/checks/%s" % (check, name))
            if not (rule.get("fullDescription") or {}).get("text"):
                problems.append("rule %s: no fullDescription" % check)
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schema", required=True)
    parser.add_argument("--github", action="store_true")
    parser.add_argument("--rules-from")
    parser.add_argument("logs", nargs="+")
    args = parser.parse_args()
    failed = False
    for path in args.logs:
        with open(path, encoding="utf-8") as f:
            log = json.load(f)
        problems = schema_problems(log, args.schema)
        if args.github:
            problems += github_problems(log)
        if args.rules_from:
            problems += docs_rule_problems(log, args.rules_from)
        for problem in problems:
            print("%s: %s" % (path, problem))
        if problems:
            failed = True
        else:
            print("%s: valid SARIF 2.1.0%s" % (path, ", accepted by code scanning"
                                               if args.github else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
