// A root context can come through a function of the module that returns
// one: the creation is detached all the same when a context is at hand.
// A wrapper that may return a real context is not a root.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);

__attribute__((noinline)) cv_ctx_t *app_background(void) {
  return cv_background();
}

__attribute__((noinline)) cv_ctx_t *app_context(cv_ctx_t *given) {
  return given ? given : cv_background();
}

int handler(cv_ctx_t *request) {
  cv_ctx_t *child;
  // CHECK: detached-context-root-wrapper.c:[[@LINE+1]]:25: remark: DetachedContext: the parent of this context is the root context from 'app_background' at line [[@LINE+1]] although 'handler' has a context at hand ('request'); cancelling the caller will not reach this work{{$}}
  cv_cancel_t *cancel = cv_with_timeout(app_background(), 100, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

int handler_with_fallback(cv_ctx_t *request) {
  cv_ctx_t *child;
  // CHECK: detached-context-root-wrapper.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_timeout(app_context(request), 100, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
