// What the caller fixed before a call decides the callee's branches: a
// constant argument, a field of an object it passes (set by a designated
// initializer or a store), a global it sets just before. Only straight-line
// code before the call counts, up to anything that may change the value
// unseen: a call given the object, or for globals any call. The callee
// uses a fact only for a read that nothing in it may have changed first.
// Facts travel through a helper that passes the object on, and decide a
// switch as well as an if.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);
void disarm(void *g);

struct guard {
  int armed;
  cv_cancel_t *h;
};

__attribute__((noinline)) static void guard_done(struct guard *g) {
  if (g->armed)
    cv_cancel(g->h);
}

int armed_guard(cv_ctx_t *parent) {
  cv_ctx_t *child;
  struct guard g = {.armed = 1};
  // CHECK: caller-facts.c:[[@LINE+1]]:9: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line 24 (through 'guard_done' at line [[@LINE+3]]){{$}}
  g.h = cv_with_cancel(parent, &child);
  work(child);
  guard_done(&g);
  return 0;
}

// Positive: the guard is not armed.
int unarmed_guard(cv_ctx_t *parent) {
  cv_ctx_t *child;
  struct guard g = {.armed = 0};
  // CHECK: caller-facts.c:[[@LINE+1]]:9: remark: LostCancel: returns at {{.*}}caller-facts.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  g.h = cv_with_cancel(parent, &child);
  work(child);
  guard_done(&g);
  return 0;
}

// Positive: armed on one branch only; the join forgets the field.
int armed_on_one_branch(cv_ctx_t *parent, int k) {
  cv_ctx_t *child;
  struct guard g;
  g.armed = 0;
  if (k)
    g.armed = 1;
  // CHECK: caller-facts.c:[[@LINE+1]]:9: remark: LostCancel: returns at {{.*}}caller-facts.c:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'; 'guard_done' cancels it only on some paths{{$}}
  g.h = cv_with_cancel(parent, &child);
  guard_done(&g);
  return 0;
}

__attribute__((noinline)) static void close_guard(struct guard *g) {
  guard_done(g);
}

// Through a helper that passes the guard on.
int armed_two_levels(cv_ctx_t *parent) {
  cv_ctx_t *child;
  struct guard g = {.armed = 1};
  // CHECK: caller-facts.c:[[@LINE+1]]:9: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line 24 (through 'close_guard' at line [[@LINE+2]]){{$}}
  g.h = cv_with_cancel(parent, &child);
  close_guard(&g);
  return 0;
}

__attribute__((noinline)) static void finish_if(cv_cancel_t *h, int doit) {
  if (doit)
    cv_cancel(h);
}

int constant_argument(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: caller-facts.c:[[@LINE+1]]:20: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line 77 (through 'finish_if' at line [[@LINE+3]]){{$}}
  cv_cancel_t *h = cv_with_cancel(parent, &child);
  work(child);
  finish_if(h, 1);
  return 0;
}

// Positive: the constant says no.
int constant_argument_zero(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: caller-facts.c:[[@LINE+1]]:20: remark: LostCancel: returns at {{.*}}caller-facts.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *h = cv_with_cancel(parent, &child);
  work(child);
  finish_if(h, 0);
  return 0;
}

__attribute__((noinline)) static void finish_mode(cv_cancel_t *h, int mode) {
  switch (mode) {
  case 2:
    cv_cancel(h);
    break;
  default:
    break;
  }
}

int constant_switch(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: caller-facts.c:[[@LINE+1]]:20: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line 102 (through 'finish_mode' at line [[@LINE+3]]){{$}}
  cv_cancel_t *h = cv_with_cancel(parent, &child);
  work(child);
  finish_mode(h, 2);
  return 0;
}

static int cancel_on_done;
__attribute__((noinline)) static void done(cv_cancel_t *h) {
  if (cancel_on_done)
    cv_cancel(h);
}

int global_set_before(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: caller-facts.c:[[@LINE+1]]:20: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line 121 (through 'done' at line [[@LINE+4]]){{$}}
  cv_cancel_t *h = cv_with_cancel(parent, &child);
  work(child);
  cancel_on_done = 1;
  done(h);
  return 0;
}

// Positive: a call between the store and the helper may change the global.
int global_set_then_call(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: caller-facts.c:[[@LINE+1]]:20: remark: LostCancel: returns at {{.*}}caller-facts.c:[[@LINE+5]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'; 'done' cancels it only on some paths{{$}}
  cv_cancel_t *h = cv_with_cancel(parent, &child);
  cancel_on_done = 1;
  work(child);
  done(h);
  return 0;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
