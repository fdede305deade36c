// go vet lostcancel, reassignment: `ctx, cancel := context.WithTimeout(ctx,
// 2*time.Second); defer cancel(); ...; ctx, cancel = context.WithTimeout(ctx,
// time.Second)`. `defer cancel()` evaluated the first function when the
// defer ran, so the first is cancelled and the second is never called. With
// `defer func() { cancel() }()` the closure reads the variable at exit: the
// second is cancelled and the first is lost. go vet accepts both, because
// the variable is "used".
//
// CancelVerify: cv_defer takes the handle's value, like `defer cancel()`:
// the first handle is verified (deferred) and the second, never read, is
// DiscardedCancel. A cleanup attribute reads the variable at exit, like
// the deferred closure: the first handle is OverwrittenCancel at the
// second creation, and the second is verified.
//
// At -O2 the first store to the variable is dead (the second overwrites it
// before anything reads it) and is removed: there the first handle is
// never used at all, DiscardedCancel.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O2 --implicit-check-not=remark
#include "cv_context.h"

int dial(cv_ctx_t *ctx);

// `defer cancel()`, then `ctx, cancel = ...`.
int defer_by_value(cv_ctx_t *ctx, cv_defers_t *defers) {
  // CHECK: reassigned.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is deferred on every path: deferred by 'cv_defer' at line [[@LINE+2]]{{$}}
  cv_cancel_t *cancel = cv_with_timeout(ctx, 2000, &ctx);
  cv_defer(defers, cancel);
  // CHECK: reassigned.c:[[@LINE+1]]:12: remark: DiscardedCancel: the cancel handle from 'cv_with_timeout' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  cancel = cv_with_timeout(ctx, 1000, &ctx);
  return dial(ctx);
}

__attribute__((noinline)) void cancel_at_exit(cv_cancel_t **cancel) {
  cv_cancel(*cancel);
}
#define DEFER_CANCEL __attribute__((cleanup(cancel_at_exit)))

// `defer func() { cancel() }()`, then `ctx, cancel = ...`.
int defer_closure(cv_ctx_t *ctx) {
  // O2: reassigned.c:[[@LINE+1]]:38: remark: DiscardedCancel: the cancel handle from 'cv_with_timeout' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  DEFER_CANCEL cv_cancel_t *cancel = cv_with_timeout(ctx, 2000, &ctx);
  // O0: reassigned.c:[[@LINE+2]]:12: remark: OverwrittenCancel: the handle created at line [[@LINE-1]] by 'cv_with_timeout' is overwritten at line [[@LINE+2]] before it was cancelled{{$}}
  // CHECK: reassigned.c:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line 36 (through 'cancel_at_exit' at line {{[0-9]+}}){{$}}
  cancel = cv_with_timeout(ctx, 1000, &ctx);
  return dial(ctx);
}
