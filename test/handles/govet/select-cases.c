// go vet lostcancel: a select whose cases are t.FailNow(), a send that
// prints and falls out to the implicit return, a send that cancels, and a
// default that calls os.Exit: go vet reports "not used on all paths". A
// blocking select whose only case panics, with the cancel variable only
// looked at under `if false` after it, is ok: nothing after the select
// runs.
//
// CancelVerify: the select is a switch on which channel was ready. The
// printing case reaches the end of the function without a cancel:
// LostCancel. When the only case aborts, no path returns, so nothing can
// leak: CancelVerified ("needs no cancel").
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include <stdlib.h>
#include "cv_context.h"

_Noreturn void test_fail_now(void);
void print_str(const char *s);
void use_handle(cv_cancel_t *cancel);
/* Waits on the channels of a select; returns the index of the case that
 * fired, or -1 for the default case. */
int select_ready(int ch, int has_default);

void one_case_falls_out(int ch) {
  cv_ctx_t *ctx;
  // CHECK: select-cases.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}select-cases.c:[[@LINE+14]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(cv_background(), &ctx);
  switch (select_ready(ch, 1)) {
  case 0:
    test_fail_now();
  case 1:
    print_str("hi");
    break;
  case 2:
    cv_cancel(cancel);
    break;
  default:
    exit(1);
  }
}

void only_case_panics(int ch) {
  cv_ctx_t *ctx;
  // CHECK: select-cases.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' needs no cancel: no path returns from 'only_case_panics' with it{{$}}
  cv_cancel_t *cancel = cv_with_cancel(cv_background(), &ctx);
  switch (select_ready(ch, 0)) {
  default:
    abort();
  }
  if (0)
    use_handle(cancel);
}
