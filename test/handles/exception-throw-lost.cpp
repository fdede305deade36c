// A throw that leaves the function while the handle is owed loses it, like
// a return: LostCancel naming the throw. A throw caught inside the
// function before it leaves is not an exit, and a throw before the
// creation owes nothing.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);
void log_msg(const char *msg);

struct Failure {
  int code;
};

// The failure is thrown before the cancel.
int throws_before_cancel(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: exception-throw-lost.cpp:[[@LINE+1]]:25: remark: LostCancel: leaves by an exception at {{.*}}exception-throw-lost.cpp:[[@LINE+4]]{{(:[0-9]+)?}} without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = work(child);
  if (rc < 0)
    throw Failure{rc};
  cv_cancel(cancel);
  return rc;
}

// Rethrown from a handler that forgot the cancel.
int rethrows(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: exception-throw-lost.cpp:[[@LINE+1]]:25: remark: LostCancel: leaves by an exception at {{.*}}exception-throw-lost.cpp:[[@LINE+7]]{{(:[0-9]+)?}} without cancelling the handle created at line [[@LINE+1]] by 'cv_with_timeout'{{$}}
  cv_cancel_t *cancel = cv_with_timeout(parent, 100, &child);
  try {
    if (work(child) < 0)
      throw Failure{1};
  } catch (const Failure &) {
    log_msg("failed");
    throw;
  }
  cv_cancel(cancel);
  return 0;
}

// Negative: caught inside, then cancelled on both ways out of the try.
int caught_inside(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: exception-throw-lost.cpp:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+9]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = 0;
  try {
    if (work(child) < 0)
      throw Failure{2};
  } catch (const Failure &f) {
    rc = f.code;
  }
  cv_cancel(cancel);
  return rc;
}

// Negative: cancelled before the throw.
int cancels_then_throws(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: exception-throw-lost.cpp:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = work(child);
  cv_cancel(cancel);
  if (rc < 0)
    throw Failure{rc};
  return rc;
}

// Negative: the throw comes before the creation.
int throws_before_creation(cv_ctx_t *parent, int ready) {
  cv_ctx_t *child;
  if (!ready)
    throw Failure{3};
  // CHECK: exception-throw-lost.cpp:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
