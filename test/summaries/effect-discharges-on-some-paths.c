// "handle at P: discharges on some paths": a helper that cancels the
// handle on some of its paths only (a completion callback that forgets
// failures, a struct's done function that keeps the handle while retries
// are left). When another path lets the handle escape, that is said too.
// A caller's creation handed to such a helper is still live at its exit.
// The helpers are noinline: -O2 prints the same facts as -O0.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O0.ll 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O2.ll 2>&1 | FileCheck %s
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx(void);
void log_msg(const char *msg);
void keep(cv_cancel_t *cancel);

struct op {
  cv_ctx_t *ctx;       // offset 0
  cv_cancel_t *cancel; // offset 8
  int retries;         // offset 16
};

// CHECK: cancel-verify summaries of module '{{.*}}.ll'

// CHECK-LABEL: {{^}}function 'on_complete'{{$}}
// CHECK-NEXT: handle at arg0: discharges on some paths{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void on_complete(cv_cancel_t *cancel, int rc) {
  if (rc < 0) {
    log_msg("failed");
    return;
  }
  cv_cancel(cancel);
}

// *(arg0+8) is asked about by uses_op_done().
// CHECK-LABEL: {{^}}function 'op_done'{{$}}
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0+8): discharges on some paths{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) int op_done(struct op *o) {
  if (o->retries > 0) {
    o->retries--;
    return 1;
  }
  cv_cancel(o->cancel);
  return 0;
}

// Cancels on success, hands the handle to an unknown function on failure.
// CHECK-LABEL: {{^}}function 'cancel_or_keep'{{$}}
// CHECK-NEXT: handle at arg0: discharges on some paths; lets it escape: passed to 'keep', which has no model and no body here at line [[#KEEP:@LINE+5]]{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge; lets it escape: passed to 'keep', which has no model and no body here at line [[#KEEP]]{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void cancel_or_keep(cv_cancel_t *cancel, int rc) {
  if (rc < 0) {
    keep(cancel);
    return;
  }
  cv_cancel(cancel);
}

// CHECK-LABEL: {{^}}function 'uses_op_done'{{$}}
int uses_op_done(void) {
  struct op o;
  o.retries = 1;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': live at the exit at {{.*}}effect-discharges-on-some-paths.c:[[@LINE+3]]{{$}}
  o.cancel = cv_with_cancel(request_ctx(), &o.ctx);
  work(o.ctx);
  return op_done(&o);
}
// CHECK-NOT: {{^ }}
