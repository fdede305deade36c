#!/usr/bin/env python3
"""routes: what each route for checking a whole program costs.

Generates a program of --files translation units (the request handlers of
cv-bench's `module` workload, about --size IR instructions in all, dealt
round-robin so that every handler calls the next one in another file
through a declaration), a main.c that calls the first handler, and a
stand-in implementation of cv_context.h linked as an ordinary object. Then
builds and checks it along each route of docs/building.md ("Whole
programs: which route"), --repeat times, interleaved:

  baseline       clang -O2 -g -c each file; clang -fuse-ld=lld link
  per-compile    the same compiles with the plugin (-fpass-plugin=, and
                 -fplugin= on LLVM 19), -Rpass-missed=cancel-verify
  cli            the baseline build, plus cancel-verify
                 --compile-commands=compile_commands.json of that build
                 (it compiles each entry to bitcode and checks them
                 linked); also cancel-verify *.bc on that bitcode alone
  lto            clang -O2 -g -flto -c each file; clang -fuse-ld=lld -flto
                 link, without and with -Wl,--load-pass-plugin= and
                 CANCEL_VERIFY_OPTIONS="-cancel-verify-lto=link
                 -cancel-verify-diag=warning"
  thinlto        the same with -flto=thin (LLVM 22 only: a plugin built
                 for LLVM 19 does not verify at a ThinLTO link)
  models         each file compiled with the plugin and
                 -mllvm -cancel-verify-export-model=FILE; cancel-verify
                 --merge-models; each file compiled with the plugin and
                 -mllvm -cancel-verify-model=all.cv.yaml; link

Each route is made of parts (all the compiles of one kind, a link, one
cancel-verify run); every part runs once per round, the order rotated each
round, and a route's CPU time in a round is the sum of its parts' (user +
system CPU of the children, from os.wait4; a clang driver's linker is
counted with it). The table shows the median over the rounds, the time
added over the baseline build, the largest peak RSS of any command of the
route, and the findings (LostCancel, DiscardedCancel, OverwrittenCancel,
LoopIgnoresCancel, LoopCancelNotActedOn, DetachedContext) the route
reported. Indented rows break a route down; their added time is the share
their label names.

usage:
  routes.py [--llvm 19|22] [--files 8] [--size 1e5] [--repeat 3] [--timeout 300]
            [--routes per-compile,cli,lto,thinlto,models] [--keep DIR] [--json FILE] [-v]

examples:
  nice -n 10 tools/bench/routes.py --llvm 19 --files 4 --size 2e4
  nice -n 10 tools/bench/routes.py --llvm 22 --files 8 --size 2e5 --json routes.json
"""
import argparse
import os
import platform
import re
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import measure  # noqa: E402
import report  # noqa: E402
import workloads  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INCLUDE = os.path.join(REPO, "examples", "include")
CALIBRATION_HANDLERS = 4 * len(workloads.MODULE_SHAPES)
ROUTES = ["per-compile", "cli", "lto", "thinlto", "models"]
MISSED = ("LostCancel", "DiscardedCancel", "OverwrittenCancel", "LoopIgnoresCancel",
          "LoopCancelNotActedOn", "DetachedContext")
# clang and lld: "file:1:2: remark: LostCancel: ...", "ld.lld: warning: file:1:2:
# LostCancel: ..."; cancel-verify: "file:1:2: warning: ... [LostCancel]".
FINDING_TAIL = re.compile(r"\[(%s)\]\s*$" % "|".join(MISSED))
FINDING_HEAD = re.compile(r"(?:remark|warning|error): (?:\S+: )?(%s): " % "|".join(MISSED))
LTO_OPTIONS = "-cancel-verify-lto=link -cancel-verify-diag=warning"


def log(msg):
    sys.stderr.write(msg + "\n")
    sys.stderr.flush()


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="routes.py",
        description="CPU time and peak RSS of the routes for checking a whole program: "
                    "per-compile plugin, command-line verifier, LTO with lld, exported models.",
        epilog="See the module docstring (head of this file) and tools/bench/README.md.")
    ap.add_argument("--llvm", choices=["19", "22"], default="19",
                    help="LLVM major version: /usr/lib/llvm-N/bin and build-N (default 19)")
    ap.add_argument("--llvm-bin", metavar="DIR", help="directory of clang, ld.lld and llvm-dis "
                                       "(default /usr/lib/llvm-N/bin)")
    ap.add_argument("--plugin", metavar="SO", help="the plugin (default build-N/llvm-pass/CancelVerify-N.so)")
    ap.add_argument("--cancel-verify", dest="cv", metavar="EXE",
                    help="the command-line verifier (default build-N/tools/cancel-verify/cancel-verify)")
    ap.add_argument("--files", type=int, default=8, metavar="K",
                    help="translation units of handlers, besides main.c (default 8)")
    ap.add_argument("--size", default="1e5", metavar="N",
                    help="IR instructions of the program at clang -O0 -g, as cv-bench counts "
                         "them (default 1e5)")
    ap.add_argument("--routes", metavar="R,...", help="comma-separated, besides the baseline: %s (default: all; "
                                     "thinlto only with --llvm 22)" % ", ".join(ROUTES))
    ap.add_argument("--repeat", type=int, default=3, metavar="N", help="rounds (default 3)")
    ap.add_argument("--timeout", type=float, default=300.0, metavar="S",
                    help="seconds of wall clock per command before it is killed (default 300)")
    ap.add_argument("--keep", metavar="DIR", help="generate and build in DIR and keep it")
    ap.add_argument("--json", metavar="FILE", help="write every number to FILE")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every run")
    a = ap.parse_args(argv)
    if a.repeat < 1:
        ap.error("--repeat must be at least 1")
    if a.timeout <= 0:
        ap.error("--timeout must be positive")
    if a.files < 1:
        ap.error("--files must be at least 1")
    try:
        a.size = workloads.parse_size(a.size)
    except ValueError:
        ap.error("bad --size %s" % a.size)
    if a.routes:
        a.routes = [r.strip() for r in a.routes.split(",") if r.strip()]
        for r in a.routes:
            if r not in ROUTES:
                ap.error("unknown route %r (known: %s)" % (r, ", ".join(ROUTES)))
        if "thinlto" in a.routes and a.llvm == "19":
            ap.error("thinlto needs --llvm 22: a plugin built for LLVM 19 does not verify "
                     "at a ThinLTO link")
    else:
        a.routes = [r for r in ROUTES if r != "thinlto" or a.llvm != "19"]
    a.llvm_bin = a.llvm_bin or "/usr/lib/llvm-%s/bin" % a.llvm
    build = os.path.join(REPO, "build-%s" % a.llvm)
    a.plugin = os.path.abspath(a.plugin or os.path.join(build, "llvm-pass",
                                                        "CancelVerify-%s.so" % a.llvm))
    a.cv = os.path.abspath(a.cv or os.path.join(build, "tools", "cancel-verify", "cancel-verify"))
    return a


class Tools:
    def __init__(self, a):
        self.llvm = a.llvm
        self.clang = os.path.join(a.llvm_bin, "clang")
        self.lld = os.path.join(a.llvm_bin, "ld.lld")
        self.dis = os.path.join(a.llvm_bin, "llvm-dis")
        self.plugin = a.plugin
        self.cv = a.cv
        self.cflags = ["-O2", "-g", "-w", "-I", INCLUDE]
        # clang 19 parses -mllvm before it loads pass plugins; -fplugin=
        # loads the library early enough for its options to exist.
        self.plugin_flags = (["-fplugin=" + self.plugin] if a.llvm == "19" else []) + \
            ["-fpass-plugin=" + self.plugin, "-Rpass-missed=cancel-verify"]

    def check(self):
        """Exits with what to install or build when a tool is missing."""
        n = self.llvm
        packages = [
            (self.clang, "clang-%s" % n, ""),
            (self.lld, "lld-%s" % n, " (the linker of every route)"),
            (self.dis, "llvm-%s" % n, " (llvm-dis counts the instructions)"),
        ]
        builds = [
            (self.plugin, "the plugin", "--plugin"),
            (self.cv, "the command-line verifier", "--cancel-verify"),
        ]
        missing = ["  %s: install the package %s%s" % (p, pkg, why)
                   for p, pkg, why in packages if not os.path.isfile(p)]
        if missing:
            missing.append("  (apt-get install %s, or bash tools/install-deps.sh %s)" % (
                " ".join(pkg for p, pkg, _ in packages if not os.path.isfile(p)), n))
        missing += ["  %s: %s; build CancelVerify against LLVM %s into build-%s, or give %s"
                    % (p, what, n, n, opt) for p, what, opt in builds if not os.path.isfile(p)]
        if missing:
            sys.exit("routes: not found:\n" + "\n".join(missing))

    def compile(self, src, out, extra=()):
        return [self.clang] + self.cflags + list(extra) + ["-c", src, "-o", out]

    def link(self, objs, out, extra=()):
        return [self.clang, "-fuse-ld=lld", "-O2"] + list(extra) + list(objs) + ["-o", out]


class Program:
    """The generated sources and the fixed inputs of the parts."""

    def __init__(self, tools, a, workdir):
        self.tools, self.a, self.dir = tools, a, workdir
        for sub in ("src", "obj", "bc", "o0", "models", "stderr", "calibration"):
            os.makedirs(os.path.join(workdir, sub), exist_ok=True)

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def build_step(self, argv):
        ok, msg = measure.run_tool(argv, self.a.timeout)
        if not ok:
            sys.exit("routes: cannot build the program:\n%s" % msg)

    def handlers_for(self, target):
        """Handlers for ~target instructions at -O0 -g, from a small module
        compiled with those flags (as cv-bench does for `module`)."""
        src = self.path("calibration", "calibration.c")
        with open(src, "w") as f:
            f.write(workloads.program_units(CALIBRATION_HANDLERS, 1)[0])
        bc = src[:-2] + ".bc"
        self.build_step([self.tools.clang, "-O0", "-g", "-w", "-I", INCLUDE, "-emit-llvm",
                         "-c", src, "-o", bc])
        insts, _ = measure.count_instructions(self.tools.dis, bc, self.a.timeout)
        return max(self.a.files, round(target * CALIBRATION_HANDLERS / insts))

    def generate(self):
        a, t = self.a, self.tools
        self.handlers = self.handlers_for(a.size)
        self.names = ["unit%02d" % (k + 1) for k in range(a.files)] + ["main"]
        texts = workloads.program_units(self.handlers, a.files) + [workloads.PROGRAM_MAIN]
        self.srcs = []
        for name, text in zip(self.names, texts):
            src = self.path("src", name + ".c")
            with open(src, "w") as f:
                f.write(text)
            self.srcs.append(src)
        self.source_bytes = sum(len(x) for x in texts)
        runtime = self.path("src", "runtime.c")
        with open(runtime, "w") as f:
            f.write(workloads.PROGRAM_RUNTIME)
        self.runtime = self.path("obj", "runtime.o")
        self.build_step(t.compile(runtime, self.runtime))

        # The compilation database of the baseline build.
        self.database = self.path("compile_commands.json")
        entries = [{"directory": self.dir, "file": src,
                    "arguments": t.compile(src, self.obj("base", name))}
                   for name, src in zip(self.names, self.srcs)]
        report.write_json(self.database, entries)

        # The bitcode --compile-commands makes of each entry
        # (tools/cancel-verify/CompileCommands.cpp), for the analysis alone,
        # and -O0 -g bitcode to count instructions as cv-bench does.
        self.bitcode = []
        self.instructions = self.frontend_instructions = self.functions = 0
        for name, src in zip(self.names, self.srcs):
            bc = self.path("bc", name + ".bc")
            self.build_step(t.compile(src, bc, ["-emit-llvm", "-Xclang", "-disable-llvm-passes"]))
            self.bitcode.append(bc)
            self.frontend_instructions += measure.count_instructions(t.dis, bc, a.timeout)[0]
            o0 = self.path("o0", name + ".bc")
            self.build_step([t.clang, "-O0", "-g", "-w", "-I", INCLUDE, "-emit-llvm", "-c",
                             src, "-o", o0])
            insts, funcs = measure.count_instructions(t.dis, o0, a.timeout)
            self.instructions += insts
            self.functions += funcs

    def obj(self, kind, name):
        d = self.path("obj", kind)
        os.makedirs(d, exist_ok=True)
        return os.path.join(d, name + ".o")

    def objs(self, kind):
        return [self.obj(kind, n) for n in self.names]


def make_parts(tools, prog, routes):
    """The parts the selected routes need, in the order of the first round
    (each reads only what an earlier part of that round wrote)."""
    env = {k: v for k, v in os.environ.items() if k != "CANCEL_VERIFY_OPTIONS"}
    lto_env = dict(env, CANCEL_VERIFY_OPTIONS=LTO_OPTIONS)
    load = ["-Wl,--load-pass-plugin=" + tools.plugin]
    p = prog

    def compiles(kind, extra_of):
        return [measure.Step(tools.compile(src, p.obj(kind, n), extra_of(n)), env)
                for n, src in zip(p.names, p.srcs)]

    def one(argv, e=env, ok=(0,)):
        return [measure.Step(argv, e, ok)]

    parts = []

    def add(name, steps, findings=None):
        s = measure.Series(name, None, steps)
        s.findings_from = findings      # "stderr", or a file cancel-verify writes
        parts.append(s)

    add("cc", compiles("base", lambda n: []))
    add("link", one(tools.link(p.objs("base") + [p.runtime], p.path("prog-base"))))
    if "per-compile" in routes or "models" in routes:
        add("cc-plugin", compiles("plugin", lambda n: tools.plugin_flags), "stderr")
    if "cli" in routes:
        out = p.path("cli-findings.txt")
        add("cli", one([tools.cv, "--compile-commands=" + p.database, "--clang=" + tools.clang,
                        "-o", out], ok=(0, 1)), out)
        out = p.path("cli-analysis-findings.txt")
        add("cli-analysis", one([tools.cv] + p.bitcode + ["-o", out], ok=(0, 1)), out)
    for route, flag, kind in (("lto", "-flto", "lto"), ("thinlto", "-flto=thin", "thin")):
        if route not in routes:
            continue
        add(kind + "-cc", compiles(kind, lambda n: [flag]))
        objs = p.objs(kind) + [p.runtime]
        add(kind + "-link", one(tools.link(objs, p.path("prog-" + kind), [flag])))
        add(kind + "-link-plugin",
            one(tools.link(objs, p.path("prog-%s-plugin" % kind), [flag] + load), lto_env),
            "stderr")
    if "models" in routes:
        models = [p.path("models", n + ".cv.yaml") for n in p.names]
        merged = p.path("all.cv.yaml")
        add("export-cc", compiles("export", lambda n: tools.plugin_flags + [
            "-mllvm", "-cancel-verify-export-model=" + p.path("models", n + ".cv.yaml")]),
            "stderr")
        add("merge", one([tools.cv, "--merge-models"] + models + ["-o", merged]))
        add("import-cc", compiles("import", lambda n: tools.plugin_flags + [
            "-mllvm", "-cancel-verify-model=" + merged]), "stderr")
    return parts


def count_findings(series, stderr_dir):
    """The missed findings of a part's last run, by remark name."""
    if series.findings_from is None or not series.ok:
        return None
    if series.findings_from == "stderr":
        paths = series.stderr_paths(stderr_dir)
    else:
        paths = [series.findings_from]
    counts = {}
    for path in paths:
        try:
            with open(path, errors="replace") as f:
                for line in f:
                    m = FINDING_TAIL.search(line) or FINDING_HEAD.search(line)
                    if m:
                        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
        except OSError:
            return None
    return counts


def median_sum(series):
    """Median over the rounds of the parts' summed CPU time, or None when a
    part has no successful runs."""
    if not series or not all(s.ok for s in series):
        return None
    n = min(len(s.runs) for s in series)
    return statistics.median(sum(s.runs[r].cpu for s in series) for r in range(n))


def failure_cell(series, timeout):
    for s in series:
        if s.failure is not None:
            return "%s in %s" % (s.failure.label(timeout), s.name)
    return None


def rows_for(parts, routes):
    """(label, parts summed, parts subtracted or None, findings part, indented)
    for each line of the table. A main row's added time is over the
    baseline; an indented row's is its parts minus the subtracted ones."""
    P = {s.name: s for s in parts}
    rows = [("baseline: clang -O2 -g -c, ld.lld", ["cc", "link"], "baseline", None, False)]
    if "per-compile" in routes:
        rows.append(("per-compile: the plugin in each compile", ["cc-plugin", "link"],
                     "baseline", "cc-plugin", False))
    if "cli" in routes:
        rows += [("command-line verifier: baseline + --compile-commands",
                  ["cc", "link", "cli"], "baseline", "cli", False),
                 ("cancel-verify --compile-commands", ["cli"], None,
                  None, True),
                 ("cancel-verify *.bc (the analysis alone)", ["cli-analysis"], None,
                  "cli-analysis", True)]
    for route, kind, title in (("lto", "lto", "full LTO"), ("thinlto", "thin", "ThinLTO")):
        if route in routes:
            rows += [("%s: -flto%s, ld.lld" % (title, "=thin" if kind == "thin" else ""),
                      [kind + "-cc", kind + "-link"], "baseline", None, False),
                     ("%s + the plugin at the link" % title,
                      [kind + "-cc", kind + "-link-plugin"], "baseline", kind + "-link-plugin",
                      False),
                     ("link with the plugin (over the link without)", [kind + "-link-plugin"],
                      [kind + "-link"], None, True)]
    if "models" in routes:
        rows += [("exported models: export, merge, import, ld.lld",
                  ["export-cc", "merge", "import-cc", "link"], "baseline", "import-cc", False),
                 ("compiles exporting (over per-compile's)", ["export-cc"], ["cc-plugin"],
                  None, True),
                 ("cancel-verify --merge-models", ["merge"], None, None, True),
                 ("compiles importing (over per-compile's)", ["import-cc"], ["cc-plugin"],
                  None, True)]
    out = []
    for label, plus, minus, findings, sub in rows:
        plus_s = [P[n] for n in plus]
        if minus == "baseline":
            minus = ["cc", "link"]
        minus_s = [P[n] for n in minus] if minus else []
        out.append({"route": label, "parts": plus, "minus": minus, "findings_part": findings,
                    "indented": sub, "plus_series": plus_s, "minus_series": minus_s})
    return out


def derive(rows, parts, timeout, stderr_dir):
    P = {s.name: s for s in parts}
    base = median_sum([P["cc"], P["link"]])
    findings = {s.name: count_findings(s, stderr_dir) for s in parts}
    for r in rows:
        plus, minus = r.pop("plus_series"), r.pop("minus_series")
        r["failure"] = failure_cell(plus + minus, timeout)
        r["cpu_s"] = median_sum(plus)
        m = median_sum(minus) if minus else 0.0
        main = not r["indented"]
        r["added_s"] = (None if r["cpu_s"] is None or m is None or
                        (main and r["parts"] == ["cc", "link"]) else r["cpu_s"] - m)
        r["added_pct"] = 100.0 * r["added_s"] / base if r["added_s"] is not None and base else None
        rss = [s.rss_peak_mib() for s in plus]
        r["peak_rss_mib"] = max(rss) if rss and None not in rss else None
        r["findings"] = findings.get(r["findings_part"]) if r["findings_part"] else None
    return findings


def table(rows):
    head = ["route", "CPU s", "added s", "added %", "peak MiB", "findings"]
    body = []
    for r in rows:
        label = ("  " + r["route"]) if r["indented"] else r["route"]
        if r["failure"]:
            body.append([label, r["failure"], "-", "-", "-", "-"])
            continue
        f = r["findings"]
        body.append([label, report._f(r["cpu_s"], "%.3f"),
                     report._f(r["added_s"], "%+.3f"), report._f(r["added_pct"], "%+.1f%%"),
                     report._f(r["peak_rss_mib"], "%.1f"),
                     "-" if f is None else str(sum(f.values()))])
    return report.text_table(head, body, left=1)


def main(argv=None):
    a = parse_args(sys.argv[1:] if argv is None else argv)
    tools = Tools(a)
    tools.check()
    if a.keep:
        workdir = os.path.abspath(a.keep)
        os.makedirs(workdir, exist_ok=True)
        cleanup = None
    else:
        cleanup = tempfile.TemporaryDirectory(prefix="cv-routes-")
        workdir = cleanup.name
    parts = []
    try:
        prog = Program(tools, a, workdir)
        log("[routes] generating and preparing the program")
        t0 = time.monotonic()
        prog.generate()
        log("[routes] %d handlers in %d files + main.c, %s instructions at -O0 -g; "
            "prepared in %.1fs" % (prog.handlers, a.files, "{:,}".format(prog.instructions),
                                   time.monotonic() - t0))
        parts = make_parts(tools, prog, a.routes)
        stderr_dir = prog.path("stderr")

        def progress(s, r, res):
            if a.verbose or res.status != "ok":
                log("[routes] round %d %-18s %s cpu %.3fs rss %.1f MiB" % (
                    r + 1, s.name, res.label(a.timeout), res.cpu, res.rss_kib / 1024.0))

        started = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        load0 = os.getloadavg()
        log("[routes] measuring %d parts, %d round(s)" % (len(parts), a.repeat))
        measure.measure_pair(parts, a.repeat, a.timeout, stderr_dir, progress)
        rows = rows_for(parts, a.routes)
        findings = derive(rows, parts, a.timeout, stderr_dir)

        version = measure.llvm_version(tools.clang)
        print("routes: LLVM %s (%s), plugin %s, cancel-verify %s"
              % (version, tools.clang, tools.plugin, tools.cv))
        print("program: %d files of handlers + main.c, %s handlers (cv-bench's module workload, "
              "each calling the next in another file), %s IR instructions at -O0 -g "
              "(%s in the -O2 front-end IR the verifier reads)"
              % (a.files, "{:,}".format(prog.handlers), "{:,}".format(prog.instructions),
                 "{:,}".format(prog.frontend_instructions)))
        print("%d round(s), parts interleaved; median CPU (user+sys of the children), "
              "max peak RSS; timeout %gs per command; %d CPUs, load %.2f"
              % (a.repeat, a.timeout, os.cpu_count(), load0[0]))
        print()
        print(table(rows))
        print("added: a route over the baseline build; an indented row, the part it names "
              "(over the part in parentheses); %: of the baseline's CPU")
        if "thinlto" not in a.routes and a.llvm == "19":
            print("ThinLTO: not measured (a plugin built for LLVM 19 does not verify at a "
                  "ThinLTO link; --llvm 22 measures it)")
        with_findings = [r for r in rows if r["findings"] is not None]
        if with_findings:
            print("findings by kind:")
            for r in with_findings:
                f = r["findings"]
                print("  %s: %s" % (r["route"], ", ".join(
                    "%s %d" % (k, f[k]) for k in MISSED if k in f) or "none"))
            ref = next((r for r in with_findings if r["findings_part"] == "cli-analysis"),
                       with_findings[0])
            for r in with_findings:
                diff = ["%s %d -> %d" % (k, ref["findings"].get(k, 0), r["findings"].get(k, 0))
                        for k in MISSED if ref["findings"].get(k, 0) != r["findings"].get(k, 0)]
                if diff:
                    print("  %s differs from %s: %s" % (r["route"], ref["route"], ", ".join(diff)))
        failed = [s for s in parts if s.failure is not None]
        for s in failed:
            print("%s failed: %s\n%s" % (s.name, s.failure.label(a.timeout),
                                         s.failure.stderr_excerpt))
        sys.stdout.flush()

        if a.json:
            out = {"meta": {
                "llvm_version": version, "llvm_bin": a.llvm_bin, "clang": tools.clang,
                "plugin": tools.plugin, "cancel_verify": tools.cv,
                "compile_flags": tools.cflags, "plugin_flags": tools.plugin_flags,
                "lto_options": LTO_OPTIONS, "files": a.files, "size": a.size,
                "handlers": prog.handlers, "instructions_O0": prog.instructions,
                "instructions_frontend_O2": prog.frontend_instructions,
                "functions_O0": prog.functions, "source_bytes": prog.source_bytes,
                "routes": a.routes, "repeat": a.repeat, "timeout_s": a.timeout,
                "cpus": os.cpu_count(), "machine": platform.machine(),
                "python": platform.python_version(), "started": started,
                "loadavg_start": load0, "loadavg_end": os.getloadavg(),
                "cpu_time": "median over rounds of the sum over the route's parts of each "
                            "child's ru_utime + ru_stime (os.wait4)",
                "peak_rss": "maximum over the route's commands and rounds of ru_maxrss"},
                "parts": {s.name: dict(s.to_json(), findings=findings[s.name]) for s in parts},
                "routes": rows}
            report.write_json(a.json, out)
            log("wrote %s" % a.json)
        if a.keep:
            log("program, objects and stderr kept in %s" % workdir)
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    finally:
        if cleanup is not None:
            cleanup.cleanup()
    return 1 if any(s.failure is not None for s in parts) else 0


if __name__ == "__main__":
    sys.exit(main())
