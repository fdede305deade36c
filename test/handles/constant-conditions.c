// Conditions that are constants in disguise decide the way: a global of
// this translation unit that nothing writes, a constant global, a function
// of the module that always returns the same constant. Paths they exclude
// cannot leak. A global other units may write is not a constant: the path
// where it says "do not cancel" is LostCancel.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);
static int fast = 0;
static const int verbose = 1;
int tunable = 0;
static __attribute__((noinline)) int always(void) { return 1; }

int never_written(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: constant-conditions.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+5]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = work(child);
  if (fast) {
  } else
    cv_cancel(cancel);
  return rc;
}

int constant_global(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: constant-conditions.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (verbose)
    cv_cancel(cancel);
  return work(child);
}

int constant_function(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: constant-conditions.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (always() == 1)
    cv_cancel(cancel);
  return work(child);
}

int written_elsewhere(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: constant-conditions.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}constant-conditions.c:[[@LINE+5]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = work(child);
  if (!tunable)
    cv_cancel(cancel);
  return rc;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
