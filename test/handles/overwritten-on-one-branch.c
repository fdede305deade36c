// A variable reassigned on one branch and cancelled after the branches
// join: optimized code merges the two handles into one value (a phi), and
// the cancel of that value reaches the first handle only along the branch
// that did not reassign. Along the other the first handle is held by
// nothing used afterwards: it is overwritten there, at every -O level.
// A handle the branch cancels first, a failed creation replaced by a
// fallback, and a phi that carries the handle on every edge are fine.
//
// RUN: %cv-remarks O0 %s -I %examples/include > %t.O0.out
// RUN: FileCheck %s < %t.O0.out && grep remark %t.O0.out | count 9
// RUN: %cv-remarks O2 %s -I %examples/include > %t.O2.out
// RUN: FileCheck %s < %t.O2.out && grep remark %t.O2.out | count 9
#include "cv_context.h"

int work(cv_ctx_t *ctx, int x);
int next(cv_ctx_t *ctx, int x);

int in_a_switch(cv_ctx_t *parent, int x) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  switch (work(child, x)) {
  case 0:
    cv_cancel(cancel);
    return 0;
  case 1:
    // CHECK: overwritten-on-one-branch.c:[[@LINE+2]]:14: remark: OverwrittenCancel: the handle created at line 20 by 'cv_with_cancel' is overwritten at line [[@LINE+2]] before it was cancelled{{$}}
    // CHECK: overwritten-on-one-branch.c:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+6]]{{$}}
    cancel = cv_with_cancel(parent, &child);
    break;
  default:
    break;
  }
  cv_cancel(cancel);
  return next(child, x);
}

int in_an_if(cv_ctx_t *parent, int retry) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_timeout(parent, 100, &child);
  // CHECK: overwritten-on-one-branch.c:[[@LINE+3]]:14: remark: OverwrittenCancel: the handle created at line [[@LINE-1]] by 'cv_with_timeout' is overwritten at line [[@LINE+3]] before it was cancelled{{$}}
  // CHECK: overwritten-on-one-branch.c:[[@LINE+2]]:14: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+4]]{{$}}
  if (retry)
    cancel = cv_with_timeout(parent, 200, &child);
  int rc = work(child, retry);
  cv_cancel(cancel);
  return rc;
}

// Negative: the branch cancels the first handle before it reassigns.
int cancelled_first(cv_ctx_t *parent, int retry) {
  cv_ctx_t *child;
  // CHECK: overwritten-on-one-branch.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]] and cancelled by 'cv_cancel' at line [[@LINE+8]]{{$}}
  cv_cancel_t *cancel = cv_with_timeout(parent, 100, &child);
  if (retry) {
    cv_cancel(cancel);
    // CHECK: overwritten-on-one-branch.c:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+4]]{{$}}
    cancel = cv_with_timeout(parent, 200, &child);
  }
  int rc = work(child, retry);
  cv_cancel(cancel);
  return rc;
}

// Negative: a creation that failed (its status says so) is replaced.
int fallback_on_failure(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel;
  // CHECK: overwritten-on-one-branch.c:[[@LINE+1]]:7: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_try_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+5]]{{$}}
  if (cv_try_with_cancel(parent, &child, &cancel) != 0)
    // CHECK: overwritten-on-one-branch.c:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
    cancel = cv_with_cancel(parent, &child);
  int rc = work(child, 0);
  cv_cancel(cancel);
  return rc;
}

// Negative: both branches keep the first handle; the phi carries it on
// every edge.
int kept_on_both(cv_ctx_t *parent, int x) {
  cv_ctx_t *child;
  // CHECK: overwritten-on-one-branch.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+6]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (x)
    work(child, 1);
  else
    work(child, 2);
  cv_cancel(cancel);
  return 0;
}

// RUN: %cv-remarks clang-O2 %s -I %examples/include > %t.clang.out
// RUN: FileCheck %s < %t.clang.out && grep remark %t.clang.out | count 9
