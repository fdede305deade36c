// go vet lostcancel: `func() context.CancelFunc { _, c :=
// context.WithCancel(bg); return c }` -- the cancel function is returned
// to the caller, who may call it. go vet: ok.
//
// CancelVerify: CancelVerified (transferred to the caller), and every call
// of the function is a creation judged at the call site: a caller that
// calls the returned handle is verified, one that drops it is discarded.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

void use_context(cv_ctx_t *ctx);

__attribute__((noinline)) cv_cancel_t *start(void) {
  cv_ctx_t *ctx;
  // CHECK: returned.c:[[#START:@LINE+1]]:20: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is transferred to the caller (returned to the caller at line [[@LINE+3]]); each call of this function is judged as a creation{{$}}
  cv_cancel_t *c = cv_with_cancel(cv_background(), &ctx);
  use_context(ctx);
  return c;
}

void calls_it(void) {
  // CHECK: returned.c:[[@LINE+1]]:20: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'start' ('start', which creates it with 'cv_with_cancel' at line [[#START]]) is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+2]]{{$}}
  cv_cancel_t *c = start();
  cv_cancel(c);
}

void drops_it(void) {
  // CHECK: returned.c:[[@LINE+1]]:3: remark: DiscardedCancel: the cancel handle from 'start' ('start', which creates it with 'cv_with_cancel' at line [[#START]]) is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  start();
}
