// A creator whose handle is its result, called for the child context only:
// the result is ignored, so nothing can ever cancel the child.
// DiscardedCancel at the creation. A result kept and cancelled, or kept
// and handed on, is not discarded.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O2 --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);

// The result of the call is dropped.
int result_dropped(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: discarded-ignored-result.c:[[@LINE+1]]:3: remark: DiscardedCancel: the cancel handle from 'cv_with_cancel' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  cv_with_cancel(parent, &child);
  return work(child);
}

// Cast to void: still dropped.
int result_cast_to_void(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: discarded-ignored-result.c:[[@LINE+1]]:9: remark: DiscardedCancel: the cancel handle from 'cv_with_timeout' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  (void)cv_with_timeout(parent, 100, &child);
  return work(child);
}

// Kept in a variable nobody reads.
int kept_but_never_read(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: discarded-ignored-result.c:[[@LINE+1]]:25: remark: DiscardedCancel: the cancel handle from 'cv_with_deadline' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  cv_cancel_t *cancel = cv_with_deadline(parent, 3000, &child);
  return work(child);
}

// `(void)cancel` silences the compiler, not the verifier: at -O0 it reads
// the variable, so the handle counts as used and the return loses it; -O2
// drops the read and the handle is plainly discarded. A finding either way.
int silenced_with_void_cast(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: discarded-ignored-result.c:[[@LINE+2]]:25: remark: LostCancel: returns at {{.*}}discarded-ignored-result.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+2]] by 'cv_with_cancel'{{$}}
  // O2: discarded-ignored-result.c:[[@LINE+1]]:25: remark: DiscardedCancel: the cancel handle from 'cv_with_cancel' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  (void)cancel;
  return work(child);
}

// Negative: the result is kept and cancelled.
int result_cancelled(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: discarded-ignored-result.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// Negative: the result is the function's result; the caller owes it.
cv_cancel_t *result_returned(cv_ctx_t *parent, cv_ctx_t **child) {
  // CHECK: discarded-ignored-result.c:[[@LINE+1]]:10: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is transferred to the caller (returned to the caller at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
  return cv_with_cancel(parent, child);
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
