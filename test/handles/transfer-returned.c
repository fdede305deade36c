// A function that returns the handle it created hands the obligation to its
// caller: CancelVerified (transferred) at its creation, and every call of
// it becomes a creation judged at the call site, with a message that names
// the function and the creator inside it.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include <stddef.h>
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);

// Returns the handle; the caller owes it.
__attribute__((noinline)) cv_cancel_t *start_request(cv_ctx_t *parent,
                                                     cv_ctx_t **child) {
  // CHECK: transfer-returned.c:[[#REQ:@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is transferred to the caller (returned to the caller at line [[@LINE+2]]); each call of this function is judged as a creation{{$}}
  cv_cancel_t *cancel = cv_with_timeout(parent, 1000, child);
  return cancel;
}

// Returns the handle, or NULL when it cannot start.
__attribute__((noinline)) cv_cancel_t *maybe_start(cv_ctx_t *parent,
                                                   cv_ctx_t **child, int ok) {
  if (!ok)
    return NULL;
  // CHECK: transfer-returned.c:[[#MAYBE:@LINE+1]]:10: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is transferred to the caller (returned to the caller at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
  return cv_with_cancel(parent, child);
}

// The caller cancels: verified at the call.
int caller_cancels(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: transfer-returned.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'start_request' ('start_request', which creates it with 'cv_with_timeout' at line [[#REQ]]) is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = start_request(parent, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// The caller returns early without cancelling: lost at the call.
int caller_loses(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: transfer-returned.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}transfer-returned.c:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'start_request' ('start_request', which creates it with 'cv_with_timeout' at line [[#REQ]]){{$}}
  cv_cancel_t *cancel = start_request(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}

// The caller drops the result: discarded at the call.
int caller_drops(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: transfer-returned.c:[[@LINE+1]]:3: remark: DiscardedCancel: the cancel handle from 'start_request' ('start_request', which creates it with 'cv_with_timeout' at line [[#REQ]]) is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  start_request(parent, &child);
  return work(child);
}

// The NULL the creator may return needs no cancel; a null check prunes it.
int caller_checks_null(cv_ctx_t *parent, int ok) {
  cv_ctx_t *child;
  // CHECK: transfer-returned.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'maybe_start' ('maybe_start', which creates it with 'cv_with_cancel' at line [[#MAYBE]]) is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+5]]{{$}}
  cv_cancel_t *cancel = maybe_start(parent, &child, ok);
  if (!cancel)
    return report_failure(parent);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// A middle layer that passes the handle up once more: transferred again,
// and its own callers are judged.
__attribute__((noinline)) cv_cancel_t *start_traced(cv_ctx_t *parent,
                                                    cv_ctx_t **child) {
  // CHECK: transfer-returned.c:[[#TRACED:@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'start_request' ('start_request', which creates it with 'cv_with_timeout' at line [[#REQ]]) is transferred to the caller (returned to the caller at line [[@LINE+3]]); each call of this function is judged as a creation{{$}}
  cv_cancel_t *cancel = start_request(parent, child);
  work(*child);
  return cancel;
}

int top_cancels(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: transfer-returned.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'start_traced' ('start_traced', which creates it with 'start_request' at line [[#TRACED]]) is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = start_traced(parent, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
