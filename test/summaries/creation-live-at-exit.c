// A creation whose handle is still owed when the function returns is
// "live at the exit at FILE:LINE", naming the return; when it is cancelled
// on other paths, the cancels are listed after it. -O0 keeps one return per
// return statement; -O2 merges the returns into one shared return and names
// the exit at the branch that takes the owing path there (the `if` of the
// early return), so the exit named differs (O0/O2 lines).
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O0.ll 2>&1 | FileCheck %s --check-prefixes=CHECK,O0
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O2.ll 2>&1 | FileCheck %s --check-prefixes=CHECK,O2
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx(void);
void log_msg(const char *msg);

// CHECK: cancel-verify summaries of module '{{.*}}.ll'

// Never cancelled: the one return.
// CHECK-LABEL: {{^}}function 'never_cancelled'{{$}}
int never_cancelled(void) {
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': live at the exit at {{.*}}creation-live-at-exit.c:[[@LINE+5]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  int rc = work(child);
  if (rc < 0)
    log_msg(cancel ? "failed" : "no handle");
  return rc;
}
// CHECK-NOT: {{^ }}

// Cancelled on the way out, except on the early return.
// CHECK-LABEL: {{^}}function 'early_return'{{$}}
int early_return(void) {
  cv_ctx_t *child;
  // O0-NEXT: creation at line [[@LINE+2]] by 'cv_with_timeout': live at the exit at {{.*}}creation-live-at-exit.c:[[@LINE+6]]; cancelled by 'cv_cancel' at line [[@LINE+7]]{{$}}
  // O2-NEXT: creation at line [[@LINE+1]] by 'cv_with_timeout': live at the exit at {{.*}}creation-live-at-exit.c:[[@LINE+3]]; cancelled by 'cv_cancel' at line [[@LINE+6]]{{$}}
  cv_cancel_t *cancel = cv_with_timeout(request_ctx(), 100, &child);
  int rc = work(child);
  if (rc < 0)
    // The early return.
    return rc;
  cv_cancel(cancel);
  return 0;
}
// CHECK-NOT: {{^ }}
