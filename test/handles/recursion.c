// Helpers that recurse, directly or through each other, are followed to a
// fixpoint: the analysis terminates, and a recursive helper that cancels
// at its base case on every path discharges the handle, while one that
// never reaches a cancel does not. A recursive function that creates and
// returns a handle is a creator for its callers.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O2 --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);
void log_msg(const char *msg);

// Drains n items, then cancels.
__attribute__((noinline)) void drain_then_cancel(cv_cancel_t *cancel,
                                                 cv_ctx_t *ctx, int n) {
  if (n > 0) {
    work(ctx);
    drain_then_cancel(cancel, ctx, n - 1);
    return;
  }
  cv_cancel(cancel);
}

int uses_drain(cv_ctx_t *parent, int n) {
  cv_ctx_t *child;
  // CHECK: recursion.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line 22 (through 'drain_then_cancel' at line [[@LINE+2]]){{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  drain_then_cancel(cancel, child, n);
  return 0;
}

// Recurses, but only logs: nothing ever cancels. -O2 sees that the helper
// never reads its parameter and passes it nothing: the handle is unused.
__attribute__((noinline)) void walk_and_log(cv_cancel_t *cancel, int n) {
  if (n <= 0)
    return;
  log_msg("step");
  walk_and_log(cancel, n - 1);
}

int uses_walk(cv_ctx_t *parent, int n) {
  cv_ctx_t *child;
  // O0: recursion.c:[[@LINE+2]]:25: remark: LostCancel: returns at {{.*}}recursion.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+2]] by 'cv_with_cancel'{{$}}
  // O2: recursion.c:[[@LINE+1]]:25: remark: DiscardedCancel: the cancel handle from 'cv_with_cancel' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  walk_and_log(cancel, n);
  return work(child);
}

// Two helpers that call each other; the odd one cancels at the end.
__attribute__((noinline)) void pong(cv_cancel_t *cancel, int n);
__attribute__((noinline)) void ping(cv_cancel_t *cancel, int n) {
  if (n == 0) {
    cv_cancel(cancel);
    return;
  }
  pong(cancel, n - 1);
}
__attribute__((noinline)) void pong(cv_cancel_t *cancel, int n) {
  log_msg("pong");
  ping(cancel, n);
}

int uses_ping(cv_ctx_t *parent, int n) {
  cv_ctx_t *child;
  // CHECK: recursion.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line 55 (through 'ping' at line [[@LINE+3]]){{$}}
  cv_cancel_t *cancel = cv_with_timeout(parent, 100, &child);
  work(child);
  ping(cancel, n);
  return 0;
}

// Two helpers that call each other and drop the handle on one path.
__attribute__((noinline)) void odd(cv_cancel_t *cancel, int n);
__attribute__((noinline)) void even(cv_cancel_t *cancel, int n) {
  if (n < 0)
    return;
  if (n == 0) {
    cv_cancel(cancel);
    return;
  }
  odd(cancel, n - 1);
}
__attribute__((noinline)) void odd(cv_cancel_t *cancel, int n) {
  even(cancel, n - 1);
}

int uses_even(cv_ctx_t *parent, int n) {
  cv_ctx_t *child;
  // CHECK: recursion.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}recursion.c:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'; 'even' cancels it only on some paths{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  even(cancel, n);
  return work(child);
}

// Each level derives a context from the one above and cancels it after
// the levels below are done.
void nest(cv_ctx_t *ctx, int depth) {
  cv_ctx_t *child;
  // CHECK: recursion.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+4]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(ctx, &child);
  if (depth > 0)
    nest(child, depth - 1);
  cv_cancel(cancel);
}

// A recursive creator: the innermost level creates, every level returns it.
// At -O0 the recursive call is itself a call of a creator and is judged
// (transferred again); -O2 turns the recursion into a loop.
__attribute__((noinline)) cv_cancel_t *deepest(cv_ctx_t *ctx, int depth,
                                               cv_ctx_t **out) {
  if (depth == 0)
    // CHECK: recursion.c:[[#DEEPEST:@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is transferred to the caller (returned to the caller at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
    return cv_with_cancel(ctx, out);
  // O0: recursion.c:[[@LINE+1]]:10: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'deepest' ('deepest', which creates it with 'cv_with_cancel' at line [[#DEEPEST]]) is transferred to the caller (returned to the caller at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
  return deepest(ctx, depth - 1, out);
}

int uses_deepest(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: recursion.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'deepest' ('deepest', which creates it with 'cv_with_cancel' at line [[#DEEPEST]]) is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = deepest(parent, 3, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
