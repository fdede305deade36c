// Paths that end in abort(), exit(), or a call to a noreturn function end
// in `unreachable`: the process (or thread) goes away and no handle can
// leak past it. They are not exits. A path that calls an ordinary
// function and returns is one.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include <stdlib.h>
#include <pthread.h>
#include "cv_context.h"

int work(cv_ctx_t *ctx);
void log_msg(const char *msg);
_Noreturn void fatal(const char *msg);
__attribute__((noreturn)) void die(int code);

// abort() on the failure path.
int aborts_on_failure(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: abort-paths-not-exits.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+4]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    abort();
  cv_cancel(cancel);
  return 0;
}

// exit(), a _Noreturn function, a noreturn-attributed function and
// pthread_exit, one per case.
int noreturn_cases(cv_ctx_t *parent, int mode) {
  cv_ctx_t *child;
  // CHECK: abort-paths-not-exits.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+14]]{{$}}
  cv_cancel_t *cancel = cv_with_timeout(parent, 100, &child);
  switch (mode) {
  case 1:
    exit(1);
  case 2:
    fatal("mode 2");
  case 3:
    die(3);
  case 4:
    pthread_exit(0);
  default:
    break;
  }
  cv_cancel(cancel);
  return work(parent);
}

// Every path ends the process: nothing is owed, nothing cancelled.
void serve_forever(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: abort-paths-not-exits.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' needs no cancel: no path returns from 'serve_forever' with it{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (cancel)
    work(child);
  exit(work(child));
}

// A helper that always exits counts as noreturn once it is known to be.
__attribute__((noinline, noreturn)) void shut_down(cv_ctx_t *ctx) {
  work(ctx);
  exit(2);
}

int helper_exits(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: abort-paths-not-exits.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+4]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    shut_down(child);
  cv_cancel(cancel);
  return 0;
}

// Positive: the failure path logs and returns; logging is not noreturn.
int logs_and_returns(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: abort-paths-not-exits.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}abort-paths-not-exits.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0) {
    log_msg("failed");
    return -1;
  }
  cv_cancel(cancel);
  return 0;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
