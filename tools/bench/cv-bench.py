#!/usr/bin/env python3
"""Measures how CancelVerify's cost grows with module size.

Generates C modules of N functions in the style of real request handlers
(creations cancelled on some paths, helpers that cancel, transfers to the
caller, guards, blocking loops that observe or not, call chains), compiles
each to IR with clang -O0 (every function optnone, handles in memory, the
harder shape), and times `opt -passes=cancel-verify` against
`opt -passes=verify` on the same file. The analysis should stay
near-linear: the time per function stays roughly flat as N doubles.

usage: cv-bench.py --llvm-bin /usr/lib/llvm-19/bin --plugin build-19/llvm-pass/CancelVerify.so
                   [--sizes 250,500,1000,2000] [--repeat 3]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

HEADER = r'''
typedef struct ctx ctx_t; typedef struct cancel cancel_t;
#define CV(s) __attribute__((annotate("cancel-verify:" s)))
CV("root") ctx_t *bg(void);
CV("create:handle=ret,parent=arg0") cancel_t *with_cancel(ctx_t *p, ctx_t **c);
CV("create:handle=arg2,parent=arg0,success=ret==0")
int try_with_cancel(ctx_t *p, ctx_t **c, cancel_t **k);
CV("cancel") void cancel(cancel_t *k);
CV("observe") int done(ctx_t *c);
CV("wait") long conn_read(int fd, char *b, long n);
int work(ctx_t *c, int i);
'''

SHAPES = [
    # cancelled on every path
    '''int f{i}(ctx_t *p, int x) {{
  ctx_t *c; cancel_t *k = with_cancel(p, &c);
  if (work(c, x) < 0) {{ cancel(k); return -1; }}
  cancel(k); return f{j}(p, x - 1);
}}''',
    # lost on one path
    '''int f{i}(ctx_t *p, int x) {{
  ctx_t *c; cancel_t *k = with_cancel(p, &c);
  if (x > {i}) return work(c, x);
  cancel(k); return f{j}(p, x);
}}''',
    # status creator and a helper that cancels
    '''static void fin{i}(cancel_t *k, int ok) {{ if (ok >= 0) cancel(k); }}
int f{i}(ctx_t *p, int x) {{
  ctx_t *c; cancel_t *k;
  if (try_with_cancel(p, &c, &k) != 0) return -1;
  int rc = work(c, x);
  if (rc < 0) {{ cancel(k); return rc; }}
  fin{i}(k, rc); return f{j}(p, rc);
}}''',
    # transfer to the caller, judged at the call site
    '''cancel_t *mk{i}(ctx_t *p, ctx_t **c) {{ return with_cancel(p, c); }}
int f{i}(ctx_t *p, int x) {{
  ctx_t *c; cancel_t *k = mk{i}(p, &c);
  for (int n = 0; n < x; n++) if (work(c, n) < 0) break;
  cancel(k); return f{j}(p, x);
}}''',
    # a blocking loop that observes, one that does not
    '''int f{i}(ctx_t *p, int fd) {{
  char b[64]; long n = 0;
  while (!done(p)) {{ n = conn_read(fd, b, sizeof b); if (n <= 0) break; }}
  for (int r = 0; r < 3; r++) n += conn_read(fd, b, sizeof b);
  return (int)n + f{j}(p, fd);
}}''',
]


def generate(n):
    """A module of n functions; each calls the next, so call chains are long
    and every function's summary is used by its caller."""
    out = [HEADER]
    out += ["int f%d(ctx_t *, int);" % i for i in range(n)]
    for i in range(n):
        shape = SHAPES[i % len(SHAPES)].replace("f{j}(", "{next}(")
        nxt = "f%d" % (i + 1) if i + 1 < n else "work"
        out.append(shape.format(i=i, next=nxt))
    return "\n".join(out) + "\n"


def best_time(cmd, repeat):
    best = None
    for _ in range(repeat):
        t = time.perf_counter()
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if r.returncode:
            sys.stderr.write(r.stderr)
            sys.exit("failed: " + " ".join(cmd))
        t = time.perf_counter() - t
        best = t if best is None else min(best, t)
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--llvm-bin", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--sizes", default="250,500,1000,2000")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    clang = os.path.join(a.llvm_bin, "clang")
    opt = os.path.join(a.llvm_bin, "opt")
    print("%8s %10s %12s %12s %14s" % ("funcs", "IR lines", "verify ms", "verify+cv ms", "cv us/func"))
    with tempfile.TemporaryDirectory() as tmp:
        for n in [int(s) for s in a.sizes.split(",")]:
            c = os.path.join(tmp, "m%d.c" % n)
            ll = os.path.join(tmp, "m%d.ll" % n)
            with open(c, "w") as f:
                f.write(generate(n))
            subprocess.run([clang, "-O0", "-g", "-S", "-emit-llvm", c, "-o", ll], check=True)
            lines = sum(1 for _ in open(ll))
            base = best_time([opt, "-passes=verify", "-disable-output", ll], a.repeat)
            full = best_time([opt, "-load-pass-plugin=" + a.plugin, "-passes=verify,cancel-verify",
                              "-disable-output", ll], a.repeat)
            print("%8d %10d %12.1f %12.1f %14.1f" % (n, lines, base * 1e3, full * 1e3,
                                                       (full - base) * 1e6 / n))


if __name__ == "__main__":
    main()
