// A creation whose handle is used but never reaches a return, because the
// function loops forever or aborts, "no exit reached with it": nothing is
// owed at an exit, nothing cancels it, nothing lets it escape. The helper
// that looks at the handle is noinline: -O2 prints the same facts as -O0.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O0.ll 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O2.ll 2>&1 | FileCheck %s
#include <stdlib.h>
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx(void);
void log_msg(const char *msg);

// CHECK: cancel-verify summaries of module '{{.*}}.ll'

// Looks at the handle; does nothing to it.
// CHECK-LABEL: {{^}}function 'check_handle'{{$}}
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void check_handle(cv_cancel_t *cancel) {
  if (!cancel)
    log_msg("no handle");
}

// CHECK-LABEL: {{^}}function 'serve_forever'{{$}}
void serve_forever(void) {
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': no exit reached with it{{$}}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  for (;;) {
    check_handle(cancel);
    work(child);
  }
}
// CHECK-NOT: {{^ }}

// CHECK-LABEL: {{^}}function 'fail_hard'{{$}}
void fail_hard(void) {
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_timeout': no exit reached with it{{$}}
  cv_cancel_t *cancel = cv_with_timeout(request_ctx(), 100, &child);
  check_handle(cancel);
  work(child);
  abort();
}
// CHECK-NOT: {{^ }}
