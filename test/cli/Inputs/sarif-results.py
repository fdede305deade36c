"""Prints the parts of a SARIF log the cli tests check, one line each:

    log: version 2.1.0, tool CancelVerify 0.1.0, 9 rules
    RULE LEVEL URI:LINE:COL in FUNCTION [suppressed] [baseline STATE]

so that a test reads the results in order without matching JSON layout.
Fails (status 1) if the file is not JSON.

usage: sarif-results.py FILE
"""
import json
import sys


def where(result):
    loc = result["locations"][0]
    phys = loc["physicalLocation"]
    region = phys["region"]
    fn = loc["logicalLocations"][0]["fullyQualifiedName"]
    return "%s:%d:%d in %s" % (phys["artifactLocation"]["uri"],
                               region["startLine"], region.get("startColumn", 0),
                               fn)


def main():
    with open(sys.argv[1]) as f:
        log = json.load(f)
    for run in log["runs"]:
        driver = run["tool"]["driver"]
        print("log: version %s, tool %s %s, %d rules" %
              (log["version"], driver["name"], driver["version"],
               len(driver["rules"])))
        for r in run["results"]:
            line = "%s %s %s" % (r["ruleId"], r["level"], where(r))
            if r.get("suppressions"):
                line += " suppressed"
            if "baselineState" in r:
                line += " baseline " + r["baselineState"]
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
