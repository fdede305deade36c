// -cancel-verify-print-findings prints each finding as data. A LostCancel
// names its creator, the variable holding the handle, the exit where it is
// still owed (also as a related lost-exit location), and each helper of the
// module that cancels it only on some paths ("partial-helper"). Without
// such a helper there is no partial-helper line. At -O2 the early return
// shares the function's one return, and the exit is named at the `if` that
// branches there (O0/O2 lines); the column is that of the branch condition,
// which LLVM versions place differently.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %cv_opt -cancel-verify-print-findings -disable-output %t.O0.ll 2>&1 | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=finding
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %cv_opt -cancel-verify-print-findings -disable-output %t.O2.ll 2>&1 | FileCheck %s --check-prefixes=CHECK,O2 --implicit-check-not=finding
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx(void);
void log_msg(const char *msg);

// Cancels only on success: a completion callback that forgets failures.
__attribute__((noinline)) void on_complete(cv_cancel_t *cancel, int rc) {
  if (rc < 0) {
    log_msg("failed");
    return;
  }
  cv_cancel(cancel);
}

int uses_on_complete(void) {
  cv_ctx_t *child;
  // CHECK: {{^}}finding LostCancel at {{.*}}findings-lost-cancel-partial-helper.c:[[@LINE+7]]:25 in 'uses_on_complete'{{$}}
  // CHECK-NEXT: {{^}}  creator: 'cv_with_cancel'{{$}}
  // CHECK-NEXT: {{^}}  variable: cancel{{$}}
  // CHECK-NEXT: {{^}}  exit: {{.*}}findings-lost-cancel-partial-helper.c:[[@LINE+7]]:3{{$}}
  // CHECK-NEXT: {{^}}  partial-helper: 'on_complete'{{$}}
  // CHECK-NEXT: {{^}}  related lost-exit at {{.*}}findings-lost-cancel-partial-helper.c:[[@LINE+5]]:3{{$}}
  // CHECK-NOT: {{^ }}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  int rc = work(child);
  on_complete(cancel, rc);
  return rc;
}

// Negative: no helper involved, so no partial-helper line.
int early_return(void) {
  cv_ctx_t *child;
  // CHECK: {{^}}finding LostCancel at {{.*}}findings-lost-cancel-partial-helper.c:[[@LINE+8]]:25 in 'early_return'{{$}}
  // CHECK-NEXT: {{^}}  creator: 'cv_with_timeout'{{$}}
  // CHECK-NEXT: {{^}}  variable: cancel{{$}}
  // O0-NEXT: {{^}}  exit: {{.*}}findings-lost-cancel-partial-helper.c:[[@LINE+8]]:5{{$}}
  // O0-NEXT: {{^}}  related lost-exit at {{.*}}findings-lost-cancel-partial-helper.c:[[@LINE+7]]:5{{$}}
  // O2-NEXT: {{^}}  exit: {{.*}}findings-lost-cancel-partial-helper.c:[[@LINE+5]]:{{[0-9]+}}{{$}}
  // O2-NEXT: {{^}}  related lost-exit at {{.*}}findings-lost-cancel-partial-helper.c:[[@LINE+4]]:{{[0-9]+}}{{$}}
  // CHECK-NOT: {{^ }}
  cv_cancel_t *cancel = cv_with_timeout(request_ctx(), 100, &child);
  int rc = work(child);
  if (rc < 0)
    return rc;
  cv_cancel(cancel);
  return 0;
}
