#!/usr/bin/env python3
"""Checks a SARIF file CancelVerify wrote, then prints it one fact a line.

The checks, any of which failing exits 1 with the JSON path of the fault:
  - the file is complete JSON (a torn or truncated write fails here);
  - the properties SARIF 2.1.0 REQUIRES, with their types and enums:
      sarifLog: version ("2.1.0"), runs;  run: tool;  tool: driver;
      toolComponent: name;  reportingDescriptor: id;  result: message;
      message: text or id;  multiformatMessageString: text;
      physicalLocation: artifactLocation or address;
      region: startLine, charOffset or byteOffset (lines and columns >= 1);
      codeFlow: threadFlows (>= 1);  threadFlow: locations (>= 1);
      suppression: kind (inSource | external);
      level: none | note | warning | error;
      baselineState: new | unchanged | updated | absent;
  - no object holds a property SARIF does not define for it (extras belong
    in a property bag), so a misspelled name cannot pass;
  - CancelVerify's own contract: one run; tool.driver named CancelVerify
    with a dotted version and the 9 rules in the order of the remark names,
    id == name; each result's ruleIndex names the rule of its ruleId; one
    location naming the function (logicalLocations, kind "function");
    related locations numbered 1..n; partialFingerprints "cancelVerify/v1"
    of 16 hex digits; a uri is either relative with uriBaseId SRCROOT,
    which originalUriBaseIds defines as an absolute file:// URI ending in
    '/', or an absolute file:// URI without a base; uris are percent-encoded.
  - with --srcroot DIR: SRCROOT is DIR, and every uri (a relative one
    resolved against it) names an existing file.

Then prints, for FileCheck:

  sarif VERSION schema=SCHEMA runs=N
  tool NAME version=VERSION rules=N
  srcroot URI                       (when defined)
  rule[I] ID level=LEVEL
    short: TEXT / full: TEXT / help: TEXT
  result RULEID ruleIndex=I level=LEVEL
    message: TEXT
    at: LOC in FUNCTION
    related[ID]: LOC: TEXT
    flow: LOC: TEXT                 (codeFlows[0].threadFlows[0])
    fingerprint: HEX
    suppression: KIND: JUSTIFICATION
    baseline: STATE
  results N

where LOC is SRCROOT:URI:LINE:COL or URI:LINE:COL.

  - with --locations-optional (for IR without debug info): a location may
    lack physicalLocation, but one that is there must still be valid.

usage: check-sarif.py FILE [--srcroot DIR] [--locations-optional]
"""
import argparse
import json
import os
import re
import sys
import urllib.parse

LEVELS = {"none", "note", "warning", "error"}
BASELINE_STATES = {"new", "unchanged", "updated", "absent"}
RULES = ["LostCancel", "DiscardedCancel", "OverwrittenCancel",
         "LoopIgnoresCancel", "LoopCancelNotActedOn", "DetachedContext",
         "CancelVerified", "LoopObservesCancel", "CancelEscapes"]

# The properties SARIF 2.1.0 defines for each object CancelVerify writes.
DEFINED = {
    "sarifLog": {"version", "$schema", "runs", "inlineExternalProperties",
                 "properties"},
    "run": {"tool", "invocations", "conversion", "language",
            "versionControlProvenance", "originalUriBaseIds", "artifacts",
            "logicalLocations", "graphs", "results", "automationDetails",
            "runAggregates", "baselineGuid", "redactionTokens",
            "defaultEncoding", "defaultSourceLanguage", "newlineSequences",
            "columnKind", "externalPropertyFileReferences",
            "threadFlowLocations", "taxonomies", "addresses", "translations",
            "policies", "webRequests", "webResponses", "specialLocations",
            "properties"},
    "tool": {"driver", "extensions", "properties"},
    "toolComponent": {"guid", "name", "organization", "product",
                      "productSuite", "shortDescription", "fullDescription",
                      "fullName", "version", "semanticVersion",
                      "dottedQuadFileVersion", "releaseDateUtc",
                      "downloadUri", "informationUri",
                      "globalMessageStrings", "notifications", "rules",
                      "taxa", "locations", "language", "contents",
                      "isComprehensive", "localizedDataSemanticVersion",
                      "minimumRequiredLocalizedDataSemanticVersion",
                      "associatedComponent", "translationMetadata",
                      "supportedTaxonomies", "properties"},
    "reportingDescriptor": {"id", "deprecatedIds", "guid", "deprecatedGuids",
                            "name", "deprecatedNames", "shortDescription",
                            "fullDescription", "messageStrings",
                            "defaultConfiguration", "helpUri", "help",
                            "relationships", "properties"},
    "reportingConfiguration": {"enabled", "level", "rank", "parameters",
                               "properties"},
    "multiformatMessageString": {"text", "markdown", "properties"},
    "message": {"text", "markdown", "id", "arguments", "properties"},
    "result": {"ruleId", "ruleIndex", "rule", "kind", "level", "message",
               "analysisTarget", "locations", "guid", "correlationGuid",
               "occurrenceCount", "partialFingerprints", "fingerprints",
               "stacks", "codeFlows", "graphs", "graphTraversals",
               "relatedLocations", "suppressions", "baselineState", "rank",
               "attachments", "hostedViewerUri", "workItemUris",
               "provenance", "fixes", "taxa", "webRequest", "webResponse",
               "properties"},
    "location": {"id", "physicalLocation", "logicalLocations", "message",
                 "annotations", "relationships", "properties"},
    "physicalLocation": {"address", "artifactLocation", "region",
                         "contextRegion", "properties"},
    "artifactLocation": {"uri", "uriBaseId", "index", "description",
                         "properties"},
    "region": {"startLine", "startColumn", "endLine", "endColumn",
               "charOffset", "charLength", "byteOffset", "byteLength",
               "snippet", "message", "sourceLanguage", "properties"},
    "logicalLocation": {"name", "index", "fullyQualifiedName",
                        "decoratedName", "parentIndex", "kind", "properties"},
    "codeFlow": {"message", "threadFlows", "properties"},
    "threadFlow": {"id", "message", "initialState", "immutableState",
                   "locations", "properties"},
    "threadFlowLocation": {"index", "location", "stack", "kinds", "taxa",
                           "module", "state", "nestingLevel",
                           "executionOrder", "executionTimeUtc",
                           "importance", "webRequest", "webResponse",
                           "properties"},
    "suppression": {"guid", "kind", "status", "justification", "location",
                    "properties"},
}


class Invalid(Exception):
    pass


def need(cond, path, why):
    if not cond:
        raise Invalid("%s: %s" % (path, why))


def obj(v, path, kind, required=()):
    """v is a JSON object of SARIF type `kind` with the required keys."""
    need(isinstance(v, dict), path, "%s is not an object" % kind)
    extra = set(v) - DEFINED[kind]
    need(not extra, path, "%s has properties SARIF does not define: %s"
         % (kind, ", ".join(sorted(extra))))
    for key in required:
        need(key in v, path, "%s lacks required '%s'" % (kind, key))
    return v


def array(v, path, min_items=0):
    need(isinstance(v, list), path, "not an array")
    need(len(v) >= min_items, path, "fewer than %d items" % min_items)
    return v


def string(v, path, nonempty=True):
    need(isinstance(v, str), path, "not a string")
    need(not nonempty or v, path, "empty string")
    return v


def integer(v, path, minimum):
    need(isinstance(v, int) and not isinstance(v, bool), path,
         "not an integer")
    need(v >= minimum, path, "less than %d" % minimum)
    return v


def message(v, path):
    obj(v, path, "message")
    need("text" in v or "id" in v, path, "message has neither text nor id")
    return string(v["text"], path + ".text") if "text" in v else v["id"]


def mfstring(v, path):
    obj(v, path, "multiformatMessageString", ["text"])
    return string(v["text"], path + ".text")


URI_CHARS = re.compile(r"^([A-Za-z0-9\-._~/:@!$&'()*+,;=]|%[0-9A-F]{2})*$")


class Checker:
    def __init__(self, srcroot_dir, locations_optional):
        self.srcroot_dir = srcroot_dir
        self.locations_optional = locations_optional
        self.srcroot = None  # the SRCROOT URI of the run

    def artifact(self, v, path):
        obj(v, path, "artifactLocation")
        uri = string(v.get("uri"), path + ".uri")
        need(URI_CHARS.match(uri), path + ".uri",
             "not a percent-encoded URI: %r" % uri)
        if "uriBaseId" in v:
            need(v["uriBaseId"] == "SRCROOT", path + ".uriBaseId",
                 "unknown base %r" % v["uriBaseId"])
            need(self.srcroot is not None, path,
                 "uriBaseId SRCROOT but run.originalUriBaseIds has none")
            need(not uri.startswith("/") and "://" not in uri
                 and not uri.startswith("../"), path + ".uri",
                 "not a relative path below SRCROOT: %r" % uri)
            if self.srcroot_dir is not None:
                local = urllib.parse.unquote(
                    urllib.parse.urlparse(self.srcroot).path) + \
                    urllib.parse.unquote(uri)
                need(os.path.isfile(local), path + ".uri",
                     "names no file: %s" % local)
            return "SRCROOT:" + uri
        need(uri.startswith("file:///"), path + ".uri",
             "neither relative to SRCROOT nor an absolute file URI: %r" % uri)
        if self.srcroot_dir is not None:
            local = urllib.parse.unquote(urllib.parse.urlparse(uri).path)
            need(os.path.isfile(local), path + ".uri",
                 "names no file: %s" % local)
        return uri

    def location(self, v, path):
        obj(v, path, "location")
        if "id" in v:
            integer(v["id"], path + ".id", -1)
        text = message(v["message"], path + ".message") \
            if "message" in v else None
        need("physicalLocation" in v or self.locations_optional, path,
             "no physicalLocation")
        where = "?"
        if "physicalLocation" in v:
            p = obj(v["physicalLocation"], path + ".physicalLocation",
                    "physicalLocation")
            need("artifactLocation" in p or "address" in p,
                 path + ".physicalLocation",
                 "physicalLocation has neither artifactLocation nor address")
            where = self.artifact(p["artifactLocation"],
                                  path + ".physicalLocation.artifactLocation")
            if "region" in p:
                rpath = path + ".physicalLocation.region"
                r = obj(p["region"], rpath, "region")
                need("startLine" in r or "charOffset" in r
                     or "byteOffset" in r, rpath,
                     "region has no startLine, charOffset or byteOffset")
                line = integer(r["startLine"], rpath + ".startLine", 1)
                where += ":%d" % line
                if "startColumn" in r:
                    where += ":%d" % integer(r["startColumn"],
                                             rpath + ".startColumn", 1)
        return where, text

    def check(self, doc, out):
        obj(doc, "$", "sarifLog", ["version", "runs"])
        need(doc["version"] == "2.1.0", "$.version", "not \"2.1.0\"")
        schema = string(doc.get("$schema"), "$.$schema")
        runs = array(doc["runs"], "$.runs")
        need(len(runs) == 1, "$.runs", "not exactly one run")
        out.append("sarif %s schema=%s runs=%d"
                   % (doc["version"], schema, len(runs)))
        run = obj(runs[0], "$.runs[0]", "run", ["tool"])
        tool = obj(run["tool"], "$.runs[0].tool", "tool", ["driver"])
        dpath = "$.runs[0].tool.driver"
        driver = obj(tool["driver"], dpath, "toolComponent", ["name"])
        string(driver["name"], dpath + ".name")
        version = string(driver.get("version"), dpath + ".version")
        need(re.match(r"^\d+\.\d+\.\d+", version), dpath + ".version",
             "not a dotted version")
        rules = array(driver.get("rules"), dpath + ".rules")
        out.append("tool %s version=%s rules=%d"
                   % (driver["name"], version, len(rules)))
        if "originalUriBaseIds" in run:
            bases = run["originalUriBaseIds"]
            need(isinstance(bases, dict) and set(bases) == {"SRCROOT"},
                 "$.runs[0].originalUriBaseIds", "not exactly SRCROOT")
            spath = "$.runs[0].originalUriBaseIds.SRCROOT"
            base = obj(bases["SRCROOT"], spath, "artifactLocation", ["uri"])
            need("uriBaseId" not in base, spath, "SRCROOT has a base itself")
            self.srcroot = string(base["uri"], spath + ".uri")
            need(self.srcroot.startswith("file:///")
                 and self.srcroot.endswith("/"), spath + ".uri",
                 "not an absolute file URI ending in '/'")
            need(URI_CHARS.match(self.srcroot), spath + ".uri",
                 "not percent-encoded")
            out.append("srcroot " + self.srcroot)
        if self.srcroot_dir is not None:
            need(self.srcroot is not None, "$.runs[0]",
                 "no originalUriBaseIds.SRCROOT")
            got = urllib.parse.unquote(
                urllib.parse.urlparse(self.srcroot).path).rstrip("/")
            need(os.path.realpath(got) ==
                 os.path.realpath(self.srcroot_dir), "$.runs[0]",
                 "SRCROOT is %s, not %s" % (got, self.srcroot_dir))
        for i, r in enumerate(rules):
            rpath = "%s.rules[%d]" % (dpath, i)
            obj(r, rpath, "reportingDescriptor", ["id"])
            need(r.get("name") == r["id"], rpath, "name is not the id")
            texts = [mfstring(r.get(k), rpath + "." + k)
                     for k in ("shortDescription", "fullDescription", "help")]
            cpath = rpath + ".defaultConfiguration"
            conf = obj(r.get("defaultConfiguration"), cpath,
                       "reportingConfiguration", ["level"])
            need(conf["level"] in LEVELS, cpath + ".level", "not a level")
            out.append("rule[%d] %s level=%s" % (i, r["id"], conf["level"]))
            out.extend("  %s: %s" % (k, t) for k, t in
                       zip(("short", "full", "help"), texts))
        need([r["id"] for r in rules] == RULES, dpath + ".rules",
             "rule ids are not the 9 remark names in order")
        results = array(run.get("results"), "$.runs[0].results")
        for i, res in enumerate(results):
            self.result(res, "$.runs[0].results[%d]" % i, rules, out)
        out.append("results %d" % len(results))

    def result(self, res, path, rules, out):
        obj(res, path, "result", ["message"])
        rule = string(res.get("ruleId"), path + ".ruleId")
        index = integer(res.get("ruleIndex"), path + ".ruleIndex", 0)
        need(index < len(rules) and rules[index]["id"] == rule,
             path + ".ruleIndex", "does not name rule %s" % rule)
        level = res.get("level")
        need(level in LEVELS, path + ".level", "not a level: %r" % level)
        out.append("result %s ruleIndex=%d level=%s" % (rule, index, level))
        out.append("  message: " + message(res["message"], path + ".message"))
        locs = array(res.get("locations"), path + ".locations", 1)
        need(len(locs) == 1, path + ".locations", "not one location")
        where, _ = self.location(locs[0], path + ".locations[0]")
        lpath = path + ".locations[0].logicalLocations"
        logical = array(locs[0].get("logicalLocations"), lpath, 1)
        need(len(logical) == 1, lpath, "not one logical location")
        ll = obj(logical[0], lpath + "[0]", "logicalLocation")
        need(ll.get("kind") == "function", lpath + "[0].kind",
             "not \"function\"")
        fn = string(ll.get("fullyQualifiedName"),
                    lpath + "[0].fullyQualifiedName")
        out.append("  at: %s in %s" % (where, fn))
        if "relatedLocations" in res:
            related = array(res["relatedLocations"],
                            path + ".relatedLocations", 1)
            for j, rl in enumerate(related):
                rpath = "%s.relatedLocations[%d]" % (path, j)
                need(rl.get("id") == j + 1, rpath + ".id",
                     "related locations are not numbered 1..n")
                need("message" in rl, rpath, "no message")
                w, text = self.location(rl, rpath)
                out.append("  related[%d]: %s: %s" % (rl["id"], w, text))
        if "codeFlows" in res:
            flows = array(res["codeFlows"], path + ".codeFlows", 1)
            for j, cf in enumerate(flows):
                cpath = "%s.codeFlows[%d]" % (path, j)
                obj(cf, cpath, "codeFlow", ["threadFlows"])
                tfs = array(cf["threadFlows"], cpath + ".threadFlows", 1)
                for k, tf in enumerate(tfs):
                    tpath = "%s.threadFlows[%d]" % (cpath, k)
                    obj(tf, tpath, "threadFlow", ["locations"])
                    steps = array(tf["locations"], tpath + ".locations", 1)
                    for m, st in enumerate(steps):
                        spath = "%s.locations[%d]" % (tpath, m)
                        obj(st, spath, "threadFlowLocation")
                        need("location" in st, spath, "no location")
                        w, text = self.location(st["location"],
                                                spath + ".location")
                        need(text, spath + ".location", "no message")
                        if j == 0 and k == 0:
                            out.append("  flow: %s: %s" % (w, text))
        fpath = path + ".partialFingerprints"
        prints = res.get("partialFingerprints")
        need(isinstance(prints, dict), fpath, "not an object")
        for key, value in prints.items():
            string(value, "%s[%r]" % (fpath, key))
        fp = prints.get("cancelVerify/v1")
        need(isinstance(fp, str) and re.match(r"^[0-9a-f]{16}$", fp), fpath,
             "no 'cancelVerify/v1' of 16 hex digits")
        out.append("  fingerprint: " + fp)
        if "suppressions" in res:
            sups = array(res["suppressions"], path + ".suppressions", 1)
            for j, s in enumerate(sups):
                spath = "%s.suppressions[%d]" % (path, j)
                obj(s, spath, "suppression", ["kind"])
                need(s["kind"] in ("inSource", "external"), spath + ".kind",
                     "not inSource or external")
                out.append("  suppression: %s: %s"
                           % (s["kind"], s.get("justification", "")))
        if "baselineState" in res:
            need(res["baselineState"] in BASELINE_STATES,
                 path + ".baselineState", "not a baseline state")
            out.append("  baseline: " + res["baselineState"])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("file")
    p.add_argument("--srcroot")
    p.add_argument("--locations-optional", action="store_true")
    a = p.parse_args()
    try:
        with open(a.file, encoding="utf-8") as f:
            text = f.read()
        try:
            doc = json.loads(text)
        except ValueError as e:
            raise Invalid("not complete JSON: %s" % e)
        out = []
        Checker(a.srcroot, a.locations_optional).check(doc, out)
    except Invalid as e:
        sys.stderr.write("check-sarif: %s: %s\n" % (a.file, e))
        return 1
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
