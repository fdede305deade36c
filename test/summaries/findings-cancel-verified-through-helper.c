// A CancelVerified finding as data: "how: discharged" and one "discharge:"
// line per place that cancels, naming the cancel function and, when the
// cancel is inside a helper of the module, the helper ("through"); each
// such place is a related discharge location (the call of the helper, in
// the caller). A creation by a wrapper of a creator names both ("creator:
// 'start' wrapping 'cv_with_timeout'"), and the wrapper's own creation is
// verified as "transferred" to its caller, with a related transfer. The
// helpers are noinline: -O2 prints the same findings as -O0.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %cv_opt -cancel-verify-print-findings -disable-output %t.O0.ll 2>&1 | FileCheck %s --implicit-check-not=finding
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %cv_opt -cancel-verify-print-findings -disable-output %t.O2.ll 2>&1 | FileCheck %s --implicit-check-not=finding
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx(void);
void submit(cv_ctx_t *ctx);
void log_msg(const char *msg);

__attribute__((noinline)) void stop(cv_cancel_t *cancel) {
  log_msg("stopping");
  cv_cancel(cancel);
}

int through_helper(void) {
  cv_ctx_t *child;
  // CHECK: {{^}}finding CancelVerified at {{.*}}findings-cancel-verified-through-helper.c:[[@LINE+7]]:25 in 'through_helper'{{$}}
  // CHECK-NEXT: {{^}}  creator: 'cv_with_cancel'{{$}}
  // CHECK-NEXT: {{^}}  variable: cancel{{$}}
  // CHECK-NEXT: {{^}}  how: discharged{{$}}
  // CHECK-NEXT: {{^}}  discharge: cancel 'cv_cancel' through 'stop'{{$}}
  // CHECK-NEXT: {{^}}  related discharge at {{.*}}findings-cancel-verified-through-helper.c:[[@LINE+4]]:3{{$}}
  // CHECK-NOT: {{^ }}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  int rc = work(child);
  stop(cancel);
  return rc;
}

// Cancelled here on one branch, by the helper on the other.
int helper_or_here(void) {
  cv_ctx_t *child;
  // CHECK: {{^}}finding CancelVerified at {{.*}}findings-cancel-verified-through-helper.c:[[@LINE+9]]:25 in 'helper_or_here'{{$}}
  // CHECK-NEXT: {{^}}  creator: 'cv_with_cancel'{{$}}
  // CHECK-NEXT: {{^}}  variable: cancel{{$}}
  // CHECK-NEXT: {{^}}  how: discharged{{$}}
  // CHECK-NEXT: {{^}}  discharge: cancel 'cv_cancel'{{$}}
  // CHECK-NEXT: {{^}}  discharge: cancel 'cv_cancel' through 'stop'{{$}}
  // CHECK-NEXT: {{^}}  related discharge at {{.*}}findings-cancel-verified-through-helper.c:[[@LINE+6]]:5{{$}}
  // CHECK-NEXT: {{^}}  related discharge at {{.*}}findings-cancel-verified-through-helper.c:[[@LINE+7]]:5{{$}}
  // CHECK-NOT: {{^ }}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  int rc = work(child);
  if (rc < 0)
    cv_cancel(cancel);
  else
    stop(cancel);
  return rc;
}

// A creator of the module: the handle is the caller's to cancel.
__attribute__((noinline)) cv_cancel_t *start(long timeout_ms) {
  cv_ctx_t *child;
  // CHECK: {{^}}finding CancelVerified at {{.*}}findings-cancel-verified-through-helper.c:[[@LINE+6]]:25 in 'start'{{$}}
  // CHECK-NEXT: {{^}}  creator: 'cv_with_timeout'{{$}}
  // CHECK-NEXT: {{^}}  variable: cancel{{$}}
  // CHECK-NEXT: {{^}}  how: transferred{{$}}
  // CHECK-NEXT: {{^}}  related transfer at {{.*}}findings-cancel-verified-through-helper.c:[[@LINE+4]]:3{{$}}
  // CHECK-NOT: {{^ }}
  cv_cancel_t *cancel = cv_with_timeout(request_ctx(), timeout_ms, &child);
  submit(child);
  return cancel;
}

int uses_start(void) {
  // CHECK: {{^}}finding CancelVerified at {{.*}}findings-cancel-verified-through-helper.c:[[@LINE+7]]:25 in 'uses_start'{{$}}
  // CHECK-NEXT: {{^}}  creator: 'start' wrapping 'cv_with_timeout'{{$}}
  // CHECK-NEXT: {{^}}  variable: cancel{{$}}
  // CHECK-NEXT: {{^}}  how: discharged{{$}}
  // CHECK-NEXT: {{^}}  discharge: cancel 'cv_cancel' through 'stop'{{$}}
  // CHECK-NEXT: {{^}}  related discharge at {{.*}}findings-cancel-verified-through-helper.c:[[@LINE+4]]:3{{$}}
  // CHECK-NOT: {{^ }}
  cv_cancel_t *cancel = start(100);
  int rc = work(request_ctx());
  stop(cancel);
  return rc;
}
