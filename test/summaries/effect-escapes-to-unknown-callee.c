// "handle at P: does not discharge; lets it escape: passed to 'F', which
// has no model and no body here at line N": the handle goes to a function
// the verifier cannot see into. A handle pointed to by the parameter goes
// with it. Through a helper of the module the escape names every function
// on the way ("passed to 'A', where it is passed to 'B', ...") and the line
// of the call that lets it out, and so does a creation in a caller. A call
// through a local function pointer that only ever holds one function of
// the module is followed, not an escape. The helpers are noinline: -O2
// prints the same facts as -O0.
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
void keep_slot(cv_cancel_t **slot);

// CHECK: cancel-verify summaries of module '{{.*}}.ll'

// CHECK-LABEL: {{^}}function 'stop'{{$}}
// CHECK-NEXT: handle at arg0: discharges on every path (cancelled by 'cv_cancel' at line [[#STOP:@LINE+4]]){{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void stop(cv_cancel_t *cancel) {
  cv_cancel(cancel);
}

// CHECK-LABEL: {{^}}function 'hand_off'{{$}}
// CHECK-NEXT: handle at arg0: does not discharge; lets it escape: passed to 'keep', which has no model and no body here at line [[#KEEP:@LINE+4]]{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge; lets it escape: passed to 'keep', which has no model and no body here at line [[#KEEP]]{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void hand_off(cv_cancel_t *cancel) {
  keep(cancel);
}

// CHECK-LABEL: {{^}}function 'hand_off_via'{{$}}
// CHECK-NEXT: handle at arg0: does not discharge; lets it escape: passed to 'hand_off', where it is passed to 'keep', which has no model and no body here at line [[#KEEP]]{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge; lets it escape: passed to 'hand_off', where it is passed to 'keep', which has no model and no body here at line [[#KEEP]]{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void hand_off_via(cv_cancel_t *cancel) {
  log_msg("handing off");
  hand_off(cancel);
}

// The slot itself goes to the unknown function, and with it what it holds.
// CHECK-LABEL: {{^}}function 'hand_off_slot'{{$}}
// CHECK-NEXT: handle at arg0: does not discharge; lets it escape: passed to 'keep_slot', which has no model and no body here at line [[@LINE+4]]{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge; lets it escape: passed to 'keep_slot', which has no model and no body here at line [[@LINE+3]]{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void hand_off_slot(cv_cancel_t **slot) {
  keep_slot(slot);
}

// Negative: the pointer can only be stop().
// CHECK-LABEL: {{^}}function 'through_local_pointer'{{$}}
// CHECK-NEXT: handle at arg0: discharges on every path (cancelled by 'cv_cancel' at line [[#STOP]]){{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void through_local_pointer(cv_cancel_t *cancel) {
  void (*finish)(cv_cancel_t *) = stop;
  log_msg("finishing");
  finish(cancel);
}

// CHECK-LABEL: {{^}}function 'uses_hand_off_via'{{$}}
int uses_hand_off_via(void) {
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': escapes: passed to 'hand_off_via', where it is passed to 'hand_off', where it is passed to 'keep', which has no model and no body here at line [[#KEEP]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  hand_off_via(cancel);
  return work(child);
}
// CHECK-NOT: {{^ }}
