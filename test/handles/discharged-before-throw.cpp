// A callee that discharges the handle before it lets an exception out
// (a helper that cancels and then throws, a constructor that calls the
// deleter it was given and rethrows) leaves nothing owed on the caller's
// exception edge. A helper that throws first still loses the handle on the
// exception path.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include <stdexcept>
#include "cv_context.h"

int work(cv_ctx_t *ctx);

__attribute__((noinline)) void cancel_then_throw(cv_cancel_t *c, int rc) {
  if (rc < 0) {
    cv_cancel(c);
    throw std::runtime_error("failed");
  }
  cv_cancel(c);
}

int cancels_before_throwing(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: discharged-before-throw.cpp:[[@LINE+1]]:20: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' {{.*}}(through 'cancel_then_throw{{.*}}' at line [[@LINE+2]]){{$}}
  cv_cancel_t *c = cv_with_cancel(parent, &child);
  cancel_then_throw(c, work(child));
  return 0;
}

__attribute__((noinline)) void throw_then_cancel(cv_cancel_t *c, int rc) {
  if (rc < 0)
    throw std::runtime_error("failed");
  cv_cancel(c);
}

// Positive: the exception leaves before the cancel.
int throws_before_cancelling(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: discharged-before-throw.cpp:[[@LINE+1]]:20: remark: LostCancel: leaves by an exception at {{.*}}discharged-before-throw.cpp:{{[0-9]+}} without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'; 'throw_then_cancel(cv_cancel*, int)' cancels it only on some paths{{$}}
  cv_cancel_t *c = cv_with_cancel(parent, &child);
  throw_then_cancel(c, work(child));
  return 0;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
