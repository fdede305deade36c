// A LostCancel where the handle is owed when an exception leaves the
// function, as data: the exit is the call that throws (a helper of the
// module known to throw), marked "(exception)". The helper is noinline:
// -O2 prints the same finding as -O0.
//
// RUN: %clangxx -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %cv_opt -cancel-verify-print-findings -disable-output %t.O0.ll 2>&1 | FileCheck %s --implicit-check-not=finding
// RUN: %clangxx -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %cv_opt -cancel-verify-print-findings -disable-output %t.O2.ll 2>&1 | FileCheck %s --implicit-check-not=finding
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx();

struct Failure {
  int code;
};

__attribute__((noinline)) void check(int rc) {
  if (rc < 0)
    throw Failure{rc};
}

int lost_by_throw() {
  cv_ctx_t *child;
  // CHECK: {{^}}finding LostCancel at {{.*}}findings-lost-cancel-by-exception.cpp:[[@LINE+6]]:25 in 'lost_by_throw()'{{$}}
  // CHECK-NEXT: {{^}}  creator: 'cv_with_cancel'{{$}}
  // CHECK-NEXT: {{^}}  variable: cancel{{$}}
  // CHECK-NEXT: {{^}}  exit: {{.*}}findings-lost-cancel-by-exception.cpp:[[@LINE+5]]:3 (exception){{$}}
  // CHECK-NEXT: {{^}}  related lost-exit at {{.*}}findings-lost-cancel-by-exception.cpp:[[@LINE+4]]:3{{$}}
  // CHECK-NOT: {{^ }}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  int rc = work(child);
  check(rc);
  cv_cancel(cancel);
  return rc;
}
