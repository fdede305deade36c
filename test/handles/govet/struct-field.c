// go vet lostcancel only follows local variables: `ctx, t.cancel =
// context.WithCancel(ctx)` stores the cancel function in a struct field
// for later, and go vet says nothing.
//
// CancelVerify: a field of a struct the caller passed in holds the handle
// for the caller: CancelVerified (transferred), and each call is judged
// where it is made, including a caller that never reads the field. A
// field of a local struct is followed like a local variable.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

int serve(cv_ctx_t *ctx);

struct server {
  cv_ctx_t *ctx;
  cv_cancel_t *cancel;
};

// Stored in the caller's struct for a later stop.
__attribute__((noinline)) void server_start(struct server *s, cv_ctx_t *ctx) {
  // CHECK: struct-field.c:[[#START:@LINE+1]]:15: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is transferred to the caller (stored for the caller at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
  s->cancel = cv_with_cancel(ctx, &s->ctx);
}

__attribute__((noinline)) void server_stop(struct server *s) {
  cv_cancel(s->cancel);
}

// The later stop happens.
int run_and_stop(cv_ctx_t *ctx) {
  struct server s;
  // CHECK: struct-field.c:[[@LINE+1]]:3: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'server_start' ('server_start', which creates it with 'cv_with_cancel' at line [[#START]]) is cancelled on every path: cancelled by 'cv_cancel' at line 28 (through 'server_stop' at line [[@LINE+3]]){{$}}
  server_start(&s, ctx);
  int rc = serve(s.ctx);
  server_stop(&s);
  return rc;
}

// Positive: the later stop never comes; nothing reads the field.
int run_without_stop(cv_ctx_t *ctx) {
  struct server s;
  // CHECK: struct-field.c:[[@LINE+1]]:3: remark: DiscardedCancel: the cancel handle from 'server_start' ('server_start', which creates it with 'cv_with_cancel' at line [[#START]]) is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  server_start(&s, ctx);
  return serve(s.ctx);
}

// A local struct's field, cancelled directly.
int local_field(cv_ctx_t *ctx) {
  struct server s;
  // CHECK: struct-field.c:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+2]]{{$}}
  s.cancel = cv_with_timeout(ctx, 100, &s.ctx);
  cv_cancel(s.cancel);
  return serve(s.ctx);
}
