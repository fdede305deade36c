// A helper of this module that cancels the handle on some of its paths
// only does not discharge it: the caller's creation is LostCancel, naming
// the caller's exit and the helper that cancels only sometimes.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);
void log_msg(const char *msg);

// Cancels only on success: a completion callback that forgets failures.
__attribute__((noinline)) void on_complete(cv_cancel_t *cancel, int rc) {
  if (rc < 0) {
    log_msg("failed");
    return;
  }
  cv_cancel(cancel);
}

int uses_on_complete(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: helper-cancels-some-paths.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}helper-cancels-some-paths.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'; 'on_complete' cancels it only on some paths{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = work(child);
  on_complete(cancel, rc);
  return rc;
}

struct op {
  cv_ctx_t *ctx;
  cv_cancel_t *cancel;
  int retries;
};

// Cancels through the struct, except when a retry is still left.
__attribute__((noinline)) int op_done(struct op *o) {
  if (o->retries > 0) {
    o->retries--;
    return 1;
  }
  cv_cancel(o->cancel);
  return 0;
}

int uses_op_done(cv_ctx_t *parent) {
  struct op o;
  o.retries = 1;
  // CHECK: helper-cancels-some-paths.c:[[@LINE+1]]:14: remark: LostCancel: returns at {{.*}}helper-cancels-some-paths.c:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_timeout'; 'op_done' cancels it only on some paths{{$}}
  o.cancel = cv_with_timeout(parent, 100, &o.ctx);
  work(o.ctx);
  return op_done(&o);
}

// A helper that never cancels is no help either; it is not named.
__attribute__((noinline)) void just_logs(cv_cancel_t *cancel) {
  if (!cancel)
    log_msg("no handle");
}

int uses_just_logs(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: helper-cancels-some-paths.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}helper-cancels-some-paths.c:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  just_logs(cancel);
  return work(child);
}

// Negative: the caller covers the helper's gap on the path it leaves
// open, by testing the same condition.
int covers_the_gap(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: helper-cancels-some-paths.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: {{.*}}{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = work(child);
  if (rc < 0)
    cv_cancel(cancel);
  else
    on_complete(cancel, rc);
  return rc;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
