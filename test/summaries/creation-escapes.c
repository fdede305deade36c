// A creation whose handle goes where the verifier cannot follow it
// "escapes: <how> at line N": stored in a global, stored in memory it
// cannot follow (through a pointer from an unknown function), passed to a
// function with no model and no body here, passed to an indirect call, or
// passed to a helper of the module that stores it in a global (the line is
// then the store in the helper). A pointer stored in a global takes along
// what it points to. Heap memory the function allocated is followed with
// the object: a job leaked with its handle keeps it live at the exit. The
// helper is noinline: -O2 prints the same facts as -O0.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O0.ll 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O2.ll 2>&1 | FileCheck %s
#include <stdlib.h>
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx(void);
void keep(cv_cancel_t *cancel);
cv_cancel_t **slot_for(int id);
cv_cancel_t *saved;

struct job {
  cv_ctx_t *ctx;
  cv_cancel_t *cancel;
};

// CHECK: cancel-verify summaries of module '{{.*}}.ll'

// CHECK-LABEL: {{^}}function 'remember'{{$}}
// CHECK-NEXT: handle at arg0: does not discharge; lets it escape: stored in global 'saved' at line [[#REMEMBER:@LINE+4]]{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge; lets it escape: stored in global 'saved' at line [[#REMEMBER]]{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void remember(cv_cancel_t *cancel) {
  saved = cancel;
}

// CHECK-LABEL: {{^}}function 'to_global'{{$}}
int to_global(void) {
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': escapes: stored in global 'saved' at line [[@LINE+1]]{{$}}
  saved = cv_with_cancel(request_ctx(), &child);
  return work(child);
}
// CHECK-NOT: {{^ }}

// CHECK-LABEL: {{^}}function 'to_heap'{{$}}
int to_heap(void) {
  struct job *j = malloc(sizeof *j);
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': live at the exit at {{.*}}creation-escapes.c:[[@LINE+2]]{{$}}
  j->cancel = cv_with_cancel(request_ctx(), &j->ctx);
  return work(j->ctx);
}
// CHECK-NOT: {{^ }}

// CHECK-LABEL: {{^}}function 'to_unknown_memory'{{$}}
int to_unknown_memory(int id) {
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': escapes: stored in memory the verifier cannot follow at line [[@LINE+2]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  *slot_for(id) = cancel;
  return work(child);
}
// CHECK-NOT: {{^ }}

// CHECK-LABEL: {{^}}function 'to_unknown_callee'{{$}}
int to_unknown_callee(void) {
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_timeout': escapes: passed to 'keep', which has no model and no body here at line [[@LINE+2]]{{$}}
  cv_cancel_t *cancel = cv_with_timeout(request_ctx(), 100, &child);
  keep(cancel);
  return work(child);
}
// CHECK-NOT: {{^ }}

// The callback is the function's parameter: calling it is an indirect call.
// A handle in arg0 itself would be called, which discharges a handle that
// is a function.
// CHECK-LABEL: {{^}}function 'to_indirect_call'{{$}}
int to_indirect_call(void (*callback)(cv_cancel_t *)) {
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': escapes: passed to an indirect call at line [[#CALLBACK:@LINE+2]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  callback(cancel);
  return work(child);
}
// CHECK-NEXT: handle at arg0: discharges on every path (called at line [[#CALLBACK]]){{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}

// CHECK-LABEL: {{^}}function 'through_helper'{{$}}
int through_helper(void) {
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': escapes: passed to 'remember', where it is stored in global 'saved' at line [[#REMEMBER]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  remember(cancel);
  return work(child);
}
// CHECK-NOT: {{^ }}
