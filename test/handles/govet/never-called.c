// go vet lostcancel: the cancel function is never called on any path
// (the variable is looked at, so it is not discarded). go vet: "the cancel
// function is not used on all paths".
//
// CancelVerify: the handle is used (tested for null) but never cancelled;
// the return after the test loses it: LostCancel naming that return. The
// null path has no handle and owes nothing.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);

int never_called(void) {
  cv_ctx_t *ctx;
  // CHECK: never-called.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}never-called.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(cv_background(), &ctx);
  if (!cancel)
    return -1;
  return work(ctx);
}
