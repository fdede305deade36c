// The other ways a CancelVerified finding is reached, as data: a defer
// ("discharge: defer 'cv_defer'", with the related discharge), a function
// that never returns while the handle is owed ("how: no-exit-with-handle",
// no discharge), and main, whose return ends the process ("how:
// main-return"). -O2 prints the same findings as -O0.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %cv_opt -cancel-verify-print-findings -disable-output %t.O0.ll 2>&1 | FileCheck %s --implicit-check-not=finding
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %cv_opt -cancel-verify-print-findings -disable-output %t.O2.ll 2>&1 | FileCheck %s --implicit-check-not=finding
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx(void);

int deferred(cv_defers_t *defers) {
  cv_ctx_t *child;
  // CHECK: {{^}}finding CancelVerified at {{.*}}findings-cancel-verified-defer-no-exit-main.c:[[@LINE+7]]:25 in 'deferred'{{$}}
  // CHECK-NEXT: {{^}}  creator: 'cv_with_cancel'{{$}}
  // CHECK-NEXT: {{^}}  variable: cancel{{$}}
  // CHECK-NEXT: {{^}}  how: discharged{{$}}
  // CHECK-NEXT: {{^}}  discharge: defer 'cv_defer'{{$}}
  // CHECK-NEXT: {{^}}  related discharge at {{.*}}findings-cancel-verified-defer-no-exit-main.c:[[@LINE+3]]:3{{$}}
  // CHECK-NOT: {{^ }}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  cv_defer(defers, cancel);
  return work(child);
}

void serve_forever(void) {
  cv_ctx_t *child;
  // CHECK: {{^}}finding CancelVerified at {{.*}}findings-cancel-verified-defer-no-exit-main.c:[[@LINE+5]]:25 in 'serve_forever'{{$}}
  // CHECK-NEXT: {{^}}  creator: 'cv_with_cancel'{{$}}
  // CHECK-NEXT: {{^}}  variable: cancel{{$}}
  // CHECK-NEXT: {{^}}  how: no-exit-with-handle{{$}}
  // CHECK-NOT: {{^ }}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  for (;;)
    work(child);
}

int main(void) {
  cv_ctx_t *child;
  // CHECK: {{^}}finding CancelVerified at {{.*}}findings-cancel-verified-defer-no-exit-main.c:[[@LINE+5]]:25 in 'main'{{$}}
  // CHECK-NEXT: {{^}}  creator: 'cv_with_timeout'{{$}}
  // CHECK-NEXT: {{^}}  variable: cancel{{$}}
  // CHECK-NEXT: {{^}}  how: main-return{{$}}
  // CHECK-NOT: {{^ }}
  cv_cancel_t *cancel = cv_with_timeout(request_ctx(), 100, &child);
  return work(child);
}
