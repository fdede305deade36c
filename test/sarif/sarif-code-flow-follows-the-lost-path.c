// KNOWN BUG, expected to fail until fixed: the code flow of a LostCancel
// must follow the path that loses the handle. When the cancelling branch
// comes first, the flow takes it instead: findLostPath's breadth-first
// search steps into every block the handle *enters* owed, including the
// block that cancels it, and so reaches the shared return block through
// the cancel ("taking the true branch" into the cv_cancel) and, with two
// decisions, drops the second one. Expected below is the path that loses
// the handle. On the source at -O0 and on clang -O2 IR through opt.
// (A decision's column is clang's: it differs between clang 19 and 22.)
//
// RUN: rm -rf %t.dir && mkdir -p %t.dir && cp %s %t.dir/input.c
// RUN: cd %t.dir && %clang_cv -O0 -g -c input.c -I %examples/include -o o0.o \
// RUN:     -mllvm -cancel-verify-sarif=%t.dir/o0.sarif
// RUN: %python %S/Inputs/check-sarif.py %t.dir/o0.sarif --srcroot %t.dir \
// RUN:   | FileCheck %s --implicit-check-not=flow:
// RUN: cd %t.dir && %clang -O2 -g -S -emit-llvm input.c -I %examples/include -o o2.ll
// RUN: %cv_opt -disable-output %t.dir/o2.ll -cancel-verify-sarif=%t.dir/opt.sarif
// RUN: %python %S/Inputs/check-sarif.py %t.dir/opt.sarif --srcroot %t.dir \
// RUN:   | FileCheck %s --implicit-check-not=flow:
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report(cv_ctx_t *ctx);
int fallback(int rc);

int cancel_on_success(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = work(child);
  if (rc >= 0) {
    cv_cancel(cancel);
    return rc;
  }
  return report(child);
}
// CHECK: {{^}}  at: SRCROOT:input.c:[[@LINE-8]]:25 in cancel_on_success{{$}}
// CHECK: {{^}}  flow: SRCROOT:input.c:[[@LINE-9]]:25: the handle is created here{{$}}
// CHECK-NEXT: {{^}}  flow: SRCROOT:input.c:[[@LINE-8]]:{{[0-9]+}}: taking the false branch{{$}}
// CHECK-NEXT: {{^}}  flow: SRCROOT:input.c:[[@LINE-5]]:3: the function returns here without cancelling{{$}}

int two_decisions(cv_ctx_t *parent, int mode) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = work(child);
  if (rc >= 0) {
    cv_cancel(cancel);
    return rc;
  }
  if (mode == 0) {
    cv_cancel(cancel);
    return fallback(rc);
  }
  return report(child);
}
// CHECK: {{^}}  at: SRCROOT:input.c:[[@LINE-12]]:25 in two_decisions{{$}}
// CHECK: {{^}}  flow: SRCROOT:input.c:[[@LINE-13]]:25: the handle is created here{{$}}
// CHECK-NEXT: {{^}}  flow: SRCROOT:input.c:[[@LINE-12]]:{{[0-9]+}}: taking the false branch{{$}}
// CHECK-NEXT: {{^}}  flow: SRCROOT:input.c:[[@LINE-9]]:{{[0-9]+}}: taking the false branch{{$}}
// CHECK-NEXT: {{^}}  flow: SRCROOT:input.c:[[@LINE-6]]:3: the function returns here without cancelling{{$}}

int switch_case(cv_ctx_t *parent, int kind) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_timeout(parent, 50, &child);
  switch (kind) {
  case 1:
    cv_cancel(cancel);
    return work(child);
  case 7:
    return report(child);
  default:
    break;
  }
  cv_cancel(cancel);
  return 0;
}
// CHECK: {{^}}  at: SRCROOT:input.c:[[@LINE-13]]:25 in switch_case{{$}}
// CHECK: {{^}}  flow: SRCROOT:input.c:[[@LINE-14]]:25: the handle is created here{{$}}
// CHECK-NEXT: {{^}}  flow: SRCROOT:input.c:[[@LINE-14]]:3: taking case 7{{$}}
// CHECK-NEXT: {{^}}  flow: SRCROOT:input.c:[[@LINE-10]]:5: the function returns here without cancelling{{$}}
