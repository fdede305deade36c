// cv_defer(defers, cancel) registers the handle with a cleanup list that
// cancels it when the list runs, like Go's `defer cancel()`: it discharges
// the handle on every path after it. A return before the registration is
// still a lost handle.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);

// Deferred right after creation; the early return is covered.
int deferred_at_once(cv_ctx_t *parent, cv_defers_t *defers) {
  cv_ctx_t *child;
  // CHECK: defer.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is deferred on every path: deferred by 'cv_defer' at line [[@LINE+2]]{{$}}
  cv_cancel_t *cancel = cv_with_timeout(parent, 1000, &child);
  cv_defer(defers, cancel);
  if (work(child) < 0)
    return report_failure(child);
  return work(parent);
}

// Deferred on one branch, cancelled on the other.
int deferred_or_cancelled(cv_ctx_t *parent, cv_defers_t *defers, int keep) {
  cv_ctx_t *child;
  // CHECK: defer.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is {{.*}}deferred by 'cv_defer' at line [[@LINE+3]]{{.*}}cancelled by 'cv_cancel' at line [[@LINE+5]]{{.*}}{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (keep)
    cv_defer(defers, cancel);
  else
    cv_cancel(cancel);
  return work(child);
}

// Positive: a return comes before the registration.
int deferred_too_late(cv_ctx_t *parent, cv_defers_t *defers) {
  cv_ctx_t *child;
  // CHECK: defer.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}defer.c:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_defer(defers, cancel);
  return work(parent);
}

// Positive: registered only on one branch.
int deferred_on_one_branch(cv_ctx_t *parent, cv_defers_t *defers, int keep) {
  cv_ctx_t *child;
  // CHECK: defer.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}defer.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (keep)
    cv_defer(defers, cancel);
  return work(child);
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
