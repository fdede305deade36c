// Two helpers that call each other; each cancels at its own base case (0
// for even, 1 for odd), but a negative count returns without cancelling.
// The fixpoint ends with both "discharges on some paths", and a caller
// that hands its handle to them still owes it at its exit. The helpers are
// noinline: -O2 prints the same facts as -O0.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O0.ll 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O2.ll 2>&1 | FileCheck %s
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx(void);

__attribute__((noinline)) void odd(cv_cancel_t *cancel, int n);

// CHECK: cancel-verify summaries of module '{{.*}}.ll'

// CHECK-LABEL: {{^}}function 'even'{{$}}
// CHECK-NEXT: handle at arg0: discharges on some paths{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void even(cv_cancel_t *cancel, int n) {
  if (n < 0)
    return;
  if (n == 0) {
    cv_cancel(cancel);
    return;
  }
  odd(cancel, n - 1);
}

// CHECK-LABEL: {{^}}function 'odd'{{$}}
// CHECK-NEXT: handle at arg0: discharges on some paths{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void odd(cv_cancel_t *cancel, int n) {
  if (n == 1) {
    cv_cancel(cancel);
    return;
  }
  even(cancel, n - 1);
}

// CHECK-LABEL: {{^}}function 'uses_even'{{$}}
int uses_even(int n) {
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': live at the exit at {{.*}}recursion-mutual-cancels-on-some-paths.c:[[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  even(cancel, n);
  return work(child);
}
// CHECK-NOT: {{^ }}
