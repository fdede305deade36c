// cv_try_with_cancel is annotated success=ret==0: the handle exists only on
// paths where the call returned 0. A return on the failure path owes
// nothing; a return on the success path without a cancel loses the handle.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);

// The failure path returns at once.
int check_in_condition(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel;
  // CHECK: status-success-ret-eq-0.c:[[@LINE+1]]:7: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_try_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+4]]{{$}}
  if (cv_try_with_cancel(parent, &child, &cancel) != 0)
    return report_failure(parent);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// The status goes through a local first, tested with `if (err)`.
int status_in_local(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel;
  // CHECK: status-success-ret-eq-0.c:[[@LINE+1]]:13: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_try_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+5]]{{$}}
  int err = cv_try_with_cancel(parent, &child, &cancel);
  if (err)
    return report_failure(parent);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// The local holding the status is reused for the work's result after the
// test: the test still reads the creation's status.
int status_local_reused(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel;
  // CHECK: status-success-ret-eq-0.c:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_try_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+5]]{{$}}
  int rc = cv_try_with_cancel(parent, &child, &cancel);
  if (rc)
    return report_failure(parent);
  rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// The success branch does the work and cancels; the failure branch only
// reports. Both reach the same return.
int success_branch_cancels(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel;
  int rc;
  // CHECK: status-success-ret-eq-0.c:[[@LINE+1]]:7: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_try_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  if (cv_try_with_cancel(parent, &child, &cancel) == 0) {
    rc = work(child);
    cv_cancel(cancel);
  } else {
    rc = report_failure(parent);
  }
  return rc;
}

// Positive: the success path returns early without a cancel.
int success_path_leaks(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel;
  // CHECK: status-success-ret-eq-0.c:[[@LINE+1]]:7: remark: LostCancel: returns at {{.*}}status-success-ret-eq-0.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+1]] by 'cv_try_with_cancel'{{$}}
  if (cv_try_with_cancel(parent, &child, &cancel) != 0)
    return report_failure(parent);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}

// Positive: the cancel sits on the failure branch, where there is no
// handle; the success branch returns with it.
int cancel_on_wrong_branch(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel;
  // CHECK: status-success-ret-eq-0.c:[[@LINE+1]]:7: remark: LostCancel: returns at {{.*}}status-success-ret-eq-0.c:[[@LINE+5]] without cancelling the handle created at line [[@LINE+1]] by 'cv_try_with_cancel'{{$}}
  if (cv_try_with_cancel(parent, &child, &cancel) != 0) {
    cv_cancel(cancel);
    return report_failure(parent);
  }
  return work(child);
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
