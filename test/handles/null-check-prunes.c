// A null check on the handle prunes the path where it is null: there is no
// handle there, so a return on that path owes nothing. A return on the
// non-null path still does.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include <stddef.h>
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);

// `if (!cancel) return`: the null path has nothing to cancel.
int not_null_check(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: null-check-prunes.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+5]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (!cancel)
    return report_failure(parent);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// `== NULL` against the constant, the other way round.
int equals_null_check(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: null-check-prunes.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+4]]{{$}}
  cv_cancel_t *cancel = cv_with_timeout(parent, 250, &child);
  if (NULL != cancel) {
    work(child);
    cv_cancel(cancel);
  }
  return 0;
}

// Cancel only when non-null, at the end.
int guarded_cancel(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: null-check-prunes.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+4]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = work(child);
  if (cancel)
    cv_cancel(cancel);
  return rc;
}

// Positive: the test is the wrong way round; the non-null path returns.
int inverted_check(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: null-check-prunes.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}null-check-prunes.c:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (cancel != NULL)
    return work(child);
  cv_cancel(cancel);
  return 0;
}

// Positive: the null check guards something else; the non-null path
// returns early all the same.
int null_check_then_leak(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: null-check-prunes.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}null-check-prunes.c:[[@LINE+5]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (!cancel)
    return report_failure(parent);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
