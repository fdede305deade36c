// go vet lostcancel: the three creators (WithCancel, WithDeadline,
// WithTimeout) in the three ways a cancel variable gets its value (a
// declaration with an initializer, a short declaration, a plain assignment
// to a declared variable), where the variable is only looked at inside
// `if false`. go vet: "the cancel function is not used on all paths".
//
// CancelVerify: code under a constant false condition never runs, so the
// handle is never used: DiscardedCancel for each.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

void use_handle(cv_cancel_t *cancel);

void declared_with_initializer(void) {
  cv_ctx_t *ctx;
  // CHECK: declaration-forms.c:[[@LINE+1]]:25: remark: DiscardedCancel: the cancel handle from 'cv_with_cancel' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  cv_cancel_t *cancel = cv_with_cancel(cv_background(), &ctx);
  if (0)
    use_handle(cancel);
}

void declared_with_deadline(void) {
  cv_ctx_t *ctx;
  // CHECK: declaration-forms.c:[[@LINE+1]]:26: remark: DiscardedCancel: the cancel handle from 'cv_with_deadline' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  cv_cancel_t *cancel2 = cv_with_deadline(cv_background(), 0, &ctx);
  if (0)
    use_handle(cancel2);
}

void assigned_later(void) {
  cv_ctx_t *ctx;
  cv_cancel_t *cancel3;
  // CHECK: declaration-forms.c:[[@LINE+1]]:13: remark: DiscardedCancel: the cancel handle from 'cv_with_timeout' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  cancel3 = cv_with_timeout(cv_background(), 0, &ctx);
  if (0)
    use_handle(cancel3);
}
