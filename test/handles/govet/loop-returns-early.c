// go vet lostcancel, a loop that returns early: each iteration derives a
// context with a timeout and cancels it at the end of the iteration, but
// an error inside returns from the function before that cancel. go vet
// reports "not used on all paths" and the return statement.
//
// CancelVerify: LostCancel at the creation inside the loop, naming the
// return. An iteration that cancels before it returns is verified, and so
// is a handle created before the loop and cancelled on the loop's early
// return as well as after the loop.
//
// At -O2 an early return inside a loop joins the function's one return,
// and the message names the closing brace.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O2 --implicit-check-not=remark
#include "cv_context.h"

int fetch(cv_ctx_t *ctx, int key);
int report_error(int key);

int loop_returns_before_cancel(cv_ctx_t *ctx, const int *keys, int n) {
  for (int i = 0; i < n; i++) {
    cv_ctx_t *item;
    // O0: loop-returns-early.c:[[@LINE+2]]:27: remark: LostCancel: returns at {{.*}}loop-returns-early.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+2]] by 'cv_with_timeout'{{$}}
    // O2: loop-returns-early.c:[[@LINE+1]]:27: remark: LostCancel: returns at {{.*}}loop-returns-early.c:[[@LINE+2]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_timeout'{{$}}
    cv_cancel_t *cancel = cv_with_timeout(ctx, 100, &item);
    if (fetch(item, keys[i]) < 0)
      return report_error(keys[i]);
    cv_cancel(cancel);
  }
  return 0;
}

int loop_cancels_before_return(cv_ctx_t *ctx, const int *keys, int n) {
  for (int i = 0; i < n; i++) {
    cv_ctx_t *item;
    // CHECK: loop-returns-early.c:[[@LINE+1]]:27: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+4]] and cancelled by 'cv_cancel' at line [[@LINE+7]]{{$}}
    cv_cancel_t *cancel = cv_with_timeout(ctx, 100, &item);
    int rc = fetch(item, keys[i]);
    if (rc < 0) {
      cv_cancel(cancel);
      return report_error(keys[i]);
    }
    cv_cancel(cancel);
  }
  return 0;
}

int one_handle_for_the_loop(cv_ctx_t *ctx, const int *keys, int n) {
  cv_ctx_t *batch;
  // O0: loop-returns-early.c:[[@LINE+2]]:25: remark: LostCancel: returns at {{.*}}loop-returns-early.c:[[@LINE+5]] without cancelling the handle created at line [[@LINE+2]] by 'cv_with_timeout'{{$}}
  // O2: loop-returns-early.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}loop-returns-early.c:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_timeout'{{$}}
  cv_cancel_t *cancel = cv_with_timeout(ctx, 1000, &batch);
  for (int i = 0; i < n; i++)
    if (fetch(batch, keys[i]) < 0)
      return report_error(keys[i]);
  cv_cancel(cancel);
  return 0;
}
