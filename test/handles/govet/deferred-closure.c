// go vet lostcancel and deferred closures: `var cancel context.CancelFunc
// = func() {}; defer func() { cancel() }(); if d > 0 { ctx, cancel =
// context.WithTimeout(ctx, d) }` -- the deferred closure cancels whatever
// the variable holds when the function returns, including a handle
// assigned after the defer, on one branch only. go vet cannot follow the
// closure.
//
// CancelVerify: the deferred closure is a cleanup attribute on the
// variable. It runs at every exit and cancels the handle assigned later,
// whether it calls cancel unconditionally or only when a handle is there:
// CancelVerified. A handle kept in another variable than the one the
// cleanup reads is lost.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);

__attribute__((noinline)) void cancel_at_exit(cv_cancel_t **cancel) {
  cv_cancel(*cancel);
}

__attribute__((noinline)) void cancel_if_set(cv_cancel_t **cancel) {
  if (*cancel)
    cv_cancel(*cancel);
}

// The closure calls cancel unconditionally (a no-op while nothing is set).
int deferred_unconditional(cv_ctx_t *ctx, long d) {
  __attribute__((cleanup(cancel_at_exit))) cv_cancel_t *cancel = 0;
  if (d > 0)
    // CHECK: deferred-closure.c:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line 21 (through 'cancel_at_exit' at line {{[0-9]+}}){{$}}
    cancel = cv_with_timeout(ctx, d, &ctx);
  return work(ctx);
}

// The closure checks for a handle first.
int deferred_checked(cv_ctx_t *ctx, long d) {
  __attribute__((cleanup(cancel_if_set))) cv_cancel_t *cancel = 0;
  if (d > 0)
    // CHECK: deferred-closure.c:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line 26 (through 'cancel_if_set' at line {{[0-9]+}}){{$}}
    cancel = cv_with_timeout(ctx, d, &ctx);
  return work(ctx);
}

// Positive: the new handle goes to another variable.
int deferred_other_variable(cv_ctx_t *ctx, long d) {
  __attribute__((cleanup(cancel_at_exit))) cv_cancel_t *cancel = 0;
  cv_cancel_t *inner = 0;
  if (d > 0)
    // CHECK: deferred-closure.c:[[@LINE+1]]:13: remark: {{LostCancel|DiscardedCancel}}: {{.*}}'cv_with_timeout'{{.*}}{{$}}
    inner = cv_with_timeout(ctx, d, &ctx);
  (void)cancel;
  return work(ctx);
}
