// "handle at P: ...; returns it": the handle passed in (or found through)
// a parameter comes back as the return value: straight through, or read
// from a field of the struct the parameter points to (asked about by
// uses_peek()). A function that cancels the handle on one path and
// returns it on the other says both. A caller that cancels what comes back
// cancels its creation. The helpers are noinline: -O2 prints the same
// facts as -O0.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O0.ll 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O2.ll 2>&1 | FileCheck %s
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx(void);

struct op {
  cv_ctx_t *ctx;       // offset 0
  cv_cancel_t *cancel; // offset 8
};

// CHECK: cancel-verify summaries of module '{{.*}}.ll'

// CHECK-LABEL: {{^}}function 'pass_through'{{$}}
// CHECK-NEXT: returns a pointer into arg0{{$}}
// CHECK-NEXT: handle at arg0: does not discharge; returns it{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) cv_cancel_t *pass_through(cv_cancel_t *cancel) {
  return cancel;
}

// Cancelled and NULL on failure, returned otherwise.
// CHECK-LABEL: {{^}}function 'keep_if_ok'{{$}}
// CHECK-NEXT: handle at arg0: discharges on some paths; returns it{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) cv_cancel_t *keep_if_ok(cv_cancel_t *cancel,
                                                  int rc) {
  if (rc < 0) {
    cv_cancel(cancel);
    return 0;
  }
  return cancel;
}

// CHECK-LABEL: {{^}}function 'peek'{{$}}
// CHECK-NEXT: returns *(arg0+8){{$}}
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0+8): does not discharge; returns it{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) cv_cancel_t *peek(struct op *o) {
  return o->cancel;
}

// CHECK-LABEL: {{^}}function 'uses_pass_through'{{$}}
int uses_pass_through(void) {
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  int rc = work(child);
  cv_cancel(pass_through(cancel));
  return rc;
}
// CHECK-NOT: {{^ }}

// CHECK-LABEL: {{^}}function 'uses_peek'{{$}}
int uses_peek(void) {
  struct op o;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  o.cancel = cv_with_cancel(request_ctx(), &o.ctx);
  int rc = work(o.ctx);
  cv_cancel(peek(&o));
  return rc;
}
// CHECK-NOT: {{^ }}
