// A handle still owed when a return is reached is lost: the remark sits on
// the creation and names the return statement the path leaves by.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O2 --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);
void log_msg(const char *msg);

// The error path returns before the cancel.
int error_path_returns(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: lost-on-early-return.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}lost-on-early-return.c:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}

// The same in a void function, from inside a block.
void void_function_returns(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: lost-on-early-return.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}lost-on-early-return.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_timeout'{{$}}
  cv_cancel_t *cancel = cv_with_timeout(parent, 100, &child);
  if (work(child) < 0) {
    log_msg("work failed");
    return;
  }
  cv_cancel(cancel);
}

// Two early returns, the second one lost: the message names that one.
int second_return_lost(cv_ctx_t *parent, int mode) {
  cv_ctx_t *child;
  // CHECK: lost-on-early-return.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}lost-on-early-return.c:[[@LINE+8]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (mode == 1) {
    cv_cancel(cancel);
    return report_failure(parent);
  }
  if (mode == 2) {
    log_msg("mode 2 is not supported");
    return -2;
  }
  work(child);
  cv_cancel(cancel);
  return 0;
}

// A bare `return -1`: optimized code merges it into the function's one
// return, and the branch that leads there is the closest line left: -O2
// names the `if`.
int bare_return(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: lost-on-early-return.c:[[@LINE+2]]:25: remark: LostCancel: returns at {{.*}}lost-on-early-return.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+2]] by 'cv_with_cancel'{{$}}
  // O2: lost-on-early-return.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}lost-on-early-return.c:[[@LINE+2]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return -1;
  cv_cancel(cancel);
  return 0;
}

// Negative: every early return cancels first.
int every_return_cancels(cv_ctx_t *parent, int mode) {
  cv_ctx_t *child;
  // -O2 merges the first two cancels into one call that has no line left.
  // CHECK: lost-on-early-return.c:[[@LINE+3]]:25: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'cv_with_cancel' is cancelled on every path:
  // O0-SAME: {{ }}cancelled by 'cv_cancel' at line [[@LINE+4]], cancelled by 'cv_cancel' at line [[@LINE+8]] and cancelled by 'cv_cancel' at line [[@LINE+12]]{{$}}
  // O2-SAME: {{ }}cancelled by 'cv_cancel' and cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0) {
    cv_cancel(cancel);
    return report_failure(parent);
  }
  if (mode == 2) {
    cv_cancel(cancel);
    log_msg("mode 2");
    return -2;
  }
  cv_cancel(cancel);
  return 0;
}

// Negative: the early return comes before the creation.
int return_before_creation(cv_ctx_t *parent, int ready) {
  cv_ctx_t *child;
  if (!ready)
    return report_failure(parent);
  // CHECK: lost-on-early-return.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// The cancel sits under a condition and the function falls through to its
// last return: that return is the exit, not the `if` before it.
int conditional_cancel_then_return(cv_ctx_t *parent, int done) {
  cv_ctx_t *child;
  // CHECK: lost-on-early-return.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}lost-on-early-return.c:[[@LINE+5]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = work(child);
  if (done)
    cv_cancel(cancel);
  return rc;
}

// Above -O0 clang leaves every scope through a switch on a cleanup slot
// before the return; the plugin inside clang sees that and names the same
// statements as at -O0.
// RUN: %cv-remarks clang-O1 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
