// A creation whose handle is replaced while still owed is "overwritten".
// In a loop the same creation runs again and replaces the handle of the
// previous iteration; the cancel after the loop covers the last one only,
// and both are said. A variable assigned a second handle is overwritten
// at -O0, where the assignment is a store to the variable's slot; -O2
// keeps no slot and no store, so the first handle is simply never cancelled
// and is live at the exit (the OverwrittenCancel finding is still made,
// from the variable's debug info; see findings-overwritten-cancel.c).
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O0.ll 2>&1 | FileCheck %s --check-prefixes=CHECK,O0
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O2.ll 2>&1 | FileCheck %s --check-prefixes=CHECK,O2
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx(void);

// CHECK: cancel-verify summaries of module '{{.*}}.ll'

// CHECK-LABEL: {{^}}function 'created_in_loop'{{$}}
void created_in_loop(int n) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = 0;
  for (int i = 0; i < n; ++i) {
    // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': cancelled by 'cv_cancel' at line [[@LINE+5]]; overwritten{{$}}
    cancel = cv_with_cancel(request_ctx(), &child);
    work(child);
  }
  if (cancel)
    cv_cancel(cancel);
}
// CHECK-NOT: {{^ }}

// CHECK-LABEL: {{^}}function 'reassigned'{{$}}
int reassigned(void) {
  cv_ctx_t *child;
  // O0-NEXT: creation at line [[@LINE+2]] by 'cv_with_cancel': overwritten{{$}}
  // O2-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': live at the exit at {{.*}}creation-overwritten.c:[[@LINE+7]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  work(child);
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_timeout': cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cancel = cv_with_timeout(request_ctx(), 10, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}
// CHECK-NOT: {{^ }}
