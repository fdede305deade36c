// A handle passed to a function the verifier knows nothing about (no
// annotation, no model, no body in this module), or to an indirect call it
// cannot resolve, may be cancelled there or not: CancelEscapes at the
// creation, naming the call. Under -cancel-verify-strict the same handle
// is reported as LostCancel. Passing only the child context to such a
// function, or the handle to a function whose body is here, is judged as
// usual.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,DEFAULT --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,DEFAULT --implicit-check-not=remark
// RUN: %cv-remarks O0 %s -I %examples/include -mllvm -cancel-verify-strict | FileCheck %s --check-prefixes=CHECK,STRICT --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include -mllvm -cancel-verify-strict | FileCheck %s --check-prefixes=CHECK,STRICT --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);
/* Defined in another library: what it does with the handle is unknown. */
void register_for_shutdown(cv_cancel_t *cancel);
void trace_context(cv_ctx_t *ctx);

// Handed to an external function.
int external_callee(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // DEFAULT: escapes-unknown-callee.c:[[@LINE+2]]:25: remark: CancelEscapes: the handle created at line [[@LINE+2]] by 'cv_with_cancel' escapes: passed to 'register_for_shutdown', which has no model and no body here at line [[@LINE+3]]; it cannot be followed{{$}}
  // STRICT: escapes-unknown-callee.c:[[@LINE+1]]:25: remark: LostCancel: the handle created at line [[@LINE+1]] by 'cv_with_cancel' escapes: passed to 'register_for_shutdown', which has no model and no body here at line [[@LINE+2]]; it cannot be followed (reported as lost under -cancel-verify-strict){{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  register_for_shutdown(cancel);
  return work(child);
}

// Handed to a callback the caller supplied: an indirect call.
int indirect_callee(cv_ctx_t *parent, void (*on_ready)(cv_cancel_t *)) {
  cv_ctx_t *child;
  // DEFAULT: escapes-unknown-callee.c:[[@LINE+2]]:25: remark: CancelEscapes: the handle created at line [[@LINE+2]] by 'cv_with_timeout' escapes: passed to an indirect call at line [[@LINE+4]]; it cannot be followed{{$}}
  // STRICT: escapes-unknown-callee.c:[[@LINE+1]]:25: remark: LostCancel: the handle created at line [[@LINE+1]] by 'cv_with_timeout' escapes: passed to an indirect call at line [[@LINE+3]]; it cannot be followed (reported as lost under -cancel-verify-strict){{$}}
  cv_cancel_t *cancel = cv_with_timeout(parent, 100, &child);
  int rc = work(child);
  on_ready(cancel);
  return rc;
}

// Negative: only the child context goes to the external function.
int context_to_external(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: escapes-unknown-callee.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  trace_context(child);
  cv_cancel(cancel);
  return 0;
}

// A function of this module that only looks at the handle.
__attribute__((noinline)) int is_set(cv_cancel_t *cancel) {
  return cancel != 0;
}

// Negative: the handle goes to a function whose body is here and that does
// not keep it; the caller cancels.
int known_callee(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: escapes-unknown-callee.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = is_set(cancel) ? work(child) : -1;
  cv_cancel(cancel);
  return rc;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,DEFAULT --implicit-check-not=remark
// RUN: %cv-remarks clang-O2 %s -I %examples/include -mllvm -cancel-verify-strict | FileCheck %s --check-prefixes=CHECK,STRICT --implicit-check-not=remark
