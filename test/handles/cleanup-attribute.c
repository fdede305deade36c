// __attribute__((cleanup(fn))) runs fn on the variable's address whenever
// the scope is left: a cleanup that cancels guards the handle on every
// path, early returns included. A cleanup that only cancels sometimes does
// not, and a cleanup on a variable the handle never reaches guards
// nothing.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);

__attribute__((noinline)) void cancel_at_exit(cv_cancel_t **cancel) {
  cv_cancel(*cancel);
}
#define CANCEL_AT_EXIT __attribute__((cleanup(cancel_at_exit)))

// The early return is covered by the cleanup.
int guarded(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: cleanup-attribute.c:[[@LINE+1]]:40: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line 15 (through 'cancel_at_exit' at line {{[0-9]+}}){{$}}
  CANCEL_AT_EXIT cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  return work(parent);
}

// The cleanup tests for null, for variables that may never get a handle.
__attribute__((noinline)) void cancel_if_set(cv_cancel_t **cancel) {
  if (*cancel)
    cv_cancel(*cancel);
}

int guarded_late(cv_ctx_t *parent, int bounded) {
  __attribute__((cleanup(cancel_if_set))) cv_cancel_t *cancel = 0;
  cv_ctx_t *ctx = parent;
  if (bounded)
    // CHECK: cleanup-attribute.c:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line 32 (through 'cancel_if_set' at line {{[0-9]+}}){{$}}
    cancel = cv_with_timeout(parent, 100, &ctx);
  return work(ctx);
}

// Positive: a cleanup that cancels only when told to.
struct maybe_cancel {
  cv_cancel_t *cancel;
  int armed;
};
__attribute__((noinline)) void cancel_if_armed(struct maybe_cancel *m) {
  if (m->armed)
    cv_cancel(m->cancel);
}

int half_guarded(cv_ctx_t *parent, int armed) {
  cv_ctx_t *child;
  __attribute__((cleanup(cancel_if_armed))) struct maybe_cancel m;
  m.armed = armed;
  // CHECK: cleanup-attribute.c:[[@LINE+1]]:14: remark: LostCancel: returns at {{.*}}cleanup-attribute.c:[[@LINE+2]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'; 'cancel_if_armed' cancels it only on some paths{{$}}
  m.cancel = cv_with_cancel(parent, &child);
  return work(child);
}

// Positive: the cleanup sits on another variable; the handle's own
// variable has none.
int wrong_variable(cv_ctx_t *parent) {
  cv_ctx_t *child;
  CANCEL_AT_EXIT cv_cancel_t *spare = 0;
  // CHECK: cleanup-attribute.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}cleanup-attribute.c:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
