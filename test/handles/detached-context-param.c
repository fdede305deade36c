// A creation whose parent is a root context (cv_background, cv_todo) while
// the function was given a context: cancelling the caller's context never
// reaches the child. DetachedContext at the creation, naming the context
// at hand. Deriving from the parameter, or using a root where there is no
// context to use, is fine.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);

// The handler's context is ignored for a fresh background one.
int handler_detaches(cv_ctx_t *req_ctx, int fd) {
  cv_ctx_t *child;
  // CHECK: detached-context-param.c:[[@LINE+1]]:25: remark: DetachedContext: the parent of this context is the root context from 'cv_background' at line [[@LINE+1]] although 'handler_detaches' has a context at hand ('req_ctx'); cancelling the caller will not reach this work{{$}}
  cv_cancel_t *cancel = cv_with_timeout(cv_background(), 1000, &child);
  int rc = work(child) + fd;
  cv_cancel(cancel);
  return rc;
}

// The root goes through a local first, and it is cv_todo.
int todo_through_local(cv_ctx_t *ctx) {
  cv_ctx_t *root = cv_todo();
  cv_ctx_t *child;
  // CHECK: detached-context-param.c:[[@LINE+1]]:25: remark: DetachedContext: the parent of this context is the root context from 'cv_todo' at line [[@LINE-2]] although 'todo_through_local' has a context at hand ('ctx'); cancelling the caller will not reach this work{{$}}
  cv_cancel_t *cancel = cv_with_cancel(root, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// Negative: derived from the parameter.
int handler_derives(cv_ctx_t *req_ctx) {
  cv_ctx_t *child;
  // CHECK: detached-context-param.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_timeout(req_ctx, 1000, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// Negative: no context at hand; a root is the only choice.
int background_job(int fd) {
  cv_ctx_t *child;
  // CHECK: detached-context-param.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(cv_background(), &child);
  int rc = work(child) + fd;
  cv_cancel(cancel);
  return rc;
}

// A detached creation that is also lost: the lost handle is the more
// serious finding and is the one reported.
int detached_and_lost(cv_ctx_t *ctx) {
  cv_ctx_t *child;
  // CHECK: detached-context-param.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}detached-context-param.c:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(cv_background(), &child);
  if (work(child) < 0)
    return work(ctx);
  cv_cancel(cancel);
  return 0;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
