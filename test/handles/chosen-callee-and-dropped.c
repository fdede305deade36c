// An indirect call through a pointer chosen among known functions reaches
// each of them: it discharges the handle only if every choice does, and a
// modelled function without a body among them counts by its model. A
// creation whose result is dropped inside a loop is discarded each time,
// not overwritten.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include <stddef.h>
#include "cv_context.h"

int work(cv_ctx_t *ctx);

__attribute__((noinline)) static void keep(cv_cancel_t *c) { (void)c; }
__attribute__((noinline)) static void stop(cv_cancel_t *c) { cv_cancel(c); }

// Positive: one of the choices does not cancel.
int keep_or_stop(cv_ctx_t *parent, int k) {
  cv_ctx_t *child;
  // CHECK: chosen-callee-and-dropped.c:[[@LINE+1]]:20: remark: LostCancel: returns at {{.*}}chosen-callee-and-dropped.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *h = cv_with_cancel(parent, &child);
  void (*fin)(cv_cancel_t *) = k ? keep : stop;
  fin(h);
  return work(child);
}

// Both choices cancel, one of them a modelled declaration.
int stop_or_cancel(cv_ctx_t *parent, int k) {
  cv_ctx_t *child;
  // CHECK: chosen-callee-and-dropped.c:[[@LINE+1]]:20: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line 15 (through 'stop' at line [[@LINE+3]]){{$}}
  cv_cancel_t *h = cv_with_cancel(parent, &child);
  void (*fin)(cv_cancel_t *) = k ? stop : cv_cancel;
  fin(h);
  return work(child);
}

// Positive: the handle of every iteration is dropped.
void dropped_in_loop(cv_ctx_t *parent, int n) {
  for (int i = 0; i < n; i++)
    // CHECK: chosen-callee-and-dropped.c:[[@LINE+1]]:5: remark: DiscardedCancel: the cancel handle from 'cv_with_cancel' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
    cv_with_cancel(parent, NULL);
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
