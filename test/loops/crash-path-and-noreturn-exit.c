// A wait on the way to a crash does not make a loop block: a fatal-error
// helper that reads a last message, then aborts, never returns to the
// loop. A call that never returns (known from its body, though -O0 code
// does not declare it noreturn) leaves the loop: a loop that observes
// cancellation and then shuts down through it acts on the observation at
// every -O level. A helper that may return does not leave.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include <stdlib.h>
#include <unistd.h>
#include "cv_context.h"

int process(int item);
void cleanup(void);
int maybe_stop(void);

// Drains the error pipe before dying: every path ends in abort().
__attribute__((noinline)) static void fatal(int errfd) {
  char buf[128];
  read(errfd, buf, sizeof buf);
  abort();
}

// Negative: the only wait is in fatal(), which never comes back.
void spin(const int *items, int n, int errfd) {
  for (int i = 0;; i++) {
    if (items[i % n] < 0)
      fatal(errfd);
    if (process(items[i % n]))
      break;
  }
}

// The same wait inline, in a block that only ends in exit().
void spin_inline(const int *items, int n, int errfd) {
  for (int i = 0;; i++) {
    if (items[i % n] < 0) {
      char buf[16];
      read(errfd, buf, sizeof buf);
      exit(2);
    }
    if (process(items[i % n]))
      break;
  }
}

__attribute__((noinline)) static void shutdown_and_exit(void) {
  cleanup();
  exit(0);
}

void serve(cv_ctx_t *ctx, int conn) {
  char buf[64];
  for (;;) {
    if (cv_done(ctx))
      shutdown_and_exit();
    if (cv_conn_read(conn, buf, sizeof buf) <= 0)
      continue;
    process(buf[0]);
  }
}
// CHECK: crash-path-and-noreturn-exit.c:[[@LINE-8]]:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}crash-path-and-noreturn-exit.c:[[@LINE-7]] (cv_done) and leaves the loop on it{{$}}

// Positive: the helper returns when it decides not to stop.
__attribute__((noinline)) static void maybe_exit(void) {
  if (maybe_stop())
    exit(0);
}

void serve_maybe(cv_ctx_t *ctx, int conn) {
  char buf[64];
  for (;;) {
    if (cv_done(ctx))
      maybe_exit();
    if (cv_conn_read(conn, buf, sizeof buf) <= 0)
      continue;
    process(buf[0]);
  }
}
// CHECK: crash-path-and-noreturn-exit.c:[[@LINE-8]]:3: remark: LoopCancelNotActedOn: loop observes cancellation at {{.*}}crash-path-and-noreturn-exit.c:[[@LINE-7]] (cv_done) but the result never leads out of the loop, which has no exit{{$}}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
