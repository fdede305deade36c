// A function that creates a handle and stores it where a parameter points
// "hands a fresh handle to its caller: in <path>": in *(arg1) for a
// cv_cancel_t ** parameter, in *(arg0+8) for the field of a struct the
// caller passes. A caller that cancels through its variable or its struct
// field has the call judged as a creation, cancelled. The wrappers are
// noinline: -O2 prints the same facts as -O0.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O0.ll 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O2.ll 2>&1 | FileCheck %s
#include "cv_context.h"

cv_ctx_t *request_ctx(void);
void submit(cv_ctx_t *ctx);
int work(cv_ctx_t *ctx);

struct request {
  cv_ctx_t *ctx;       // offset 0
  cv_cancel_t *cancel; // offset 8
};

// CHECK: cancel-verify summaries of module '{{.*}}.ll'
// CHECK-LABEL: {{^}}function 'start_out'{{$}}
__attribute__((noinline)) void start_out(long timeout_ms, cv_cancel_t **out) {
  cv_ctx_t *child;
  // CHECK-NEXT: hands a fresh handle to its caller: in *(arg1) (created at line [[#START_OUT:@LINE+4]]){{$}}
  // CHECK-NEXT: creation at line [[#START_OUT]] by 'cv_with_timeout': handed to the caller{{$}}
  // CHECK-NEXT: handle at arg1: does not discharge{{$}}
  // CHECK-NEXT: handle at *(arg1): does not discharge; takes it out of where it was given{{$}}
  *out = cv_with_timeout(request_ctx(), timeout_ms, &child);
  submit(child);
}
// CHECK-NOT: {{^ }}

// The child context goes into the same struct, through the creator's
// out-parameter; what the creator does with that pointer is not what this
// test is about, so those two lines are not pinned.
// CHECK-LABEL: {{^}}function 'request_start'{{$}}
__attribute__((noinline)) void request_start(struct request *r) {
  // CHECK-NEXT: hands a fresh handle to its caller: in *(arg0+8) (created at line [[#REQUEST_START:@LINE+4]]){{$}}
  // CHECK-NEXT: creation at line [[#REQUEST_START]] by 'cv_with_cancel': handed to the caller{{$}}
  // CHECK-NEXT: handle at arg0: {{.*}}
  // CHECK-NEXT: handle at *(arg0): {{.*}}
  r->cancel = cv_with_cancel(request_ctx(), &r->ctx);
}
// CHECK-NOT: {{^ }}

// CHECK-LABEL: {{^}}function 'caller'{{$}}
int caller(void) {
  struct request r;
  cv_cancel_t *cancel;
  // CHECK-NEXT: creation at line [[@LINE+2]] by 'request_start' ('request_start', which creates it with 'cv_with_cancel' at line [[#REQUEST_START]]): cancelled by 'cv_cancel' at line [[@LINE+5]]{{$}}
  // CHECK-NEXT: creation at line [[@LINE+2]] by 'start_out' ('start_out', which creates it with 'cv_with_timeout' at line [[#START_OUT]]): cancelled by 'cv_cancel' at line [[@LINE+5]]{{$}}
  request_start(&r);
  start_out(100, &cancel);
  int rc = work(r.ctx);
  cv_cancel(r.cancel);
  cv_cancel(cancel);
  return rc;
}
// CHECK-NOT: {{^ }}
