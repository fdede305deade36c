#!/usr/bin/env python3
"""Writes variants of a valid CancelVerify SARIF file, for
check-sarif-rejects-invalid.test: bad-NAME.sarif breaks one rule
check-sarif.py enforces; good-NAME.sarif changes the file in a way SARIF
allows, which it must still accept.

usage: mutate-sarif.py VALID.sarif OUTDIR

VALID.sarif must hold, first, a LostCancel result with a related location
and a code flow.
"""
import copy
import json
import os
import sys


def res(d):
    return d["runs"][0]["results"][0]


def loc(d):
    return res(d)["locations"][0]["physicalLocation"]


def mutations():
    # name -> function editing the document in place
    def delete(path_fn, key):
        return lambda d: path_fn(d).pop(key)

    def setv(path_fn, key, value):
        return lambda d: path_fn(d).__setitem__(key, value)

    run = lambda d: d["runs"][0]
    driver = lambda d: d["runs"][0]["tool"]["driver"]
    rule0 = lambda d: driver(d)["rules"][0]
    flow = lambda d: res(d)["codeFlows"][0]
    thread = lambda d: flow(d)["threadFlows"][0]
    region = lambda d: loc(d)["region"]
    artifact = lambda d: loc(d)["artifactLocation"]
    related = lambda d: res(d)["relatedLocations"][0]
    bad = {
        "version": setv(lambda d: d, "version", "2.0.0"),
        "no-runs": delete(lambda d: d, "runs"),
        "two-runs": lambda d: d["runs"].append(copy.deepcopy(d["runs"][0])),
        "no-tool": delete(run, "tool"),
        "no-driver": delete(lambda d: run(d)["tool"], "driver"),
        "no-driver-name": delete(driver, "name"),
        "rule-no-id": delete(rule0, "id"),
        "rules-reordered": lambda d: driver(d)["rules"].reverse(),
        "rule-short-no-text": setv(rule0, "shortDescription", {"markdown": "x"}),
        "rule-level": setv(lambda d: rule0(d)["defaultConfiguration"], "level", "fatal"),
        "result-no-message": delete(res, "message"),
        "message-no-text-or-id": setv(res, "message", {"arguments": []}),
        "result-level": setv(res, "level", "fatal"),
        "rule-index": setv(res, "ruleIndex", 1),
        "empty-physical-location": setv(lambda d: res(d)["locations"][0], "physicalLocation", {}),
        "related-empty-physical-location": setv(related, "physicalLocation", {}),
        "flow-empty-physical-location": setv(lambda d: thread(d)["locations"][0]["location"], "physicalLocation", {}),
        "start-line-zero": setv(region, "startLine", 0),
        "start-column-zero": setv(region, "startColumn", 0),
        "region-without-start": delete(region, "startLine"),
        "misspelled-property": lambda d: region(d).__setitem__("startcolumn", region(d).pop("startColumn")),
        "code-flow-no-thread-flows": delete(flow, "threadFlows"),
        "thread-flow-empty": setv(thread, "locations", []),
        "related-ids": setv(related, "id", 7),
        "fingerprint-missing": setv(res, "partialFingerprints", {"other/v1": "0"}),
        "fingerprint-short": lambda d: res(d)["partialFingerprints"].__setitem__("cancelVerify/v1", "abc"),
        "suppression-kind": setv(res, "suppressions", [{"kind": "inline"}]),
        "baseline-state": setv(res, "baselineState", "old"),
        "no-srcroot": delete(run, "originalUriBaseIds"),
        "srcroot-no-slash": lambda d: run(d)["originalUriBaseIds"]["SRCROOT"].__setitem__(
            "uri", run(d)["originalUriBaseIds"]["SRCROOT"]["uri"].rstrip("/")),
        "relative-without-base": delete(artifact, "uriBaseId"),
        "uri-not-encoded": lambda d: artifact(d).__setitem__("uri", "my dir/" + artifact(d)["uri"]),
        "uri-names-no-file": lambda d: artifact(d).__setitem__("uri", "no-such-file.c"),
        "logical-location-kind": lambda d: res(d)["locations"][0]["logicalLocations"][0].__setitem__("kind", "method"),
    }
    good = {
        "unchanged": lambda d: None,
        "suppression-external": setv(res, "suppressions", [{"kind": "external"}]),
        "baseline-state-updated": setv(res, "baselineState", "updated"),
        "property-bag": setv(res, "properties", {"anything": 1}),
        "no-start-column": delete(region, "startColumn"),
    }
    return bad, good


def main():
    src, out = sys.argv[1], sys.argv[2]
    doc = json.load(open(src))
    assert res(doc)["ruleId"] == "LostCancel" and "codeFlows" in res(doc)
    os.makedirs(out, exist_ok=True)
    bad, good = mutations()
    for prefix, table in (("bad", bad), ("good", good)):
        for name, edit in table.items():
            d = copy.deepcopy(doc)
            edit(d)
            with open(os.path.join(out, "%s-%s.sarif" % (prefix, name)), "w") as f:
                json.dump(d, f, indent=1)
    # Not JSON: a write cut short.
    text = open(src).read()
    with open(os.path.join(out, "bad-truncated.sarif"), "w") as f:
        f.write(text[: len(text) // 2])


if __name__ == "__main__":
    main()
