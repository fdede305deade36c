#!/usr/bin/env python3
"""Runs CancelVerify on one source file and prints its remarks in one format.

Every analysis test runs twice: through `clang -fpass-plugin` at -O0 (the IR
clang emits, with allocas, loads and stores) and through
`opt -passes=cancel-verify` on `clang -O2` output (SSA, inlined). clang and
opt print remarks differently; this prints both as

    FILE:LINE:COL: remark: MESSAGE

with FILE reduced to its base name, so one set of CHECK lines serves both.
Other lines (warnings, errors) are printed unchanged. The exit status is the
verifier's.

usage: cv-remarks.py --clang C --opt O --plugin P --llvm-major N
                     MODE SOURCE [clang flags...] [-mllvm OPTION...]
MODE: O0 (clang -O0 with the plugin), O2 (opt on clang -O2 output), or
      clang-O1/clang-O2/clang-O3/clang-Os (clang with the plugin at that level).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

REMARK_FLAGS = ["-Rpass=cancel-verify", "-Rpass-missed=cancel-verify",
                "-Rpass-analysis=cancel-verify"]
OPT_REMARK_FLAGS = ["-pass-remarks=cancel-verify",
                    "-pass-remarks-missed=cancel-verify",
                    "-pass-remarks-analysis=cancel-verify"]

CLANG_REMARK = re.compile(r"^(?P<file>[^\s:]+):(?P<line>\d+):(?P<col>\d+): remark: (?P<msg>.*?)( \[-Rpass(-missed|-analysis)?=cancel-verify\])?$")
OPT_REMARK = re.compile(r"^remark: (?P<file>[^\s:]+):(?P<line>\d+):(?P<col>\d+): (?P<msg>.*)$")


def normalize(text):
    out = []
    for line in text.splitlines():
        m = CLANG_REMARK.match(line) or OPT_REMARK.match(line)
        if m:
            out.append("%s:%s:%s: remark: %s" % (os.path.basename(m["file"]),
                                                 m["line"], m["col"], m["msg"]))
        elif re.match(r"^\d+ (warning|error|remark)s? generated\.$", line):
            continue
        else:
            out.append(line)
    return "\n".join(out) + ("\n" if out else "")


def split_mllvm(args):
    """Separates -mllvm options (which opt takes directly) from clang flags."""
    flags, mllvm = [], []
    it = iter(args)
    for a in it:
        if a == "-mllvm":
            mllvm.append(next(it))
        else:
            flags.append(a)
    return flags, mllvm


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--clang", required=True)
    p.add_argument("--opt", required=True)
    p.add_argument("--plugin", required=True)
    p.add_argument("--llvm-major", type=int, required=True)
    p.add_argument("mode")
    p.add_argument("source")
    p.add_argument("rest", nargs=argparse.REMAINDER)
    a = p.parse_args()
    flags, mllvm = split_mllvm(a.rest)
    lang = ["-x", "c++", "-std=c++20"] if a.source.endswith(".cpp") else []
    plugin_flags = ["-fpass-plugin=" + a.plugin]
    if a.llvm_major < 21:
        plugin_flags.insert(0, "-fplugin=" + a.plugin)
    mllvm_flags = [x for o in mllvm for x in ("-mllvm", o)]

    if a.mode == "O2":
        with tempfile.TemporaryDirectory() as tmp:
            ll = os.path.join(tmp, "input.ll")
            r = subprocess.run([a.clang, "-O2", "-g", "-S", "-emit-llvm"] + lang +
                               flags + [a.source, "-o", ll],
                               stderr=subprocess.PIPE, text=True)
            if r.returncode:
                sys.stderr.write(r.stderr)
                return r.returncode
            r = subprocess.run([a.opt, "-load-pass-plugin=" + a.plugin,
                                "-passes=cancel-verify", "-disable-output"] +
                               OPT_REMARK_FLAGS + mllvm + [ll],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)
    else:
        level = {"O0": "-O0"}.get(a.mode) or "-" + a.mode.split("-", 1)[1]
        r = subprocess.run([a.clang, level, "-g", "-c"] + lang + plugin_flags +
                           REMARK_FLAGS + flags + mllvm_flags +
                           [a.source, "-o", os.devnull],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True)
    sys.stdout.write(normalize(r.stdout))
    return r.returncode


if __name__ == "__main__":
    sys.exit(main())
