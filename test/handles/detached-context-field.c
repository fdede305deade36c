// The context at hand can be a field of a parameter: a request struct that
// carries the caller's context. A creation from a root while `r->ctx` is
// there is DetachedContext, naming the field.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);

struct request {
  int id;
  cv_ctx_t *ctx;
  const char *path;
};

// The request's context is ignored.
int serve_detached(struct request *r) {
  cv_ctx_t *child;
  // CHECK: detached-context-field.c:[[@LINE+1]]:25: remark: DetachedContext: the parent of this context is the root context from 'cv_background' at line [[@LINE+1]] although 'serve_detached' has a context at hand ('r->ctx'); cancelling the caller will not reach this work{{$}}
  cv_cancel_t *cancel = cv_with_timeout(cv_background(), 500, &child);
  int rc = work(child) + r->id;
  cv_cancel(cancel);
  return rc;
}

// Through a typedef of the struct.
typedef struct request request_t;
int serve_todo(const request_t *req) {
  cv_ctx_t *child;
  // CHECK: detached-context-field.c:[[@LINE+1]]:25: remark: DetachedContext: the parent of this context is the root context from 'cv_todo' at line [[@LINE+1]] although 'serve_todo' has a context at hand ('req->ctx'); cancelling the caller will not reach this work{{$}}
  cv_cancel_t *cancel = cv_with_cancel(cv_todo(), &child);
  int rc = work(child) + req->id;
  cv_cancel(cancel);
  return rc;
}

// Negative: derived from the request's context.
int serve_derived(struct request *r) {
  cv_ctx_t *child;
  // CHECK: detached-context-field.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_timeout(r->ctx, 500, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// Negative: a struct without a context field; a root is the only choice.
struct job {
  int id;
  const char *name;
};
int run_job(struct job *j) {
  cv_ctx_t *child;
  // CHECK: detached-context-field.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(cv_background(), &child);
  int rc = work(child) + j->id;
  cv_cancel(cancel);
  return rc;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
