// The code flow of a LostCancel (codeFlows[0].threadFlows[0].locations):
// the creation ("the handle is created here"), each branch decision on the
// way ("taking the true branch", "taking the default case"), and the exit
// ("the function returns here without cancelling"), each with a location
// relative to SRCROOT; straight-line code has no decision in between.
// Other results have no code flow. On the source at -O0 and -O2 and on
// clang -O2 IR through opt. (Paths whose cancelling branch comes first are
// in sarif-code-flow-follows-the-lost-path.c.)
// A branch decision is located where clang puts the branch: the start of
// the condition (clang 19, column 7) or its operator (clang 22, column 19).
//
// RUN: rm -rf %t.dir && mkdir -p %t.dir && cp %s %t.dir/input.c
// RUN: cd %t.dir && %clang_cv -O0 -g -c input.c -I %examples/include -o o0.o \
// RUN:     -mllvm -cancel-verify-sarif=%t.dir/o0.sarif
// RUN: %python %S/Inputs/check-sarif.py %t.dir/o0.sarif --srcroot %t.dir \
// RUN:   | FileCheck %s --implicit-check-not=flow: --implicit-check-not='{{^result }}'
// RUN: cd %t.dir && %clang_cv -O2 -g -c input.c -I %examples/include -o o2.o \
// RUN:     -mllvm -cancel-verify-sarif=%t.dir/o2.sarif
// RUN: %python %S/Inputs/check-sarif.py %t.dir/o2.sarif --srcroot %t.dir \
// RUN:   | FileCheck %s --implicit-check-not=flow: --implicit-check-not='{{^result }}'
// RUN: cd %t.dir && %clang -O2 -g -S -emit-llvm input.c -I %examples/include -o o2.ll
// RUN: %cv_opt -disable-output %t.dir/o2.ll -cancel-verify-sarif=%t.dir/opt.sarif
// RUN: %python %S/Inputs/check-sarif.py %t.dir/opt.sarif --srcroot %t.dir \
// RUN:   | FileCheck %s --implicit-check-not=flow: --implicit-check-not='{{^result }}'
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report(cv_ctx_t *ctx);
int fallback(int rc);
void log_msg(const char *m);

int early_return(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report(child);
  cv_cancel(cancel);
  return 0;
}
// CHECK: {{^}}result LostCancel ruleIndex=0 level=warning{{$}}
// CHECK-NEXT: {{^}}  message: returns at input.c:[[@LINE-5]] without cancelling the handle created at line [[@LINE-7]] by 'cv_with_cancel'{{$}}
// CHECK-NEXT: {{^}}  at: SRCROOT:input.c:[[@LINE-8]]:25 in early_return{{$}}
// CHECK-NEXT: {{^}}  related[1]: SRCROOT:input.c:[[@LINE-7]]:5: the function returns here without cancelling{{$}}
// CHECK-NEXT: {{^}}  flow: SRCROOT:input.c:[[@LINE-10]]:25: the handle is created here{{$}}
// CHECK-NEXT: {{^}}  flow: SRCROOT:input.c:[[@LINE-10]]:{{(7|19)}}: taking the true branch{{$}}
// CHECK-NEXT: {{^}}  flow: SRCROOT:input.c:[[@LINE-10]]:5: the function returns here without cancelling{{$}}
// CHECK-NEXT: {{^}}  fingerprint:

int switch_default(cv_ctx_t *parent, int kind) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_timeout(parent, 50, &child);
  switch (kind) {
  case 1:
    cv_cancel(cancel);
    return work(child);
  case 2:
    cv_cancel(cancel);
    return report(child);
  default:
    return fallback(kind);
  }
}
// CHECK: {{^}}result LostCancel ruleIndex=0 level=warning{{$}}
// CHECK-NEXT: {{^}}  message: returns at input.c:[[@LINE-4]] without cancelling the handle created at line [[@LINE-13]] by 'cv_with_timeout'{{$}}
// CHECK-NEXT: {{^}}  at: SRCROOT:input.c:[[@LINE-14]]:25 in switch_default{{$}}
// CHECK-NEXT: {{^}}  related[1]: SRCROOT:input.c:[[@LINE-6]]:5: the function returns here without cancelling{{$}}
// CHECK-NEXT: {{^}}  flow: SRCROOT:input.c:[[@LINE-16]]:25: the handle is created here{{$}}
// CHECK-NEXT: {{^}}  flow: SRCROOT:input.c:[[@LINE-16]]:3: taking the default case{{$}}
// CHECK-NEXT: {{^}}  flow: SRCROOT:input.c:[[@LINE-9]]:5: the function returns here without cancelling{{$}}
// CHECK-NEXT: {{^}}  fingerprint:

int straight(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_deadline(parent, 9, &child);
  int rc = work(child);
  log_msg("no cancel");
  return rc + (cancel != 0);
}
// CHECK: {{^}}result LostCancel ruleIndex=0 level=warning{{$}}
// CHECK-NEXT: {{^}}  message: returns at input.c:[[@LINE-3]] without cancelling the handle created at line [[@LINE-6]] by 'cv_with_deadline'{{$}}
// CHECK-NEXT: {{^}}  at: SRCROOT:input.c:[[@LINE-7]]:25 in straight{{$}}
// CHECK-NEXT: {{^}}  related[1]: SRCROOT:input.c:[[@LINE-5]]:3: the function returns here without cancelling{{$}}
// CHECK-NEXT: {{^}}  flow: SRCROOT:input.c:[[@LINE-9]]:25: the handle is created here{{$}}
// CHECK-NEXT: {{^}}  flow: SRCROOT:input.c:[[@LINE-7]]:3: the function returns here without cancelling{{$}}
// CHECK-NEXT: {{^}}  fingerprint:

// No code flow for other findings.
int discards(cv_ctx_t *parent, int kind) {
  cv_ctx_t *child;
  if (kind)
    cv_with_cancel(parent, &child);
  return 0;
}
// CHECK: {{^}}result DiscardedCancel ruleIndex=1 level=warning{{$}}
// CHECK-NEXT: {{^}}  message:
// CHECK-NEXT: {{^}}  at:
// CHECK-NEXT: {{^}}  fingerprint:
// CHECK-NEXT: {{^}}results 4{{$}}
