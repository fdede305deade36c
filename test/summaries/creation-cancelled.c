// A creation whose handle is discharged on every path lists each discharge:
// "cancelled by 'cv_cancel' at line N" for a cancel here, one per cancel
// when the paths cancel in different places, "... (through 'HELPER' at
// line M)" for a cancel inside a helper of the module (N is the line in
// the helper, M the call), and "deferred by 'cv_defer' at line N" for a
// defer. Nothing is live at an exit. The helper is noinline, so -O2 prints
// the same facts as -O0 but for one: it merges the two identical cancels
// of the two branches into one call, whose merged location has no line.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O0.ll 2>&1 | FileCheck %s --check-prefixes=CHECK,O0
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O2.ll 2>&1 | FileCheck %s --check-prefixes=CHECK,O2
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx(void);
void log_msg(const char *msg);

// CHECK: cancel-verify summaries of module '{{.*}}.ll'

// CHECK-LABEL: {{^}}function 'stop'{{$}}
// CHECK-NEXT: handle at arg0: discharges on every path (cancelled by 'cv_cancel' at line [[#STOP:@LINE+5]]){{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void stop(cv_cancel_t *cancel) {
  log_msg("stopping");
  cv_cancel(cancel);
}

// CHECK-LABEL: {{^}}function 'cancelled_here'{{$}}
int cancelled_here(void) {
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}
// CHECK-NOT: {{^ }}

// Each branch cancels in its own place.
// CHECK-LABEL: {{^}}function 'cancelled_on_each_branch'{{$}}
int cancelled_on_each_branch(void) {
  cv_ctx_t *child;
  // O0-NEXT: creation at line [[@LINE+2]] by 'cv_with_timeout': cancelled by 'cv_cancel' at line [[@LINE+5]]; cancelled by 'cv_cancel' at line [[@LINE+8]]{{$}}
  // O2-NEXT: creation at line [[@LINE+1]] by 'cv_with_timeout': cancelled by 'cv_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_timeout(request_ctx(), 100, &child);
  int rc = work(child);
  if (rc < 0) {
    cv_cancel(cancel);
    return rc;
  }
  cv_cancel(cancel);
  return 0;
}
// CHECK-NOT: {{^ }}

// CHECK-LABEL: {{^}}function 'cancelled_by_helper'{{$}}
int cancelled_by_helper(void) {
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': cancelled by 'cv_cancel' at line [[#STOP]] (through 'stop' at line [[@LINE+3]]){{$}}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  int rc = work(child);
  stop(cancel);
  return rc;
}
// CHECK-NOT: {{^ }}

// The defer list takes it; it cancels it when it runs.
// CHECK-LABEL: {{^}}function 'deferred'{{$}}
int deferred(cv_defers_t *defers) {
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': deferred by 'cv_defer' at line [[@LINE+2]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  cv_defer(defers, cancel);
  return work(child);
}
// The defer list is not a handle: nothing is done to one there.
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
