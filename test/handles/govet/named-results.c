// go vet lostcancel (Go issue 16230): `func() (ctx context.Context,
// cancel func()) { ctx, cancel = context.WithCancel(bg); return }` -- a
// naked return hands both named results to the caller; the same for a
// function literal. go vet: ok.
//
// CancelVerify: in C the named results are out-parameters, or the fields
// of a returned struct. Either way the caller gets the handle: verified as
// transferred, and the callers are judged where they call.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

void use_context(cv_ctx_t *ctx);

// Both results through out-parameters.
__attribute__((noinline)) void results_by_pointer(cv_ctx_t **ctx,
                                                  cv_cancel_t **cancel) {
  // CHECK: named-results.c:[[#BYPTR:@LINE+1]]:13: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is transferred to the caller (stored for the caller at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
  *cancel = cv_with_cancel(cv_background(), ctx);
}

// Both results in a struct returned by value.
struct ctx_and_cancel {
  cv_ctx_t *ctx;
  cv_cancel_t *cancel;
};

__attribute__((noinline)) struct ctx_and_cancel results_by_value(void) {
  struct ctx_and_cancel r;
  // CHECK: named-results.c:[[#BYVAL:@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is transferred to the caller ({{.*}}); each call of this function is judged as a creation{{$}}
  r.cancel = cv_with_cancel(cv_background(), &r.ctx);
  return r;
}

void caller_by_pointer(void) {
  cv_ctx_t *ctx;
  cv_cancel_t *cancel;
  // CHECK: named-results.c:[[@LINE+1]]:3: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'results_by_pointer' ('results_by_pointer', which creates it with 'cv_with_cancel' at line [[#BYPTR]]) is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  results_by_pointer(&ctx, &cancel);
  use_context(ctx);
  cv_cancel(cancel);
}

void caller_by_value(void) {
  // CHECK: named-results.c:[[@LINE+1]]:29: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'results_by_value' ('results_by_value', which creates it with 'cv_with_cancel' at line [[#BYVAL]]) is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  struct ctx_and_cancel r = results_by_value();
  use_context(r.ctx);
  cv_cancel(r.cancel);
}

// Positive: the caller drops the struct's handle.
void caller_forgets(void) {
  // CHECK: named-results.c:[[@LINE+1]]:29: remark: {{LostCancel|DiscardedCancel}}: {{.*}}'results_by_value' ('results_by_value', which creates it with 'cv_with_cancel' at line [[#BYVAL]]){{.*}}{{$}}
  struct ctx_and_cancel r = results_by_value();
  use_context(r.ctx);
}
