// OverwrittenCancel as data: at the overwriting creation, for the handle
// created earlier ("creator" is the first handle's), how it was replaced
// ("overwrite: overwritten" when the variable is assigned another handle,
// "created-again" when the same creation runs again in a loop), and the
// first handle's creation as a related location. The second handle of the
// reassigned variable gets its own CancelVerified at the same place. -O2
// keeps no store for the reassignment but the variable's debug info still
// shows it: the same findings as -O0.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %cv_opt -cancel-verify-print-findings -disable-output %t.O0.ll 2>&1 | FileCheck %s --implicit-check-not=finding
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %cv_opt -cancel-verify-print-findings -disable-output %t.O2.ll 2>&1 | FileCheck %s --implicit-check-not=finding
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx(void);

int reassigned(void) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  work(child);
  // CHECK: {{^}}finding OverwrittenCancel at {{.*}}findings-overwritten-cancel.c:[[@LINE+13]]:12 in 'reassigned'{{$}}
  // CHECK-NEXT: {{^}}  creator: 'cv_with_cancel'{{$}}
  // CHECK-NEXT: {{^}}  variable: cancel{{$}}
  // CHECK-NEXT: {{^}}  overwrite: overwritten{{$}}
  // CHECK-NEXT: {{^}}  related creation at {{.*}}findings-overwritten-cancel.c:[[@LINE-6]]:25{{$}}
  // CHECK-NOT: {{^ }}
  // CHECK: {{^}}finding CancelVerified at {{.*}}findings-overwritten-cancel.c:[[@LINE+7]]:12 in 'reassigned'{{$}}
  // CHECK-NEXT: {{^}}  creator: 'cv_with_timeout'{{$}}
  // CHECK-NEXT: {{^}}  variable: cancel{{$}}
  // CHECK-NEXT: {{^}}  how: discharged{{$}}
  // CHECK-NEXT: {{^}}  discharge: cancel 'cv_cancel'{{$}}
  // CHECK-NEXT: {{^}}  related discharge at {{.*}}findings-overwritten-cancel.c:[[@LINE+4]]:3{{$}}
  // CHECK-NOT: {{^ }}
  cancel = cv_with_timeout(request_ctx(), 10, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// Only the last iteration's handle is cancelled after the loop.
void created_in_loop(int n) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = 0;
  for (int i = 0; i < n; ++i) {
    // CHECK: {{^}}finding OverwrittenCancel at {{.*}}findings-overwritten-cancel.c:[[@LINE+6]]:14 in 'created_in_loop'{{$}}
    // CHECK-NEXT: {{^}}  creator: 'cv_with_cancel'{{$}}
    // CHECK-NEXT: {{^}}  variable: cancel{{$}}
    // CHECK-NEXT: {{^}}  overwrite: created-again{{$}}
    // CHECK-NEXT: {{^}}  related creation at {{.*}}findings-overwritten-cancel.c:[[@LINE+2]]:14{{$}}
    // CHECK-NOT: {{^ }}
    cancel = cv_with_cancel(request_ctx(), &child);
    work(child);
  }
  if (cancel)
    cv_cancel(cancel);
}
