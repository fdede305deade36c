// "handle at P: ...; stores it for the caller in Q": the handle passed in
// (or found through) a parameter is stored where another parameter points,
// so the caller finds it there: in *(arg1) for an out-parameter, in
// *(arg0+8) when one struct's field is moved into another's (the source
// field path *(arg1+8) is asked about by uses_move_field()). A caller that
// cancels the handle where it was moved cancels its creation. The helpers
// are noinline: -O2 prints the same facts as -O0.
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

// CHECK-LABEL: {{^}}function 'move_into'{{$}}
// CHECK-NEXT: stores arg0 at arg1{{$}}
// CHECK-NEXT: handle at arg0: does not discharge; stores it for the caller in *(arg1){{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NEXT: handle at arg1: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg1): does not discharge; takes it out of where it was given{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void move_into(cv_cancel_t *cancel,
                                         cv_cancel_t **out) {
  *out = cancel;
}

// CHECK-LABEL: {{^}}function 'move_field'{{$}}
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NEXT: handle at arg1: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg1): does not discharge{{$}}
// CHECK-NEXT: handle at *(arg1+8): does not discharge; stores it for the caller in *(arg0+8); takes it out of where it was given{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void move_field(struct op *dst, struct op *src) {
  dst->cancel = src->cancel;
  src->cancel = 0;
}

// CHECK-LABEL: {{^}}function 'uses_move_into'{{$}}
int uses_move_into(void) {
  cv_ctx_t *child;
  cv_cancel_t *moved;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': cancelled by 'cv_cancel' at line [[@LINE+4]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  move_into(cancel, &moved);
  int rc = work(child);
  cv_cancel(moved);
  return rc;
}
// CHECK-NOT: {{^ }}

// CHECK-LABEL: {{^}}function 'uses_move_field'{{$}}
int uses_move_field(void) {
  struct op from, to;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': cancelled by 'cv_cancel' at line [[@LINE+4]]{{$}}
  from.cancel = cv_with_cancel(request_ctx(), &from.ctx);
  move_field(&to, &from);
  int rc = work(from.ctx);
  cv_cancel(to.cancel);
  return rc;
}
// CHECK-NOT: {{^ }}
