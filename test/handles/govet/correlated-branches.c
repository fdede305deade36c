// go vet lostcancel reports this, wrongly: a timeout applied only when one
// is configured, `var cancel context.CancelFunc; if timeout > 0 { ctx,
// cancel = context.WithTimeout(ctx, timeout) }; ...; if timeout > 0 {
// cancel() }`. go vet: "not used on all paths", since it does not see that
// both branches test the same condition.
//
// CancelVerify: the branches are correlated; the path that skips the
// cancel never created a handle: CancelVerified. Testing a different
// condition the second time is lost.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include <stdbool.h>
#include "cv_context.h"

int work(cv_ctx_t *ctx);

// `timeout > 0` both times.
int timeout_if_positive(cv_ctx_t *ctx, long timeout) {
  cv_cancel_t *cancel = 0;
  if (timeout > 0)
    // CHECK: correlated-branches.c:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+4]]{{$}}
    cancel = cv_with_timeout(ctx, timeout, &ctx);
  int rc = work(ctx);
  if (timeout > 0)
    cv_cancel(cancel);
  return rc;
}

// A boolean computed once.
int timeout_if_configured(cv_ctx_t *ctx, long timeout) {
  bool bounded = timeout != 0;
  cv_cancel_t *cancel = 0;
  if (bounded)
    // CHECK: correlated-branches.c:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+4]]{{$}}
    cancel = cv_with_timeout(ctx, timeout, &ctx);
  int rc = work(ctx);
  if (bounded)
    cv_cancel(cancel);
  return rc;
}

// Positive: the second test is not the first.
int different_test(cv_ctx_t *ctx, long timeout, bool cleanup) {
  cv_cancel_t *cancel = 0;
  if (timeout > 0)
    // CHECK: correlated-branches.c:[[@LINE+1]]:14: remark: LostCancel: returns at {{.*}}correlated-branches.c:[[@LINE+5]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_timeout'{{$}}
    cancel = cv_with_timeout(ctx, timeout, &ctx);
  int rc = work(ctx);
  if (cleanup)
    cv_cancel(cancel);
  return rc;
}
