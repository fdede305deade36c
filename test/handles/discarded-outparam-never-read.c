// A creator that hands its handle through an out-parameter: when the
// variable it wrote is never read, nothing can cancel the child.
// DiscardedCancel at the creation. Reading it to cancel, or passing the
// out-parameter on to the caller, is not discarded.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);

// The status is checked, the handle never read.
int handle_never_read(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel;
  // CHECK: discarded-outparam-never-read.c:[[@LINE+1]]:7: remark: DiscardedCancel: the cancel handle from 'cv_try_with_cancel' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  if (cv_try_with_cancel(parent, &child, &cancel) != 0)
    return report_failure(parent);
  return work(child);
}

// Neither the status nor the handle is looked at.
int nothing_read(cv_ctx_t *parent) {
  cv_ctx_t *child = parent;
  cv_cancel_t *cancel;
  // CHECK: discarded-outparam-never-read.c:[[@LINE+1]]:3: remark: DiscardedCancel: the cancel handle from 'cv_try_with_cancel' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  cv_try_with_cancel(parent, &child, &cancel);
  return work(child);
}

// Negative: the out-parameter is read and cancelled.
int handle_cancelled(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel;
  // CHECK: discarded-outparam-never-read.c:[[@LINE+1]]:7: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_try_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+4]]{{$}}
  if (cv_try_with_cancel(parent, &child, &cancel) != 0)
    return report_failure(parent);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// Negative: the caller's out-parameter receives the handle.
int handle_for_caller(cv_ctx_t *parent, cv_ctx_t **child,
                      cv_cancel_t **cancel) {
  // CHECK: discarded-outparam-never-read.c:[[@LINE+1]]:10: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_try_with_cancel' is transferred to the caller ({{.*}}); each call of this function is judged as a creation{{$}}
  return cv_try_with_cancel(parent, child, cancel);
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
