// An accessor that returns the address of a field of its argument "returns
// a pointer into arg0 + OFFSET" (byte offset, nested structs included), and
// one that returns its argument returns a pointer into arg0 (and returns a
// handle passed there). With that fact, a caller that stores a handle
// through the accessor and cancels it through the field is followed: its
// creation is cancelled, not lost in unknown memory. Returning a value
// loaded from the argument is not a pointer into it: a function that writes
// nothing returns what is there (`returns *(arg0)`). A field of one of two
// arguments, or a global, is neither. The accessors are noinline: -O2
// prints the same facts as -O0.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O0.ll 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O2.ll 2>&1 | FileCheck %s
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx(void);
cv_cancel_t *shared_slot;

struct job {
  cv_ctx_t *ctx;        // offset 0
  cv_cancel_t *cancel;  // offset 8
  struct {
    int retries;        // offset 16
    cv_cancel_t *cancel; // offset 24
  } retry;
};

// CHECK: cancel-verify summaries of module '{{.*}}.ll'

// CHECK-LABEL: {{^}}function 'job_cancel'{{$}}
// CHECK-NEXT: returns a pointer into arg0 + 8{{$}}
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) cv_cancel_t **job_cancel(struct job *j) {
  return &j->cancel;
}

// A field of a nested struct.
// CHECK-LABEL: {{^}}function 'retry_cancel'{{$}}
// CHECK-NEXT: returns a pointer into arg0 + 24{{$}}
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) cv_cancel_t **retry_cancel(struct job *j) {
  return &j->retry.cancel;
}

// The argument itself: offset 0 is not printed.
// CHECK-LABEL: {{^}}function 'same_job'{{$}}
// CHECK-NEXT: returns a pointer into arg0{{$}}
// CHECK-NEXT: handle at arg0: does not discharge; returns it{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) struct job *same_job(struct job *j) {
  return j;
}

// Negative: the value in the field, not its address. What it returns is
// whatever *(arg0) holds, and as it writes nothing, that is still there.
// CHECK-LABEL: {{^}}function 'job_ctx'{{$}}
// CHECK-NEXT: returns *(arg0){{$}}
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge; returns it{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) cv_ctx_t *job_ctx(struct job *j) {
  return j->ctx;
}

// Negative: into one of two arguments, depending on a flag.
// CHECK-LABEL: {{^}}function 'either'{{$}}
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NEXT: handle at arg1: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg1): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) cv_cancel_t **either(struct job *a, struct job *b,
                                               int first) {
  return first ? &a->cancel : &b->cancel;
}

// Negative: a global, whatever the argument.
// CHECK-LABEL: {{^}}function 'global_slot'{{$}}
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) cv_cancel_t **global_slot(struct job *j) {
  (void)j;
  return &shared_slot;
}

// The handle goes into j.cancel through the accessor and is cancelled
// from there.
// CHECK-LABEL: {{^}}function 'run_job'{{$}}
int run_job(void) {
  struct job j;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  *job_cancel(&j) = cv_with_cancel(request_ctx(), &j.ctx);
  int rc = work(j.ctx);
  cv_cancel(j.cancel);
  return rc;
}
// CHECK-NOT: {{^ }}
