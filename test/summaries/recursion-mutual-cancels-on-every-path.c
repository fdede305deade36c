// Three helpers that call each other in a cycle (a -> b -> c -> a or b);
// only step_a cancels, at its base case, and every path through the cycle
// that returns ends there. The effects of the cycle are computed to a
// fixpoint: all three "discharge on every path", naming step_a's cancel,
// and a caller that hands its handle to the cycle has it cancelled. The
// helpers are noinline: -O2 prints the same facts as -O0.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O0.ll 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O2.ll 2>&1 | FileCheck %s
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx(void);
void log_msg(const char *msg);

__attribute__((noinline)) void step_b(cv_cancel_t *cancel, int n);
__attribute__((noinline)) void step_c(cv_cancel_t *cancel, int n);

// CHECK: cancel-verify summaries of module '{{.*}}.ll'

// CHECK-LABEL: {{^}}function 'step_a'{{$}}
// CHECK-NEXT: handle at arg0: discharges on every path (cancelled by 'cv_cancel' at line [[#CANCEL:@LINE+5]]){{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void step_a(cv_cancel_t *cancel, int n) {
  if (n <= 0) {
    cv_cancel(cancel);
    return;
  }
  log_msg("a");
  step_b(cancel, n - 1);
}

// CHECK-LABEL: {{^}}function 'step_b'{{$}}
// CHECK-NEXT: handle at arg0: discharges on every path (cancelled by 'cv_cancel' at line [[#CANCEL]]){{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void step_b(cv_cancel_t *cancel, int n) {
  log_msg("b");
  step_c(cancel, n);
}

// CHECK-LABEL: {{^}}function 'step_c'{{$}}
// CHECK-NEXT: handle at arg0: discharges on every path (cancelled by 'cv_cancel' at line [[#CANCEL]]){{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void step_c(cv_cancel_t *cancel, int n) {
  if (n & 1)
    step_a(cancel, n - 1);
  else
    step_b(cancel, n - 1);
}

// CHECK-LABEL: {{^}}function 'uses_steps'{{$}}
int uses_steps(int n) {
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': cancelled by 'cv_cancel' at line [[#CANCEL]] (through 'step_a' at line [[@LINE+3]]){{$}}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  int rc = work(child);
  step_a(cancel, n);
  return rc;
}
// CHECK-NOT: {{^ }}
