// DetachedContext as data: a creation whose parent is a root context while
// the function has a context parameter. "context-at-hand" names that
// parameter and the root is a related location: the call of cv_background()
// in the creation, or the call of a wrapper of the module that returns a
// root. Without a context at hand, a root parent is fine. The wrapper is
// noinline: -O2 prints the same findings as -O0.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %cv_opt -cancel-verify-print-findings -disable-output %t.O0.ll 2>&1 | FileCheck %s --implicit-check-not=finding
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %cv_opt -cancel-verify-print-findings -disable-output %t.O2.ll 2>&1 | FileCheck %s --implicit-check-not=finding
#include "cv_context.h"

int work(cv_ctx_t *ctx);

__attribute__((noinline)) cv_ctx_t *app_background(void) {
  return cv_background();
}

int handler_detaches(cv_ctx_t *req_ctx, int fd) {
  cv_ctx_t *child;
  // CHECK: {{^}}finding DetachedContext at {{.*}}findings-detached-context.c:[[@LINE+6]]:25 in 'handler_detaches'{{$}}
  // CHECK-NEXT: {{^}}  creator: 'cv_with_timeout'{{$}}
  // CHECK-NEXT: {{^}}  variable: cancel{{$}}
  // CHECK-NEXT: {{^}}  context-at-hand: 'req_ctx'{{$}}
  // CHECK-NEXT: {{^}}  related root-context at {{.*}}findings-detached-context.c:[[@LINE+2]]:41{{$}}
  // CHECK-NOT: {{^ }}
  cv_cancel_t *cancel = cv_with_timeout(cv_background(), 1000, &child);
  int rc = work(child) + fd;
  cv_cancel(cancel);
  return rc;
}

int through_wrapper(cv_ctx_t *ctx) {
  cv_ctx_t *root = app_background();
  cv_ctx_t *child;
  // CHECK: {{^}}finding DetachedContext at {{.*}}findings-detached-context.c:[[@LINE+6]]:25 in 'through_wrapper'{{$}}
  // CHECK-NEXT: {{^}}  creator: 'cv_with_cancel'{{$}}
  // CHECK-NEXT: {{^}}  variable: cancel{{$}}
  // CHECK-NEXT: {{^}}  context-at-hand: 'ctx'{{$}}
  // CHECK-NEXT: {{^}}  related root-context at {{.*}}findings-detached-context.c:[[@LINE-6]]:20{{$}}
  // CHECK-NOT: {{^ }}
  cv_cancel_t *cancel = cv_with_cancel(root, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// Negative: no context to derive from.
int no_context_at_hand(int fd) {
  cv_ctx_t *child;
  // CHECK: {{^}}finding CancelVerified at {{.*}}findings-detached-context.c:[[@LINE+7]]:25 in 'no_context_at_hand'{{$}}
  // CHECK-NEXT: {{^}}  creator: 'cv_with_cancel'{{$}}
  // CHECK-NEXT: {{^}}  variable: cancel{{$}}
  // CHECK-NEXT: {{^}}  how: discharged{{$}}
  // CHECK-NEXT: {{^}}  discharge: cancel 'cv_cancel'{{$}}
  // CHECK-NEXT: {{^}}  related discharge at {{.*}}findings-detached-context.c:[[@LINE+4]]:3{{$}}
  // CHECK-NOT: {{^ }}
  cv_cancel_t *cancel = cv_with_cancel(cv_todo(), &child);
  int rc = work(child) + fd;
  cv_cancel(cancel);
  return rc;
}
