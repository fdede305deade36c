// Optimized code inlines helpers into their callers. A helper that owns
// its handle (every use of it stays in the helper) is still where the
// finding belongs: the creation and the early return in the helper, not
// the call of the helper, and once however many callers it was inlined
// into. A wrapper that returns its handle hands it to the caller: that
// finding stays in the caller.
//
// --implicit-check-not does not look between or after O0-DAG matches;
// counting the remarks (1 CHECK and 3 O0 lines) makes "no other remark"
// hold there too. The O2 lines have no -DAG: FileCheck alone covers them.
// RUN: %cv-remarks O0 %s -I %examples/include > %t.O0.out
// RUN: FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0 < %t.O0.out
// RUN: grep remark %t.O0.out | count 4
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
#include "cv_context.h"

int work(cv_ctx_t *ctx);

// Positive: the helper leaks on its early return. (At -O2 the early
// return is placed at its condition.)
static int leaky(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: inlined-helper-placement.c:[[@LINE+2]]:20: remark: LostCancel: returns at {{.*}}inlined-helper-placement.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+2]] by 'cv_with_cancel'{{$}}
  // O2: inlined-helper-placement.c:[[@LINE+1]]:20: remark: LostCancel: returns at {{.*}}inlined-helper-placement.c:[[@LINE+2]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *h = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return -1;
  cv_cancel(h);
  return 0;
}

int first_caller(cv_ctx_t *parent) { return leaky(parent) + 1; }
int second_caller(cv_ctx_t *parent) { return leaky(parent) * 2; }

// A helper that cancels on every path: verified where it creates.
static int careful(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: inlined-helper-placement.c:[[@LINE+1]]:20: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *h = cv_with_cancel(parent, &child);
  int rc = work(child);
  cv_cancel(h);
  return rc;
}

int careful_caller(cv_ctx_t *parent) { return careful(parent) - 1; }

// A wrapper returns its handle: the caller owns it, and the caller's
// early return loses it.
static cv_cancel_t *derive(cv_ctx_t *parent, cv_ctx_t **child) {
  // (At -O0 the wrapper is emitted after its caller: either order.)
  // O0-DAG: inlined-helper-placement.c:[[@LINE+1]]:10: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is transferred to the caller (returned to the caller at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
  return cv_with_cancel(parent, child);
}

int wrapper_caller(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0-DAG: inlined-helper-placement.c:[[@LINE+2]]:20: remark: LostCancel: returns at {{.*}}inlined-helper-placement.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+2]] by 'derive' ('derive', which creates it with 'cv_with_cancel' at line [[@LINE-5]]){{$}}
  // O2: inlined-helper-placement.c:[[@LINE+1]]:20: remark: LostCancel: returns at {{.*}}inlined-helper-placement.c:[[@LINE+2]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *h = derive(parent, &child);
  if (work(child) < 0)
    return -1;
  cv_cancel(h);
  return 0;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include > %t.clang-O2.out
// RUN: FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0 < %t.clang-O2.out
// RUN: grep remark %t.clang-O2.out | count 4
