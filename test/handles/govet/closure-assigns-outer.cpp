// go vet lostcancel (Go issue 31856): `var cancel func(); func() { _,
// cancel = context.WithCancel(bg) }(); cancel()` -- a closure assigns the
// outer cancel variable and the outer function calls it. go vet: ok.
//
// CancelVerify: a lambda capturing the variable by reference stores the
// handle for its caller. At -O0 the lambda is a function of its own: its
// creation is transferred, and its call is a creation judged in the outer
// function, which cancels. At -O2 the lambda is inlined and the creation
// is the outer function's own, located at the lambda's call. Verified
// either way; forgetting the cancel afterwards is lost.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --check-prefix=O0 --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --check-prefix=O2 --implicit-check-not=remark
#include "cv_context.h"

void use_context(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);

void closure_assigns(void) {
  cv_cancel_t *cancel = nullptr;
  cv_ctx_t *ctx = nullptr;
  // O0: closure-assigns-outer.cpp:[[@LINE+3]]:3: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'closure_assigns()::$_0::operator()() const' ('closure_assigns()::$_0::operator()() const', which creates it with 'cv_with_cancel' at line [[@LINE+3]]) is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+5]]{{$}}
  // O0: closure-assigns-outer.cpp:[[@LINE+2]]:18: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'cv_with_cancel' is transferred to the caller (stored for the caller at line [[@LINE+2]]); each call of this function is judged as a creation{{$}}
  // O2: closure-assigns-outer.cpp:[[@LINE+1]]:3: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  [&] { cancel = cv_with_cancel(cv_background(), &ctx); }();
  use_context(ctx);
  cv_cancel(cancel);
}

// Positive: the outer function returns early without calling it.
int closure_assigns_then_forgets(void) {
  cv_cancel_t *cancel = nullptr;
  cv_ctx_t *ctx = nullptr;
  // O0: closure-assigns-outer.cpp:[[@LINE+3]]:3: remark: LostCancel: returns at {{.*}}closure-assigns-outer.cpp:[[@LINE+5]] without cancelling the handle created at line [[@LINE+3]] by 'closure_assigns_then_forgets()::$_0::operator()() const' ('closure_assigns_then_forgets()::$_0::operator()() const', which creates it with 'cv_with_cancel' at line [[@LINE+3]]){{$}}
  // O0: closure-assigns-outer.cpp:[[@LINE+2]]:18: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'cv_with_cancel' is transferred to the caller (stored for the caller at line [[@LINE+2]]); each call of this function is judged as a creation{{$}}
  // O2: closure-assigns-outer.cpp:[[@LINE+1]]:3: remark: LostCancel: returns at {{.*}}closure-assigns-outer.cpp:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  [&] { cancel = cv_with_cancel(cv_background(), &ctx); }();
  if (!ctx)
    return report_failure(ctx);
  cv_cancel(cancel);
  return 0;
}
