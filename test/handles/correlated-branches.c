// Branches on the same condition are correlated: a handle created under
// `if (c)` and cancelled under a later `if (c)` is cancelled on every path
// that has one, and the path through `!c` never had one. go vet's
// lostcancel reports this shape; CancelVerify must not. Conditions that
// differ, or that the code changes in between, are not correlated.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O2 --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);
void log_msg(const char *msg);

// Created and cancelled under the same parameter.
int same_flag(cv_ctx_t *ctx, int bounded) {
  cv_cancel_t *cancel = 0;
  if (bounded)
    // CHECK: correlated-branches.c:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+4]]{{$}}
    cancel = cv_with_timeout(ctx, 1000, &ctx);
  int rc = work(ctx);
  if (bounded)
    cv_cancel(cancel);
  return rc;
}

// The same condition held in a local, tested negated the second time.
int same_local_negated(cv_ctx_t *ctx, int timeout_ms) {
  int bounded = timeout_ms > 0;
  cv_cancel_t *cancel = 0;
  if (bounded)
    // CHECK: correlated-branches.c:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+6]]{{$}}
    cancel = cv_with_timeout(ctx, timeout_ms, &ctx);
  int rc = work(ctx);
  if (!bounded)
    log_msg("unbounded");
  else
    cv_cancel(cancel);
  return rc;
}

// Cancelled under `c` on one branch and under `!c` on the other.
int split_cancel(cv_ctx_t *parent, int fast) {
  cv_ctx_t *child;
  // CHECK: correlated-branches.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]] and cancelled by 'cv_cancel' at line [[@LINE+6]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (fast)
    cv_cancel(cancel);
  int rc = work(child);
  if (!fast)
    cv_cancel(cancel);
  return rc;
}

// Positive: created under one flag, cancelled under another.
int different_flags(cv_ctx_t *ctx, int bounded, int cleanup) {
  cv_cancel_t *cancel = 0;
  if (bounded)
    // CHECK: correlated-branches.c:[[@LINE+1]]:14: remark: LostCancel: returns at {{.*}}correlated-branches.c:[[@LINE+5]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_timeout'{{$}}
    cancel = cv_with_timeout(ctx, 1000, &ctx);
  int rc = work(ctx);
  if (cleanup)
    cv_cancel(cancel);
  return rc;
}

// Positive: cancelled under the opposite of the creation's condition. The
// cancel only ever sees the null pointer; -O2 folds it to cv_cancel(0), so
// there the handle is not used at all.
int opposite_flag(cv_ctx_t *ctx, int bounded) {
  cv_cancel_t *cancel = 0;
  if (bounded)
    // O0: correlated-branches.c:[[@LINE+2]]:14: remark: LostCancel: returns at {{.*}}correlated-branches.c:[[@LINE+6]] without cancelling the handle created at line [[@LINE+2]] by 'cv_with_timeout'{{$}}
    // O2: correlated-branches.c:[[@LINE+1]]:14: remark: DiscardedCancel: the cancel handle from 'cv_with_timeout' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
    cancel = cv_with_timeout(ctx, 1000, &ctx);
  int rc = work(ctx);
  if (!bounded)
    cv_cancel(cancel);
  return rc;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
