#!/usr/bin/env python3
"""Writes an IR module whose handles travel through very deep call graphs.

usage: gen-deep-calls.py CHAIN RECURSION > module.ll

- @chain_ok creates a handle and passes it down a chain of CHAIN functions;
  each one cancels it when its work fails, the last one always: every path
  cancels.
- @chain_lost does the same through a second chain whose last function
  forgets to cancel: the handle is lost.
- @ring_ok passes a handle around a recursion group of RECURSION functions
  (each calls the next, the last calls the first); each cancels when its
  work fails, so every path that returns has cancelled. One of them blocks
  in a loop that never observes cancellation.
- @ring_lost passes one around a second group where one function returns
  without cancelling.

The roles come from deep-calls.yaml. There is no debug info: the module is
as small as such a graph can be, so the test measures depth, not size.
"""
import sys


def chain(out, prefix, n, cancel_last):
    for i in range(n):
        out.append("define internal i32 @%s%d(ptr %%k) noinline {" % (prefix, i))
        out.append("  %w = call i32 @work()")
        out.append("  %c = icmp slt i32 %w, 0")
        out.append("  br i1 %c, label %early, label %next")
        out.append("early:")
        out.append("  call void @cancel(ptr %k)")
        out.append("  ret i32 -1")
        out.append("next:")
        if i + 1 < n:
            out.append("  %%r = call i32 @%s%d(ptr %%k)" % (prefix, i + 1))
            out.append("  ret i32 %r")
        else:
            if cancel_last:
                out.append("  call void @cancel(ptr %k)")
            out.append("  ret i32 0")
        out.append("}")


def ring(out, prefix, n, leaky, blocker):
    for i in range(n):
        nxt = (i + 1) % n
        out.append("define internal i32 @%s%d(ptr %%k) noinline {" % (prefix, i))
        out.append("  %w = call i32 @work()")
        out.append("  %c = icmp slt i32 %w, 0")
        out.append("  br i1 %c, label %early, label %next")
        out.append("early:")
        if i != leaky:
            out.append("  call void @cancel(ptr %k)")
        out.append("  ret i32 -1")
        out.append("next:")
        if i == blocker:
            out.append("  br label %loop")
            out.append("loop:")
            out.append("  %n = call i32 @blocking_read()")
            out.append("  %more = icmp sgt i32 %n, 0")
            out.append("  br i1 %more, label %loop, label %done")
            out.append("done:")
        out.append("  %%r = call i32 @%s%d(ptr %%k)" % (prefix, nxt))
        out.append("  ret i32 %r")
        out.append("}")


def main():
    n_chain, n_ring = int(sys.argv[1]), int(sys.argv[2])
    out = ["declare ptr @create()", "declare void @cancel(ptr)",
           "declare i32 @work()", "declare i32 @blocking_read()"]
    for name, first in [("chain_ok", "c"), ("chain_lost", "d"),
                        ("ring_ok", "r"), ("ring_lost", "s")]:
        out.append("define i32 @%s() {" % name)
        out.append("  %k = call ptr @create()")
        out.append("  %%r = call i32 @%s0(ptr %%k)" % first)
        out.append("  ret i32 %r")
        out.append("}")
    chain(out, "c", n_chain, True)
    chain(out, "d", n_chain, False)
    ring(out, "r", n_ring, leaky=-1, blocker=n_ring // 2)
    ring(out, "s", n_ring, leaky=n_ring // 3, blocker=-1)
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
