#!/usr/bin/env python3
"""Print a SARIF log one fact per line, for FileCheck.

  sarif_summary.py <log.sarif>

  tool <name> base <uriBaseId>=<uri>
  rule <id> [<name>]: <shortDescription> | help: <first line of help.markdown>
  result <level> <ruleId> <uri>:<startLine>:<startColumn>-<endLine>:<endColumn> fp=<yes|no>: <message>
    note <uri>:<line>:<col>...: <message>
    fix "<description>": <uri>:<region> => "<inserted text>"
  notification <level>: <message>
  results <count>

A region without an end prints as <line>:<column>; one given by byte offset
as @<offset>+<length>.
"""
import json
import sys


def region(r):
    if "startLine" not in r:
        return "@%d+%d" % (r.get("byteOffset", -1), r.get("byteLength", 0))
    text = "%d:%d" % (r["startLine"], r.get("startColumn", 1))
    if "endLine" in r or "endColumn" in r:
        text += "-%d:%d" % (r.get("endLine", r["startLine"]), r.get("endColumn", 0))
    return text


def where(location):
    physical = location["physicalLocation"]
    artifact = physical["artifactLocation"]
    base = "%s/" % artifact["uriBaseId"] if "uriBaseId" in artifact else ""
    return "%s%s:%s" % (base, artifact["uri"], region(physical.get("region", {})))


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        log = json.load(f)
    for run in log["runs"]:
        driver = run["tool"]["driver"]
        bases = " ".join("%s=%s" % (k, v["uri"])
                         for k, v in sorted(run.get("originalUriBaseIds", {}).items()))
        print("tool %s base %s" % (driver["name"], bases))
        for rule in driver.get("rules", []):
            help_text = rule.get("help", {}).get("markdown", "")
            print("rule %s%s: %s | help: %s%s" % (
                rule["id"], " [%s]" % rule["name"] if "name" in rule else "",
                rule["shortDescription"]["text"],
                help_text.split("\n", 1)[0] if help_text else "-",
                " | uri: %s" % rule["helpUri"] if "helpUri" in rule else ""))
        for result in run.get("results", []):
            print("result %s %s %s fp=%s: %s" % (
                result.get("level", "warning"), result.get("ruleId"),
                where(result["locations"][0]),
                "yes" if result.get("partialFingerprints") else "no",
                result["message"]["text"]))
            for note in result.get("relatedLocations", []):
                print("  note %s: %s" % (where(note), note["message"]["text"]))
            for fix in result.get("fixes", []):
                for change in fix["artifactChanges"]:
                    artifact = change["artifactLocation"]
                    for rep in change["replacements"]:
                        print('  fix "%s": %s:%s => "%s"' % (
                            fix["description"]["text"], artifact["uri"],
                            region(rep["deletedRegion"]),
                            rep.get("insertedContent", {}).get("text", "")))
        for invocation in run.get("invocations", []):
            for n in invocation.get("toolExecutionNotifications", []):
                print("notification %s: %s" % (n.get("level", "warning"), n["message"]["text"]))
        print("results %d" % len(run.get("results", [])))


if __name__ == "__main__":
    main()
