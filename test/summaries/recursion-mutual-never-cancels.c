// Two helpers that call each other and pass the handle around without ever
// cancelling it: the fixpoint ends with both "does not discharge" (and no
// escape), and a caller that hands its handle to them still owes it at its
// exit. The helpers are noinline: -O2 prints the same facts as -O0.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O0.ll 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O2.ll 2>&1 | FileCheck %s
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx(void);
void log_msg(const char *msg);

__attribute__((noinline)) void walk_b(cv_cancel_t *cancel, int n);

// CHECK: cancel-verify summaries of module '{{.*}}.ll'

// CHECK-LABEL: {{^}}function 'walk_a'{{$}}
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void walk_a(cv_cancel_t *cancel, int n) {
  if (n <= 0)
    return;
  log_msg("a");
  walk_b(cancel, n - 1);
}

// CHECK-LABEL: {{^}}function 'walk_b'{{$}}
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void walk_b(cv_cancel_t *cancel, int n) {
  log_msg("b");
  walk_a(cancel, n);
}

// CHECK-LABEL: {{^}}function 'uses_walk'{{$}}
int uses_walk(int n) {
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': live at the exit at {{.*}}recursion-mutual-never-cancels.c:[[@LINE+4]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  int rc = work(child);
  walk_a(cancel, n);
  return rc;
}
// CHECK-NOT: {{^ }}
