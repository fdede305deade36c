#!/usr/bin/env python3
"""cv-bench: CPU time and peak memory of CancelVerify against LLVM's verifier.

For each workload and size, generates C source against the annotated API of
examples/include/cv_context.h, compiles it with clang (-O0 -g by default,
-O2 -g with --O2) to bitcode (-emit-llvm -c, several translation units
joined with llvm-link), counts its IR instructions, and runs on that same
.bc file, interleaved, --repeat times each:

    verify:        opt -passes=verify -disable-output IN.bc
    cancel-verify: opt -load-pass-plugin=PLUGIN -passes=cancel-verify -disable-output IN.bc

Each run's CPU time (user + system) and peak RSS come from the rusage of
that child alone (os.wait4). The table shows the median CPU time and the
largest peak RSS over the runs, their ratios, the added time (cancel-verify
minus verify) and the log-log slope of the added time against the
instruction count between consecutive sizes; below each table, the
least-squares slope over all sizes. Exponents use only sizes whose added
time is at least --min-added seconds (default 0.01).

A run that exceeds --timeout (wall clock) is killed and shown as TIMEOUT, a
run killed by a signal as CRASH (signal N), a non-zero exit as FAIL (exit
N); the command is not repeated on that input, and after a TIMEOUT it is
not run on the larger sizes of that workload (SKIPPED) unless --no-skip is
given. The benchmark goes on with the next input either way.

Workloads (default sizes):
  module           request handlers, ~N IR instructions (1e3,1e4,1e5,1e6)
  handles          N handles created in one function, then cancelled (250,500,1000,2000)
  chain            a handle passed down N noinline functions (1000,10000,100000)
  recursion        a mutual recursion of N functions passing a handle (100,1000,10000)
  small-functions  N tiny functions, some creating and cancelling (1e3,1e4,1e5)
The letters a-e name them too.

usage:
  cv-bench.py [--llvm 19|22] [--plugin SO] [--workloads W,W,...]
              [--sizes W=N,N,...[;W=N,...]] [--repeat 5] [--timeout 300]
              [--O2] [--keep DIR] [--json FILE] [--jobs 1] [--min-added 0.01]
              [--no-skip] [--build-only] [--cv-arg ARG]... [-v]

examples:
  nice -n 10 tools/bench/cv-bench.py --llvm 19
  tools/bench/cv-bench.py --sizes 'handles=50,100;chain=10,100' --repeat 3 --timeout 20
  tools/bench/cv-bench.py --workloads module --sizes 1000,10000 --json out.json

--sizes without a workload name applies to the one workload selected by
--workloads; without --workloads, the workloads named in --sizes are run
(all five if it names none). Sizes may be written 1e5. --keep DIR keeps the
generated sources, the bitcode and the stderr of each command's last run in
DIR, and reuses the bitcode there when the sources and compiler flags are
unchanged.
"""
import argparse
import hashlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import measure  # noqa: E402
import report  # noqa: E402
import workloads  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INCLUDE = os.path.join(REPO, "examples", "include")
UNIT_BYTES = 1 << 20        # C source per translation unit
CALIBRATION_FUNCTIONS = 4 * len(workloads.MODULE_SHAPES)


def log(msg):
    sys.stderr.write(msg + "\n")
    sys.stderr.flush()


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="cv-bench.py",
        description="CPU time and peak RSS of opt -passes=cancel-verify against "
                    "opt -passes=verify on generated bitcode.",
        epilog="See the module docstring (head of this file) and tools/bench/README.md.")
    ap.add_argument("--llvm", choices=["19", "22"], default="19",
                    help="LLVM major version: /usr/lib/llvm-N/bin and build-N's plugin (default 19)")
    ap.add_argument("--llvm-bin", help="directory of clang, opt, llvm-link, llvm-dis "
                                       "(default /usr/lib/llvm-N/bin)")
    ap.add_argument("--plugin", help="the plugin (default build-N/llvm-pass/CancelVerify-N.so)")
    ap.add_argument("--workloads", help="comma-separated: " +
                    ", ".join("%s (%s)" % (w.name, w.letter) for w in workloads.WORKLOADS))
    ap.add_argument("--sizes", action="append", default=[],
                    help="W=N,N,... ; several separated by ';' or given by repeating the option")
    ap.add_argument("--repeat", type=int, default=5, help="runs per command and size (default 5)")
    ap.add_argument("--timeout", type=float, default=300.0,
                    help="seconds of wall clock per run before it is killed (default 300)")
    ap.add_argument("--build-timeout", type=float, default=1800.0,
                    help="seconds per clang / llvm-link / llvm-dis step (default 1800)")
    ap.add_argument("--min-added", type=float, default=0.01, metavar="SECONDS",
                    help="exponents use only sizes whose added time is at least this (default 0.01)")
    ap.add_argument("--O2", dest="o2", action="store_true", help="compile with -O2 -g instead of -O0 -g")
    ap.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it")
    ap.add_argument("--json", metavar="FILE", help="write every number to FILE")
    ap.add_argument("--build-only", action="store_true",
                    help="build the inputs and count their instructions; measure nothing")
    ap.add_argument("--jobs", type=int, default=1, help="parallel clang processes for building (default 1)")
    ap.add_argument("--cv-arg", action="append", default=[],
                    help="extra argument for the cancel-verify command (repeatable)")
    ap.add_argument("--no-skip", action="store_true",
                    help="run larger sizes even after a command timed out")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every run")
    a = ap.parse_args(argv)
    if a.repeat < 1:
        ap.error("--repeat must be at least 1")
    if a.timeout <= 0:
        ap.error("--timeout must be positive")

    # Workloads and sizes.
    selected = None
    if a.workloads:
        selected = []
        for name in a.workloads.split(","):
            w = workloads.BY_NAME.get(name.strip())
            if w is None:
                ap.error("unknown workload %r" % name)
            if w not in selected:
                selected.append(w)
    sizes = {}
    for spec in a.sizes:
        for part in spec.split(";"):
            part = part.strip()
            if not part:
                continue
            if "=" in part:
                name, vals = part.split("=", 1)
                w = workloads.BY_NAME.get(name.strip())
                if w is None:
                    ap.error("unknown workload %r in --sizes" % name)
            else:
                if selected is None or len(selected) != 1:
                    ap.error("--sizes without a workload name needs exactly one workload in --workloads")
                w, vals = selected[0], part
            try:
                sizes[w.name] = sorted(set(workloads.parse_size(v) for v in vals.split(",") if v.strip()))
            except ValueError as e:
                ap.error("bad size %s" % e)
    if selected is None:
        named = [w for w in workloads.WORKLOADS if w.name in sizes]
        selected = named or list(workloads.WORKLOADS)
    a.selected = selected
    a.size_map = {w.name: sizes.get(w.name, w.sizes) for w in selected}

    a.llvm_bin = a.llvm_bin or "/usr/lib/llvm-%s/bin" % a.llvm
    a.plugin = os.path.abspath(a.plugin or os.path.join(REPO, "build-%s" % a.llvm, "llvm-pass",
                                                        "CancelVerify-%s.so" % a.llvm))
    return a


class Tools:
    def __init__(self, a):
        self.clang = os.path.join(a.llvm_bin, "clang")
        self.opt = os.path.join(a.llvm_bin, "opt")
        self.link = os.path.join(a.llvm_bin, "llvm-link")
        self.dis = os.path.join(a.llvm_bin, "llvm-dis")
        self.plugin = a.plugin
        self.level = "O2" if a.o2 else "O0"
        self.cflags = ["-" + self.level, "-g"]
        self.cv_args = list(a.cv_arg)

    def missing(self):
        return [p for p in (self.clang, self.opt, self.link, self.dis, self.plugin)
                if not os.path.isfile(p)]

    def compile_argv(self, src, out):
        # Run in the unit's directory with relative paths; the debug info
        # names no directory of this machine, so the bitcode is the same
        # wherever it is built.
        return ([self.clang] + self.cflags +
                ["-w", "-I", INCLUDE, "-fdebug-compilation-dir=.",
                 "-fdebug-prefix-map=%s=include" % INCLUDE, "-emit-llvm", "-c", src, "-o", out])

    def verify_argv(self, bc):
        return [self.opt, "-passes=verify", "-disable-output", bc]

    def cv_argv(self, bc):
        return ([self.opt, "-load-pass-plugin=" + self.plugin, "-passes=cancel-verify",
                 "-disable-output"] + self.cv_args + [bc])

    def version(self):
        return measure.llvm_version(self.opt)


class BuildError(Exception):
    pass


def build_input(tools, a, workdir, tag, workload, size, items):
    """Writes the units, compiles and links them into DIR/input.bc, counts
    instructions. Reuses a previous build in DIR when nothing changed.
    Returns a dict with the paths and counts."""
    d = os.path.join(workdir, tag)
    os.makedirs(d, exist_ok=True)
    units = workloads.render_units(workload, size, items, UNIT_BYTES)
    key = hashlib.sha256()
    key.update(json.dumps(tools.compile_argv("U", "O")).encode())
    for u in units:
        key.update(u.encode())
    key = key.hexdigest()
    meta_path = os.path.join(d, "meta.json")
    bc = os.path.join(d, "input.bc")
    try:
        with open(meta_path) as f:
            meta = json.load(f)
        if meta.get("key") == key and os.path.isfile(bc):
            meta["reused"] = True
            return meta
    except (OSError, ValueError):
        pass

    for name in os.listdir(d):
        if name.startswith("unit") or name in ("input.bc", "meta.json"):
            os.remove(os.path.join(d, name))
    srcs = []
    for k, text in enumerate(units):
        src = os.path.join(d, "unit%04d.c" % k)
        with open(src, "w") as f:
            f.write(text)
        srcs.append(src)
    t0 = time.monotonic()
    jobs = [tools.compile_argv(os.path.basename(s), os.path.basename(s)[:-2] + ".bc")
            for s in srcs]
    with ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        for ok, msg in ex.map(lambda j: measure.run_tool(j, a.build_timeout, cwd=d), jobs):
            if not ok:
                raise BuildError(msg)
    if len(srcs) == 1:
        os.replace(srcs[0][:-2] + ".bc", bc)
    else:
        ok, msg = measure.run_tool([tools.link, "-o", bc] + [s[:-2] + ".bc" for s in srcs],
                                   a.build_timeout)
        if not ok:
            raise BuildError(msg)
        for s in srcs:
            os.remove(s[:-2] + ".bc")
    build_s = time.monotonic() - t0
    try:
        insts, funcs = measure.count_instructions(tools.dis, bc, a.build_timeout)
    except (RuntimeError, subprocess.TimeoutExpired) as e:
        raise BuildError(str(e))
    meta = {"key": key, "bitcode": bc, "units": len(units), "instructions": insts,
            "functions": funcs, "bitcode_bytes": os.path.getsize(bc),
            "source_bytes": sum(len(u) for u in units), "build_s": build_s,
            "compile_flags": tools.cflags}
    with open(meta_path, "w") as f:
        json.dump(meta, f, indent=1)
    meta["reused"] = False
    return meta


def module_function_count(tools, a, workdir, cache, target):
    """Handlers needed for ~target instructions, from a small calibration
    module compiled with the same flags."""
    if "per_function" not in cache:
        meta = build_input(tools, a, workdir, "module-calibration-" + tools.level, "module",
                           "calibration", workloads.module_items(CALIBRATION_FUNCTIONS))
        cache["per_function"] = meta["instructions"] / CALIBRATION_FUNCTIONS
    return max(1, round(target / cache["per_function"]))


def preflight(tools, a, workdir):
    """Fails early, with the reason, if the toolchain or plugin does not work."""
    missing = tools.missing()
    if missing:
        sys.exit("cv-bench: not found: " + ", ".join(missing))
    try:
        meta = build_input(tools, a, workdir, "preflight", "preflight", 1,
                           workloads.handles_items(1))
    except BuildError as e:
        sys.exit("cv-bench: cannot build a test input:\n%s" % e)
    errf = os.path.join(workdir, "preflight", "cv.stderr")
    res = measure.run_measured(tools.cv_argv(meta["bitcode"]), 120, errf)
    if res.status != "ok":
        sys.exit("cv-bench: the plugin does not run on a one-function module (%s):\n%s"
                 % (res.label(120), res.stderr_excerpt))


def run_workload(tools, a, workdir, w, cal_cache, out_json):
    rows = []
    stopped = {}        # command name -> size at which it timed out
    for size in a.size_map[w.name]:
        tag = "%s-%d-%s" % (w.name, size, tools.level)
        row = {"size": size}
        rows.append(row)
        log("[%s %d] building" % (w.name, size))
        try:
            if w.name == "module":
                n = module_function_count(tools, a, workdir, cal_cache, size)
                items = workloads.module_items(n)
                row["handlers"] = n
            else:
                items = w.items(size)
            meta = build_input(tools, a, workdir, tag, w.name, size, items)
        except BuildError as e:
            row["error"] = "BUILD FAILED: " + str(e).splitlines()[0]
            row["error_detail"] = str(e)
            log("[%s %d] %s" % (w.name, size, e))
            continue
        row.update({k: meta[k] for k in ("instructions", "functions", "units",
                                         "bitcode_bytes", "source_bytes", "build_s")})
        if a.keep:
            row["bitcode"] = meta["bitcode"]
        if a.build_only:
            continue
        log("[%s %d] %s instructions, %d functions, %d unit(s)%s; measuring" % (
            w.name, size, "{:,}".format(meta["instructions"]), meta["functions"], meta["units"],
            ", reused" if meta["reused"] else ", built in %.2fs" % meta["build_s"]))
        verify = measure.Series("verify", tools.verify_argv(meta["bitcode"]))
        cv = measure.Series("cancel-verify", tools.cv_argv(meta["bitcode"]))
        for s in (verify, cv):
            if s.name in stopped and not a.no_skip:
                s.skipped = "timed out at size %d" % stopped[s.name]

        def progress(s, r, res):
            if a.verbose or res.status != "ok":
                log("[%s %d] run %d %-13s %s cpu %.3fs rss %.1f MiB" % (
                    w.name, size, r + 1, s.name, res.label(a.timeout), res.cpu,
                    res.rss_kib / 1024.0))

        measure.measure_pair([verify, cv], a.repeat, a.timeout,
                             os.path.join(workdir, tag), progress)
        for s in (verify, cv):
            if s.failure is not None and s.failure.status == "timeout":
                stopped.setdefault(s.name, size)
        row["verify"], row["cv"] = verify, cv
    print()
    print("%s (%s): %s; size = %s; clang %s" % (w.name, w.letter, w.what, w.size_name,
                                                " ".join(tools.cflags)))
    if a.build_only:
        print(report.build_table(rows))
        out_json["workloads"][w.name] = {"description": w.what, "size_counts": w.size_name,
                                         "sizes": rows}
        return
    fit, npts = report.derive([r for r in rows if not r.get("error")], a.min_added)
    print(report.table(rows, a.timeout))
    if fit is None:
        print("added-time exponent over the whole range: - (fewer than two sizes with "
              "added time >= %gs)" % a.min_added)
    else:
        print("added-time exponent over the whole range: %.2f (least squares over the %d "
              "sizes with added time >= %gs)" % (fit, npts, a.min_added))
    series = [r[k] for r in rows for k in ("verify", "cv") if r.get(k) is not None]
    if any(s.skipped for s in series):
        print("SKIPPED: the command timed out at a smaller size of this workload "
              "(--no-skip runs it anyway)")
    if any(s.failure for s in series):
        print("failed runs: their stderr is in --json (stderr_excerpt)%s" % (
            " and in %s/%s-SIZE-%s/*.stderr" % (workdir, w.name, tools.level) if a.keep else ""))
    sys.stdout.flush()

    entry = {"description": w.what, "size_counts": w.size_name, "exponent_fit": fit,
             "exponent_fit_points": npts, "sizes": []}
    for r in rows:
        e = {k: v for k, v in r.items() if k not in ("verify", "cv")}
        for k in ("verify", "cv"):
            if r.get(k) is not None:
                e["cancel-verify" if k == "cv" else "verify"] = r[k].to_json()
        entry["sizes"].append(e)
    out_json["workloads"][w.name] = entry


def main(argv=None):
    a = parse_args(sys.argv[1:] if argv is None else argv)
    tools = Tools(a)
    if a.keep:
        workdir = os.path.abspath(a.keep)
        os.makedirs(workdir, exist_ok=True)
        cleanup = None
    else:
        cleanup = tempfile.TemporaryDirectory(prefix="cv-bench-")
        workdir = cleanup.name
    try:
        preflight(tools, a, workdir)
        stack = resource.getrlimit(resource.RLIMIT_STACK)[0]
        stack_s = "unlimited" if stack == resource.RLIM_INFINITY else "%d MiB" % (stack >> 20)
        version = tools.version()
        out = {"meta": {
            "llvm_version": version, "llvm_bin": a.llvm_bin, "opt": tools.opt,
            "plugin": tools.plugin, "compile_flags": tools.cflags,
            "verify_argv": tools.verify_argv("IN.bc"), "cv_argv": tools.cv_argv("IN.bc"),
            "repeat": a.repeat, "timeout_s": a.timeout, "stack_limit": stack_s,
            "cpus": os.cpu_count(), "machine": platform.machine(),
            "loadavg_start": os.getloadavg(), "python": platform.python_version(),
            "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "cpu_time": "median over runs of the child's ru_utime + ru_stime (os.wait4)",
            "peak_rss": "maximum over runs of the child's ru_maxrss",
            "instructions": "non-debug instruction lines inside function bodies of llvm-dis output",
            "exponent": "log-log slope of added CPU time (cancel-verify minus verify) "
                        "against instructions, over sizes with added time >= min_added_s",
            "min_added_s": a.min_added},
            "workloads": {}}
        print("cv-bench: LLVM %s (%s), plugin %s" % (version, tools.opt, tools.plugin))
        print("input: clang %s -emit-llvm -c [+ llvm-link]; %d run(s) per command, interleaved; "
              "median CPU (user+sys), max peak RSS; timeout %gs per run; stack limit %s; "
              "%d CPUs, load %.2f"
              % (" ".join(tools.cflags), a.repeat, a.timeout, stack_s, os.cpu_count(),
                 os.getloadavg()[0]))
        sys.stdout.flush()
        cal_cache = {}
        for w in a.selected:
            run_workload(tools, a, workdir, w, cal_cache, out)
            if a.json:
                report.write_json(a.json, out)
        out["meta"]["loadavg_end"] = os.getloadavg()
        if a.json:
            report.write_json(a.json, out)
            log("wrote %s" % a.json)
        if a.keep:
            log("inputs kept in %s" % workdir)
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    finally:
        if cleanup is not None:
            cleanup.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
