// A creation inside a loop whose handle is still owed when the next
// iteration creates again: each iteration's handle overwrites the last.
// OverwrittenCancel at the creation. Cancelling inside the iteration, or
// leaving the loop right after creating, is fine.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

int attempt(cv_ctx_t *ctx, int i);

// Retries with a fresh timeout, cancelling only the last one.
int retry_cancels_last(cv_ctx_t *parent, int tries) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = 0;
  int rc = -1;
  for (int i = 0; i < tries && rc != 0; ++i) {
    // CHECK: overwritten-in-loop.c:[[@LINE+1]]:14: remark: OverwrittenCancel: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is created again at line [[@LINE+1]] before the previous handle was cancelled{{$}}
    cancel = cv_with_timeout(parent, 100, &child);
    rc = attempt(child, i);
  }
  if (cancel)
    cv_cancel(cancel);
  return rc;
}

// The handle is a local of the loop body, never cancelled: each iteration
// loses the previous one.
int loop_local_never_cancelled(cv_ctx_t *parent, int n) {
  for (int i = 0; i < n; ++i) {
    cv_ctx_t *child;
    // CHECK: overwritten-in-loop.c:[[@LINE+1]]:27: remark: OverwrittenCancel: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is created again at line [[@LINE+1]] before the previous handle was cancelled{{$}}
    cv_cancel_t *cancel = cv_with_cancel(parent, &child);
    if (attempt(child, i) < 0)
      cv_cancel(cancel);
  }
  return 0;
}

// Negative: every iteration cancels its own handle.
int each_iteration_cancels(cv_ctx_t *parent, int tries) {
  int rc = -1;
  for (int i = 0; i < tries && rc != 0; ++i) {
    cv_ctx_t *child;
    // CHECK: overwritten-in-loop.c:[[@LINE+1]]:27: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
    cv_cancel_t *cancel = cv_with_timeout(parent, 100, &child);
    rc = attempt(child, i);
    cv_cancel(cancel);
  }
  return rc;
}

// Negative: the loop is left as soon as the handle exists, and the cancel
// follows the loop.
int create_then_break(cv_ctx_t *parent, int tries) {
  cv_ctx_t *child = parent;
  cv_cancel_t *cancel = 0;
  for (int i = 0; i < tries; ++i) {
    if (attempt(parent, i) == 0) {
      // CHECK: overwritten-in-loop.c:[[@LINE+1]]:16: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+7]]{{$}}
      cancel = cv_with_cancel(parent, &child);
      break;
    }
  }
  int rc = attempt(child, -1);
  if (cancel)
    cv_cancel(cancel);
  return rc;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
