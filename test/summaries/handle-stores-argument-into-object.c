// A constructor-like function that stores its arguments into the object
// its first argument points to "stores argN at <place>", one line per
// store in order, where <place> is the address stored to: arg0+8 is 8
// bytes into *arg0, *(arg0+24)+8 is 8 bytes into the object whose address
// is at arg0+24. Storing the address of a function says which function.
// The effect on a handle passed in that argument is that it is stored for
// the caller in the matching path, so a caller that builds the object and
// cancels through the field has its creation cancelled. Storing a
// constant is no argument store, and storing into a global is an escape,
// not a store for the caller. The helpers are noinline: -O2 prints the
// same facts as -O0.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O0.ll 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O2.ll 2>&1 | FileCheck %s
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx(void);
void on_done(int rc);
cv_cancel_t *last_cancel;

struct owner {
  int id;
  cv_cancel_t *cancel; // offset 8
};

struct job {
  cv_ctx_t *ctx;       // offset 0
  cv_cancel_t *cancel; // offset 8
  void (*done)(int);   // offset 16
  struct owner *owner; // offset 24
};

// CHECK: cancel-verify summaries of module '{{.*}}.ll'

// CHECK-LABEL: {{^}}function 'job_init'{{$}}
// CHECK-NEXT: stores arg1 at arg0{{$}}
// CHECK-NEXT: stores arg2 at arg0+8{{$}}
// CHECK-NEXT: stores function 'on_done' at arg0+16{{$}}
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge; takes it out of where it was given{{$}}
// CHECK-NEXT: handle at arg1: does not discharge; stores it for the caller in *(arg0){{$}}
// CHECK-NEXT: handle at *(arg1): does not discharge{{$}}
// CHECK-NEXT: handle at arg2: does not discharge; stores it for the caller in *(arg0+8){{$}}
// CHECK-NEXT: handle at *(arg2): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void job_init(struct job *j, cv_ctx_t *ctx,
                                        cv_cancel_t *cancel) {
  j->ctx = ctx;
  j->cancel = cancel;
  j->done = on_done;
}

// Into an object the argument points to, one level further.
// CHECK-LABEL: {{^}}function 'owner_adopt'{{$}}
// CHECK-NEXT: stores arg1 at *(arg0+24)+8{{$}}
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NEXT: handle at arg1: does not discharge; stores it for the caller in *(*(arg0+24)+8){{$}}
// CHECK-NEXT: handle at *(arg1): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void owner_adopt(struct job *j, cv_cancel_t *cancel) {
  j->owner->cancel = cancel;
}

// Negative: a constant is stored, no argument.
// CHECK-LABEL: {{^}}function 'clear'{{$}}
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void clear(struct job *j) {
  j->cancel = 0;
}

// Negative: into a global, which the caller cannot follow.
// CHECK-LABEL: {{^}}function 'remember'{{$}}
// CHECK-NEXT: handle at arg0: does not discharge; lets it escape: stored in global 'last_cancel' at line [[@LINE+4]]{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge; lets it escape: stored in global 'last_cancel' at line [[@LINE+3]]{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void remember(cv_cancel_t *cancel) {
  last_cancel = cancel;
}

// The handle goes into j.cancel by job_init and is cancelled from there.
// CHECK-LABEL: {{^}}function 'run_job'{{$}}
int run_job(void) {
  struct job j;
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': cancelled by 'cv_cancel' at line [[@LINE+4]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  job_init(&j, child, cancel);
  int rc = work(j.ctx);
  cv_cancel(j.cancel);
  return rc;
}
// CHECK-NOT: {{^ }}
