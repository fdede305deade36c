// go vet lostcancel: `if condition { cancel() } else { for { print(0) } }`
// is ok, since the else branch never ends; with a bounded loop
// `for i := 0; i < 10; i++ { print(0) }` the else branch falls through to
// the return, and go vet reports "not used on all paths".
//
// CancelVerify: the endless loop has no exit, so the handle is cancelled
// on every path that returns: CancelVerified. The bounded loop reaches
// the end of the function without a cancel: LostCancel.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

void print_int(int v);
int condition;

void else_loops_forever(void) {
  cv_ctx_t *ctx;
  // CHECK: loop-in-else.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(cv_background(), &ctx);
  if (condition) {
    cv_cancel(cancel);
  } else {
    for (;;)
      print_int(0);
  }
}

void else_loops_ten_times(void) {
  cv_ctx_t *ctx;
  // The path falls off the end: the exit is the closing brace.
  // CHECK: loop-in-else.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}loop-in-else.c:[[@LINE+8]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(cv_background(), &ctx);
  if (condition) {
    cv_cancel(cancel);
  } else {
    for (int i = 0; i < 10; i++)
      print_int(0);
  }
}
