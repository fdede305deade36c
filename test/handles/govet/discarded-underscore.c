// go vet lostcancel: `ctx, _ := context.WithCancel(bg)`, then
// `ctx, _ = context.WithTimeout(...)` and `ctx, _ = context.WithDeadline(...)`:
// the cancel function is thrown away with `_`. go vet: "the cancel function
// returned by context.WithCancel should be called, not discarded".
//
// CancelVerify: the result of each creator is dropped: DiscardedCancel at
// each of the three creations.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

void use_context(cv_ctx_t *ctx);

void three_discards(void) {
  cv_ctx_t *ctx;
  // CHECK: discarded-underscore.c:[[@LINE+1]]:3: remark: DiscardedCancel: the cancel handle from 'cv_with_cancel' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  cv_with_cancel(cv_background(), &ctx);
  // CHECK: discarded-underscore.c:[[@LINE+1]]:3: remark: DiscardedCancel: the cancel handle from 'cv_with_timeout' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  cv_with_timeout(cv_background(), 0, &ctx);
  // CHECK: discarded-underscore.c:[[@LINE+1]]:3: remark: DiscardedCancel: the cancel handle from 'cv_with_deadline' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  cv_with_deadline(cv_background(), 0, &ctx);
  use_context(ctx);
}
