// Storage that holds a handle still owed is overwritten: the first handle
// can no longer be cancelled. OverwrittenCancel at the overwriting creation
// for the first handle; the second handle gets its own verdict. Cancelling
// the first before reusing the variable is fine.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O2 --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int connect_to(cv_ctx_t *ctx);

// `cancel = ...` again before the first is cancelled.
int reassigned(cv_ctx_t *parent) {
  cv_ctx_t *request, *dial;
  cv_cancel_t *cancel = cv_with_timeout(parent, 2000, &request);
  // CHECK: overwritten-reassign.c:[[@LINE+2]]:12: remark: OverwrittenCancel: the handle created at line [[@LINE-1]] by 'cv_with_timeout' is overwritten at line [[@LINE+2]] before it was cancelled{{$}}
  // CHECK: overwritten-reassign.c:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cancel = cv_with_timeout(request, 200, &dial);
  int rc = connect_to(dial);
  cv_cancel(cancel);
  return rc;
}

// The second handle comes from another creator, and is lost itself.
int reassigned_then_lost(cv_ctx_t *parent, int retry) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  // CHECK: overwritten-reassign.c:[[@LINE+2]]:14: remark: OverwrittenCancel: the handle created at line [[@LINE-1]] by 'cv_with_cancel' is overwritten at line [[@LINE+2]] before it was cancelled{{$}}
  if (retry)
    cancel = cv_with_deadline(parent, 500, &child);
  // CHECK: overwritten-reassign.c:[[@LINE-1]]:14: remark: LostCancel: returns at {{.*}}overwritten-reassign.c:[[@LINE+2]] without cancelling the handle created at line [[@LINE-1]] by 'cv_with_deadline'{{$}}
  if (work(child) < 0)
    return connect_to(parent);
  cv_cancel(cancel);
  return 0;
}

// Negative: the first handle is cancelled before the variable is reused.
int cancelled_then_reused(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: overwritten-reassign.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  work(child);
  cv_cancel(cancel);
  // CHECK: overwritten-reassign.c:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cancel = cv_with_cancel(parent, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// Negative: two variables, two cancels.
int two_variables(cv_ctx_t *parent) {
  cv_ctx_t *request, *dial;
  // CHECK: overwritten-reassign.c:[[@LINE+1]]:33: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+6]]{{$}}
  cv_cancel_t *request_cancel = cv_with_timeout(parent, 2000, &request);
  // CHECK: overwritten-reassign.c:[[@LINE+1]]:30: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *dial_cancel = cv_with_timeout(request, 200, &dial);
  int rc = connect_to(dial);
  cv_cancel(dial_cancel);
  cv_cancel(request_cancel);
  return rc;
}

// Cleared before it was cancelled: overwritten at the store.
int cleared(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = work(child);
  // -O2 keeps no store for the assignment; the overwrite is named at the next
  // statement that has a location.
  // O0: overwritten-reassign.c:[[@LINE+2]]:10: remark: OverwrittenCancel: the handle created at line [[@LINE-4]] by 'cv_with_cancel' is overwritten at line [[@LINE+2]] before it was cancelled{{$}}
  // O2: overwritten-reassign.c:[[@LINE+5]]:1: remark: OverwrittenCancel: the handle created at line [[@LINE-5]] by 'cv_with_cancel' is overwritten at line [[@LINE+5]] before it was cancelled{{$}}
  cancel = 0;
  if (cancel)
    cv_cancel(cancel);
  return rc;
}

// Replaced by a handle the caller passed in.
int replaced_by_parameter(cv_ctx_t *parent, cv_cancel_t *other) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_timeout(parent, 100, &child);
  work(child);
  // -O2 keeps no store for the assignment; the overwrite is named at the next
  // statement that has a location.
  // O0: overwritten-reassign.c:[[@LINE+2]]:10: remark: OverwrittenCancel: the handle created at line [[@LINE-4]] by 'cv_with_timeout' is overwritten at line [[@LINE+2]] before it was cancelled{{$}}
  // O2: overwritten-reassign.c:[[@LINE+2]]:3: remark: OverwrittenCancel: the handle created at line [[@LINE-5]] by 'cv_with_timeout' is overwritten at line [[@LINE+2]] before it was cancelled{{$}}
  cancel = other;
  cv_cancel(cancel);
  return 0;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
