// go vet lostcancel: `_, cancel := context.WithCancel(bg); if condition {
// cancel() }; return`. go vet: "the cancel function is not used on all
// paths", and "this return statement may be reached without using the
// cancel var".
//
// CancelVerify: LostCancel at the creation, naming the return. Cancelled
// on both arms it is verified.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O2 --implicit-check-not=remark
#include "cv_context.h"

void use_context(cv_ctx_t *ctx);
int condition;

void cancelled_if_condition(void) {
  cv_ctx_t *ctx;
  // -O2 merges the return paths; the exit is named where the merged path ends.
  // O2: cancel-under-condition.c:[[@LINE+2]]:25: remark: LostCancel: returns at {{.*}}cancel-under-condition.c:[[@LINE+7]] without cancelling the handle created at line [[@LINE+2]] by 'cv_with_cancel'{{$}}
  // O0: cancel-under-condition.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}cancel-under-condition.c:[[@LINE+5]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(cv_background(), &ctx);
  use_context(ctx);
  if (condition)
    cv_cancel(cancel);
  return;
}

void cancelled_either_way(void) {
  cv_ctx_t *ctx;
  // -O2 sinks the two cancels into one call that has no line left.
  // CHECK: cancel-under-condition.c:[[@LINE+3]]:25: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel'
  // O0-SAME: {{ }}at line [[@LINE+5]] and cancelled by 'cv_cancel' at line [[@LINE+8]]{{$}}
  // O2-SAME: {{$}}
  cv_cancel_t *cancel = cv_with_cancel(cv_background(), &ctx);
  if (condition) {
    use_context(ctx);
    cv_cancel(cancel);
  } else {
    use_context(0);
    cv_cancel(cancel);
  }
}
