// A wrapper that passes its parameter on as the parent of the context it
// creates has that parameter as its parent too: a caller that derives
// through it from a root context while it has a context at hand detaches
// the new context, returned or created into an out-parameter. A wrapper
// that picks its own parent leaves its callers nothing to judge.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);

// CHECK: detached-context-through-wrapper.c:[[@LINE+2]]:10: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'cv_with_timeout' is transferred to the caller (returned to the caller at line [[@LINE+2]]); each call of this function is judged as a creation{{$}}
__attribute__((noinline)) cv_cancel_t *start_call(cv_ctx_t **child, cv_ctx_t *parent) {
  return cv_with_timeout(parent, 100, child);
}

__attribute__((noinline)) int try_start(cv_ctx_t *parent, cv_ctx_t **child,
                                        cv_cancel_t **out) {
  // CHECK: detached-context-through-wrapper.c:[[@LINE+1]]:10: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_try_with_cancel' is transferred to the caller (created in the caller's out-parameter at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
  return cv_try_with_cancel(parent, child, out);
}

// CHECK: detached-context-through-wrapper.c:[[@LINE+2]]:10: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'cv_with_cancel' is transferred to the caller (returned to the caller at line [[@LINE+2]]); each call of this function is judged as a creation{{$}}
__attribute__((noinline)) cv_cancel_t *start_detached(cv_ctx_t **child) {
  return cv_with_cancel(cv_todo(), child);
}

int detached_returned(cv_ctx_t *request) {
  cv_ctx_t *child;
  // CHECK: detached-context-through-wrapper.c:[[@LINE+1]]:25: remark: DetachedContext: the parent of this context is the root context from 'cv_background' at line [[@LINE+1]] although 'detached_returned' has a context at hand ('request'); cancelling the caller will not reach this work{{$}}
  cv_cancel_t *cancel = start_call(&child, cv_background());
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

int detached_out_parameter(cv_ctx_t *request) {
  cv_ctx_t *child;
  cv_cancel_t *cancel;
  // CHECK: detached-context-through-wrapper.c:[[@LINE+1]]:7: remark: DetachedContext: the parent of this context is the root context from 'cv_background' at line [[@LINE+1]] although 'detached_out_parameter' has a context at hand ('request'); cancelling the caller will not reach this work{{$}}
  if (try_start(cv_background(), &child, &cancel) != 0)
    return -1;
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

int derived_from_request(cv_ctx_t *request) {
  cv_ctx_t *child;
  // CHECK: detached-context-through-wrapper.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'start_call' ('start_call', which creates it with 'cv_with_timeout' at line 15) is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = start_call(&child, request);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// The wrapper chose the root itself; what its caller has at hand is not
// its business.
int wrapper_chose(cv_ctx_t *request) {
  cv_ctx_t *child;
  // CHECK: detached-context-through-wrapper.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'start_detached' ('start_detached', which creates it with 'cv_with_cancel' at line 26) is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = start_detached(&child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
