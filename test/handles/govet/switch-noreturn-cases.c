// go vet lostcancel: a switch whose cases end in t.FailNow(), log.Fatal(),
// cancel(), or print-then-fallthrough into os.Exit(1): every case either
// cancels or ends the process, and go vet says ok. When the print case
// falls out of the switch to the implicit return instead, go vet reports
// "not used on all paths".
//
// CancelVerify: calls that never return (a _Noreturn function, a function
// declared noreturn, exit) end their paths, which are not exits:
// CancelVerified for the first switch. In the second the print case
// reaches the end of the function: LostCancel naming it.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include <stdlib.h>
#include "cv_context.h"

_Noreturn void test_fail_now(void);
__attribute__((noreturn)) void log_fatal(const char *msg);
void print_str(const char *s);
int some_int;

void every_case_cancels_or_ends(void) {
  cv_ctx_t *ctx;
  // CHECK: switch-noreturn-cases.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+8]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(cv_background(), &ctx);
  switch (some_int) {
  case 0:
    test_fail_now();
  case 1:
    log_fatal("fatal");
  case 2:
    cv_cancel(cancel);
    break;
  case 3:
    print_str("hi");
    /* fall through */
  default:
    exit(1);
  }
}

void print_case_returns(void) {
  cv_ctx_t *ctx;
  // CHECK: switch-noreturn-cases.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}switch-noreturn-cases.c:[[@LINE+16]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(cv_background(), &ctx);
  switch (some_int) {
  case 0:
    test_fail_now();
  case 1:
    log_fatal("fatal");
  case 2:
    cv_cancel(cancel);
    break;
  case 3:
    print_str("hi");
    break;
  default:
    exit(1);
  }
}
