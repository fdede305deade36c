// A helper of this module that cancels the handle it is given on every
// path discharges it for the caller: CancelVerified at the creation, saying
// which cancel and through which helper call. The helper may cancel in
// several places, through a pointer to the handle, or through a second
// helper.
//
// The helper 'finish' cancels in two places; -O2 merges them into one call
// that has no line left, so there the message names no line inside it.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O2 --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);
void log_msg(const char *msg);

// Cancels on both of its paths.
__attribute__((noinline)) void finish(cv_cancel_t *cancel, int rc) {
  if (rc < 0) {
    log_msg("failed");
    cv_cancel(cancel);
    return;
  }
  cv_cancel(cancel);
}

int uses_finish(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: helper-cancels-all-paths.c:[[@LINE+3]]:25: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel'
  // O0-SAME: {{ }}at line 21 (through 'finish' at line [[@LINE+4]]){{$}}
  // O2-SAME: {{ }}(through 'finish' at line [[@LINE+3]]){{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = work(child);
  finish(cancel, rc);
  return rc;
}

// Takes the address of the variable that holds the handle, and clears it.
__attribute__((noinline)) void release(cv_cancel_t **slot) {
  cv_cancel(*slot);
  *slot = 0;
}

int uses_release(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: helper-cancels-all-paths.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line 40 (through 'release' at line [[@LINE+3]]){{$}}
  cv_cancel_t *cancel = cv_with_timeout(parent, 100, &child);
  int rc = work(child);
  release(&cancel);
  return rc;
}

struct op {
  cv_ctx_t *ctx;
  cv_cancel_t *cancel;
};

// Two levels: the struct's cleanup calls the handle helper. It passes 0 as
// the status, so the helper's cancel on success is the one named.
__attribute__((noinline)) void op_close(struct op *o) {
  finish(o->cancel, 0);
}

int uses_op_close(cv_ctx_t *parent) {
  struct op o;
  // CHECK: helper-cancels-all-paths.c:[[@LINE+3]]:14: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel'
  // O0-SAME: {{ }}at line 24 (through 'op_close' at line [[@LINE+4]]){{$}}
  // O2-SAME: {{ }}(through 'op_close' at line [[@LINE+3]]){{$}}
  o.cancel = cv_with_cancel(parent, &o.ctx);
  int rc = work(o.ctx);
  op_close(&o);
  return rc;
}

// The helper is called on one path and the caller cancels on the other.
int helper_or_cancel(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: helper-cancels-all-paths.c:[[@LINE+3]]:25: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel'
  // O0-SAME: {{ }}at line 21 (through 'finish' at line [[@LINE+5]]) and cancelled by 'cv_cancel' at line [[@LINE+7]]{{$}}
  // O2-SAME: {{ }}(through 'finish' at line [[@LINE+4]]) and cancelled by 'cv_cancel' at line [[@LINE+6]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = work(child);
  if (rc < 0)
    finish(cancel, rc);
  else
    cv_cancel(cancel);
  return rc;
}

// Positive: the helper cancels, but the caller returns before calling it.
int helper_skipped(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: helper-cancels-all-paths.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}helper-cancels-all-paths.c:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return work(parent);
  finish(cancel, 0);
  return 0;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
