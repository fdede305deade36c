// A handle cancelled on every path from its creation to every return is
// verified, and the message says where it was cancelled. Branches, switches
// and loops in between do not matter as long as no path skips the cancel.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int step(cv_ctx_t *ctx, int i);
void log_msg(const char *msg);

// One cancel after the branches join.
int cancel_after_join(cv_ctx_t *parent, int mode) {
  cv_ctx_t *child;
  int rc;
  // CHECK: verified-cancel-all-paths.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+6]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (mode)
    rc = work(child);
  else
    rc = step(child, 0);
  cv_cancel(cancel);
  return rc;
}

// Each arm of an if/else cancels.
int cancel_in_both_arms(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: verified-cancel-all-paths.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_deadline' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]] and cancelled by 'cv_cancel' at line [[@LINE+8]]{{$}}
  cv_cancel_t *cancel = cv_with_deadline(parent, 5000, &child);
  if (work(child) < 0) {
    cv_cancel(cancel);
    log_msg("failed");
    return -1;
  } else {
    log_msg("done");
    cv_cancel(cancel);
  }
  return 0;
}

// Every case of a switch cancels before it returns.
int cancel_in_every_case(cv_ctx_t *parent, int kind) {
  cv_ctx_t *child;
  // CHECK: verified-cancel-all-paths.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+4]], cancelled by 'cv_cancel' at line [[@LINE+8]] and cancelled by 'cv_cancel' at line [[@LINE+11]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  switch (kind) {
  case 0:
    cv_cancel(cancel);
    return work(parent);
  case 1:
    log_msg("one");
    cv_cancel(cancel);
    return step(parent, 1);
  default:
    cv_cancel(cancel);
    break;
  }
  return 0;
}

// A loop between creation and cancel, left by a break.
int loop_then_cancel(cv_ctx_t *parent, int n) {
  cv_ctx_t *child;
  // CHECK: verified-cancel-all-paths.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+6]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  for (int i = 0; i < n; ++i) {
    if (step(child, i) < 0)
      break;
  }
  cv_cancel(cancel);
  return 0;
}

// Positive: one case forgets; the message names the return of that case.
int one_case_forgets(cv_ctx_t *parent, int kind) {
  cv_ctx_t *child;
  // CHECK: verified-cancel-all-paths.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}verified-cancel-all-paths.c:[[@LINE+8]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  switch (kind) {
  case 0:
    cv_cancel(cancel);
    return work(parent);
  case 1:
    log_msg("one");
    return step(child, 1);
  default:
    cv_cancel(cancel);
    break;
  }
  return 0;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
