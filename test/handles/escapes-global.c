// A handle stored in a global outlives the function and anyone may cancel
// it, or nobody: the verifier cannot follow it. CancelEscapes (an analysis
// remark) at the creation, naming the global and the store. A handle
// cancelled before anything is stored, or a global holding only the child
// context, is judged as usual.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);

cv_cancel_t *g_shutdown;
cv_ctx_t *g_ctx;

struct registry {
  int count;
  cv_cancel_t *cancels[8];
} g_registry;

// Stored in a global for a shutdown hook to cancel later.
void install_shutdown(cv_ctx_t *parent) {
  // CHECK: escapes-global.c:[[@LINE+1]]:16: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'cv_with_cancel' escapes: stored in global 'g_shutdown' at line [[@LINE+1]]; it cannot be followed{{$}}
  g_shutdown = cv_with_cancel(parent, &g_ctx);
}

// Stored through a local first, into a field of a global struct.
int register_first(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: escapes-global.c:[[@LINE+1]]:25: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'cv_with_timeout' escapes: stored in global 'g_registry' at line [[@LINE+2]]; it cannot be followed{{$}}
  cv_cancel_t *cancel = cv_with_timeout(parent, 1000, &child);
  g_registry.cancels[0] = cancel;
  return work(child);
}

// At a computed index of the global's array: where exactly is unknown, so
// the message may only say the memory cannot be followed.
int register_child(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: escapes-global.c:[[@LINE+1]]:25: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'cv_with_timeout' escapes: stored in {{global 'g_registry'|memory the verifier cannot follow}} at line [[@LINE+2]]; it cannot be followed{{$}}
  cv_cancel_t *cancel = cv_with_timeout(parent, 1000, &child);
  g_registry.cancels[g_registry.count++ & 7] = cancel;
  return work(child);
}

// Negative: only the child context goes to the global; the handle is
// cancelled here.
int publish_context(cv_ctx_t *parent) {
  // CHECK: escapes-global.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &g_ctx);
  int rc = work(g_ctx);
  cv_cancel(cancel);
  return rc;
}

// Negative: cancelled, then a stale pointer is stored; the store is no
// longer an escape of a live handle.
void cancel_then_record(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: escapes-global.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  work(child);
  cv_cancel(cancel);
  g_shutdown = cancel;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
