// "handle at P: does not discharge", with nothing else said: the function
// looks at the handle, ignores it, passes it to a helper that does not
// discharge it either, or cancels some other handle (one of its own, or
// one in a global). None of these lets the handle escape or returns it. A
// caller's creation handed to one is live at its exit. The helpers are
// noinline: -O2 prints the same facts as -O0.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O0.ll 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O2.ll 2>&1 | FileCheck %s
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx(void);
void log_msg(const char *msg);
cv_cancel_t *global_cancel;

// CHECK: cancel-verify summaries of module '{{.*}}.ll'

// CHECK-LABEL: {{^}}function 'just_logs'{{$}}
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void just_logs(cv_cancel_t *cancel) {
  if (!cancel)
    log_msg("no handle");
}

// CHECK-LABEL: {{^}}function 'ignores'{{$}}
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void ignores(cv_cancel_t *cancel, int n) {
  (void)cancel;
  if (n)
    log_msg("ignored");
}

// Through a helper that does not discharge.
// CHECK-LABEL: {{^}}function 'logs_via'{{$}}
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void logs_via(cv_cancel_t *cancel) {
  log_msg("about to log");
  just_logs(cancel);
}

// Cancels the global handle, not the one it is given.
// CHECK-LABEL: {{^}}function 'cancels_global'{{$}}
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void cancels_global(cv_cancel_t *cancel) {
  just_logs(cancel);
  cv_cancel(global_cancel);
}

// Cancels a handle of its own, not the one it is given.
// CHECK-LABEL: {{^}}function 'cancels_its_own'{{$}}
__attribute__((noinline)) void cancels_its_own(cv_cancel_t *cancel) {
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *own = cv_with_cancel(request_ctx(), &child);
  just_logs(cancel);
  cv_cancel(own);
}
// CHECK-NEXT: handle at arg0: does not discharge{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}

// CHECK-LABEL: {{^}}function 'uses_logs_via'{{$}}
int uses_logs_via(void) {
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_timeout': live at the exit at {{.*}}effect-does-not-discharge.c:[[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_timeout(request_ctx(), 100, &child);
  logs_via(cancel);
  return work(child);
}
// CHECK-NOT: {{^ }}
