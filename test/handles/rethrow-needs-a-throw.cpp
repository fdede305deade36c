// A rethrow passes on an exception something inside the try threw. When
// nothing there is known to throw (the standard containers' node and
// buffer allocation: `catch (...) { free the node; throw; }` around
// operator new, assumed not to throw like every function without a body),
// there is nothing to rethrow and the function is not known to throw: the
// code after it is not left by an exception. A rethrow around a call that
// does throw still is an exit.
//
// RUN: %cv-remarks O0 %s -I %examples/include -std=c++17 > %t.O0.out
// RUN: FileCheck %s < %t.O0.out
// RUN: grep -c 'remark: CancelVerified' %t.O0.out | grep -x 3
// RUN: grep -c 'remark: LostCancel' %t.O0.out | grep -x 1
// RUN: grep -c remark %t.O0.out | grep -x 4
// RUN: %cv-remarks O2 %s -I %examples/include -std=c++17 > %t.O2.out
// RUN: FileCheck %s < %t.O2.out
// RUN: grep -c 'remark: CancelVerified' %t.O2.out | grep -x 3
// RUN: grep -c 'remark: LostCancel' %t.O2.out | grep -x 1
// RUN: grep -c remark %t.O2.out | grep -x 4
#include <map>
#include <stdexcept>
#include "cv_context.h"

void release_scratch();
int external_step(cv_ctx_t *ctx);

__attribute__((noinline)) int step_or_release(cv_ctx_t *ctx) {
  try {
    return external_step(ctx);
  } catch (...) {
    release_scratch();
    throw;
  }
}

__attribute__((noinline)) int checked_step(cv_ctx_t *ctx) {
  try {
    if (external_step(ctx) < 0)
      throw std::runtime_error("step failed");
    return 0;
  } catch (...) {
    release_scratch();
    throw;
  }
}

int counted(cv_ctx_t *parent, std::map<int, int> &seen) {
  cv_ctx_t *child;
  // CHECK-DAG: rethrow-needs-a-throw.cpp:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  seen[1] += 1;
  int rc = external_step(child);
  cv_cancel(cancel);
  return rc;
}

int local_map(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK-DAG: rethrow-needs-a-throw.cpp:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  std::map<int, cv_ctx_t *> children;
  children[0] = child;
  int rc = external_step(children[0]);
  cv_cancel(cancel);
  return rc;
}

int through_rethrowing_helper(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK-DAG: rethrow-needs-a-throw.cpp:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = step_or_release(child);
  cv_cancel(cancel);
  return rc;
}

// Positive: checked_step throws, and its handler passes the exception on.
int through_throwing_helper(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK-DAG: rethrow-needs-a-throw.cpp:[[@LINE+1]]:25: remark: LostCancel: leaves by an exception at {{.*}}rethrow-needs-a-throw.cpp:[[@LINE+2]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = checked_step(child);
  cv_cancel(cancel);
  return rc;
}
