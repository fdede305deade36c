// A function that stores the handle it created through an out-parameter
// hands the obligation to its caller, like one that returns it: verified
// (transferred) at its creation, and each call becomes a creation judged
// at the call site.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);

// Stores the handle in *out.
__attribute__((noinline)) int open_child(cv_ctx_t *parent, cv_ctx_t **child,
                                         cv_cancel_t **out) {
  // CHECK: transfer-outparam.c:[[#OPEN:@LINE+1]]:10: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is transferred to the caller (stored for the caller at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
  *out = cv_with_cancel(parent, child);
  return 0;
}

struct session {
  cv_ctx_t *ctx;
  cv_cancel_t *cancel;
  int id;
};

// Stores the handle in a field of the caller's struct.
__attribute__((noinline)) void session_start(struct session *s,
                                             cv_ctx_t *parent) {
  // CHECK: transfer-outparam.c:[[#START:@LINE+1]]:15: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is transferred to the caller (stored for the caller at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
  s->cancel = cv_with_timeout(parent, 30000, &s->ctx);
}

// The caller cancels what it was given.
int caller_cancels(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel;
  // CHECK: transfer-outparam.c:[[@LINE+1]]:3: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'open_child' ('open_child', which creates it with 'cv_with_cancel' at line [[#OPEN]]) is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  open_child(parent, &child, &cancel);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// The caller loses it on an early return.
int caller_loses(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel;
  // CHECK: transfer-outparam.c:[[@LINE+1]]:3: remark: LostCancel: returns at {{.*}}transfer-outparam.c:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'open_child' ('open_child', which creates it with 'cv_with_cancel' at line [[#OPEN]]){{$}}
  open_child(parent, &child, &cancel);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}

// The caller never reads what was stored.
int caller_ignores(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel;
  // CHECK: transfer-outparam.c:[[@LINE+1]]:3: remark: DiscardedCancel: the cancel handle from 'open_child' ('open_child', which creates it with 'cv_with_cancel' at line [[#OPEN]]) is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  open_child(parent, &child, &cancel);
  return work(child);
}

// The struct's handle is cancelled through the field.
int session_run(cv_ctx_t *parent) {
  struct session s;
  s.id = 1;
  // CHECK: transfer-outparam.c:[[@LINE+1]]:3: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'session_start' ('session_start', which creates it with 'cv_with_timeout' at line [[#START]]) is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  session_start(&s, parent);
  int rc = work(s.ctx);
  cv_cancel(s.cancel);
  return rc;
}

// The struct's handle is forgotten.
int session_forgotten(cv_ctx_t *parent) {
  struct session s;
  s.id = 2;
  // CHECK: transfer-outparam.c:[[@LINE+1]]:3: remark: LostCancel: returns at {{.*}}transfer-outparam.c:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'session_start' ('session_start', which creates it with 'cv_with_timeout' at line [[#START]]){{$}}
  session_start(&s, parent);
  if (work(s.ctx) < 0)
    return report_failure(s.ctx);
  cv_cancel(s.cancel);
  return 0;
}

// The out-parameter is passed on to the caller's caller.
__attribute__((noinline)) int open_traced(cv_ctx_t *parent, cv_ctx_t **child,
                                          cv_cancel_t **out) {
  // CHECK: transfer-outparam.c:[[#TRACED:@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'open_child' ('open_child', which creates it with 'cv_with_cancel' at line [[#OPEN]]) is transferred to the caller ({{.*}}); each call of this function is judged as a creation{{$}}
  int rc = open_child(parent, child, out);
  work(*child);
  return rc;
}

int top_cancels(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel;
  // CHECK: transfer-outparam.c:[[@LINE+1]]:3: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'open_traced' ('open_traced', which creates it with 'open_child' at line [[#TRACED]]) is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+2]]{{$}}
  open_traced(parent, &child, &cancel);
  cv_cancel(cancel);
  return work(parent);
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
