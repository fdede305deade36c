// A creation whose handle is never used and never reaches a return is
// "never used". When the unused handle does reach a return, what is said
// is that it is live at that exit (the DiscardedCancel finding comes from
// the unused result, not from this outcome).
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O0.ll 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O2.ll 2>&1 | FileCheck %s
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx(void);

// CHECK: cancel-verify summaries of module '{{.*}}.ll'

// CHECK-LABEL: {{^}}function 'serve_forever'{{$}}
void serve_forever(void) {
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': never used{{$}}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  for (;;)
    work(child);
}
// CHECK-NOT: {{^ }}

// The result is dropped, and the function returns.
// CHECK-LABEL: {{^}}function 'dropped'{{$}}
int dropped(void) {
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': live at the exit at {{.*}}creation-never-used.c:[[@LINE+2]]{{$}}
  cv_with_cancel(request_ctx(), &child);
  return work(child);
}
// CHECK-NOT: {{^ }}
