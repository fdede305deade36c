// "handle at P: discharges on every path (HOW)": what a function does to a
// handle passed in a parameter (arg1) or found through one (*(arg0),
// *(arg0+8)) when every path out of it cancels or defers that handle. HOW
// names the cancel or defer, also when it sits in a helper further down.
// A handle in a parameter that only reaches other parameters' cancels is
// not discharged. The printer asks about argN and *(argN) for each pointer
// parameter; *(arg0+8) is printed because uses_op() asked about it. At -O2
// the two cancels of stop_either() are merged into one call whose merged
// location has no line.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O0.ll 2>&1 | FileCheck %s --check-prefixes=CHECK,O0
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O2.ll 2>&1 | FileCheck %s --check-prefixes=CHECK,O2
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx(void);
void log_msg(const char *msg);

struct op {
  cv_ctx_t *ctx;       // offset 0
  cv_cancel_t *cancel; // offset 8
};

// CHECK: cancel-verify summaries of module '{{.*}}.ll'

// CHECK-LABEL: {{^}}function 'stop'{{$}}
// CHECK-NEXT: handle at arg0: discharges on every path (cancelled by 'cv_cancel' at line [[#STOP:@LINE+4]]){{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void stop(cv_cancel_t *cancel) {
  cv_cancel(cancel);
}

// Both branches cancel.
// CHECK-LABEL: {{^}}function 'stop_either'{{$}}
// O0-NEXT: handle at arg0: discharges on every path (cancelled by 'cv_cancel' at line [[@LINE+7]]){{$}}
// O2-NEXT: handle at arg0: discharges on every path (cancelled by 'cv_cancel'){{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void stop_either(cv_cancel_t *cancel, int rc) {
  if (rc < 0) {
    log_msg("failed");
    cv_cancel(cancel);
    return;
  }
  cv_cancel(cancel);
}

// Through a helper: the cancel named is the helper's.
// CHECK-LABEL: {{^}}function 'stop_via'{{$}}
// CHECK-NEXT: handle at arg0: discharges on every path (cancelled by 'cv_cancel' at line [[#STOP]]){{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void stop_via(cv_cancel_t *cancel) {
  log_msg("stopping");
  stop(cancel);
}

// The handle the parameter points to.
// CHECK-LABEL: {{^}}function 'stop_pointed_to'{{$}}
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): discharges on every path (cancelled by 'cv_cancel' at line [[@LINE+3]]){{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void stop_pointed_to(cv_cancel_t **cancel) {
  cv_cancel(*cancel);
}

// Deferred, in the second parameter; the defer list is no handle.
// CHECK-LABEL: {{^}}function 'defer_it'{{$}}
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NEXT: handle at arg1: discharges on every path (deferred by 'cv_defer' at line [[@LINE+5]]){{$}}
// CHECK-NEXT: handle at *(arg1): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void defer_it(cv_defers_t *defers,
                                        cv_cancel_t *cancel) {
  cv_defer(defers, cancel);
}

// Only the second parameter is cancelled.
// CHECK-LABEL: {{^}}function 'stop_second'{{$}}
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NEXT: handle at arg1: discharges on every path (cancelled by 'cv_cancel' at line [[@LINE+5]]){{$}}
// CHECK-NEXT: handle at *(arg1): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void stop_second(cv_cancel_t *first,
                                           cv_cancel_t *second) {
  cv_cancel(second);
}

// A field of the struct the parameter points to.
// CHECK-LABEL: {{^}}function 'op_finish'{{$}}
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0+8): discharges on every path (cancelled by 'cv_cancel' at line [[#OP_FINISH:@LINE+4]]){{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void op_finish(struct op *o) {
  log_msg("finished");
  cv_cancel(o->cancel);
}

// CHECK-LABEL: {{^}}function 'uses_op'{{$}}
int uses_op(void) {
  struct op o;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': cancelled by 'cv_cancel' at line [[#OP_FINISH]] (through 'op_finish' at line [[@LINE+3]]){{$}}
  o.cancel = cv_with_cancel(request_ctx(), &o.ctx);
  int rc = work(o.ctx);
  op_finish(&o);
  return rc;
}
// CHECK-NOT: {{^ }}
