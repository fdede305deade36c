// -cancel-verify-loops=cancellable reports only loops of functions that
// can see cancellation: a function that observes, one that holds a token
// (a parameter or local of a type passed to an observe function somewhere
// in the module, even if it never uses it), and the functions they call.
// A read loop of code that has no cancellation at hand is left out; the
// default reports every blocking loop.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,ALL
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,ALL
// RUN: %cv-remarks O0 %s -I %examples/include -mllvm -cancel-verify-loops=cancellable | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include -mllvm -cancel-verify-loops=cancellable | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

void handle(const char *buf, long n);

// Holds the context and ignores it.
void worker(cv_ctx_t *ctx, int conn) {
  char buf[64];
  for (;;) {
    long n = cv_conn_read(conn, buf, sizeof buf);
    if (n <= 0)
      break;
    handle(buf, n);
  }
}
// CHECK: loop-scope-cancellable.c:[[@LINE-7]]:3: remark: LoopIgnoresCancel: loop can block in 'cv_conn_read' at {{.*}}loop-scope-cancellable.c:[[@LINE-6]] and never observes cancellation{{$}}

// Has no token, but its caller observes and could hand it one.
__attribute__((noinline)) static void drain(int conn) {
  char buf[64];
  while (cv_conn_read(conn, buf, sizeof buf) > 0)
    handle(buf, 1);
}
// CHECK: loop-scope-cancellable.c:[[@LINE-3]]:3: remark: LoopIgnoresCancel: loop can block in 'cv_conn_read' at {{.*}}loop-scope-cancellable.c:[[@LINE-3]] and never observes cancellation{{$}}

int serve_once(cv_ctx_t *ctx, int conn) {
  if (cv_done(ctx))
    return -1;
  drain(conn);
  return 0;
}

// No cancellation anywhere near: reported only by default.
void copy_file(int in) {
  char buf[64];
  while (cv_conn_read(in, buf, sizeof buf) > 0)
    handle(buf, 1);
}
// ALL: loop-scope-cancellable.c:[[@LINE-3]]:3: remark: LoopIgnoresCancel: loop can block in 'cv_conn_read' at {{.*}}loop-scope-cancellable.c:[[@LINE-3]] and never observes cancellation{{$}}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,ALL
// RUN: %cv-remarks clang-O2 %s -I %examples/include -mllvm -cancel-verify-loops=cancellable | FileCheck %s --implicit-check-not=remark
