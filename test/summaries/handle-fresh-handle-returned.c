// A function that creates a handle and returns it "hands a fresh handle to
// its caller: returned", naming the line of the creation; its own creation
// is "handed to the caller". A wrapper of such a function is one too, and
// its creation names the creator it calls and the creation inside. When
// the handle is cancelled on one path and returned on another, both are
// said. A function that creates and cancels before returning hands
// nothing. A caller of the wrappers judges each call as a creation. The
// wrappers are noinline: -O2 prints the same facts as -O0.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O0.ll 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O2.ll 2>&1 | FileCheck %s
#include "cv_context.h"

cv_ctx_t *request_ctx(void);
void submit(cv_ctx_t *ctx);
int work(cv_ctx_t *ctx);

// The work goes on with the child; the caller gets the handle.
// CHECK: cancel-verify summaries of module '{{.*}}.ll'
// CHECK-LABEL: {{^}}function 'start'{{$}}
__attribute__((noinline)) cv_cancel_t *start(long timeout_ms) {
  cv_ctx_t *child;
  // CHECK-NEXT: hands a fresh handle to its caller: returned (created at line [[#START:@LINE+2]]){{$}}
  // CHECK-NEXT: creation at line [[#START]] by 'cv_with_timeout': handed to the caller{{$}}
  cv_cancel_t *cancel = cv_with_timeout(request_ctx(), timeout_ms, &child);
  submit(child);
  return cancel;
}
// CHECK-NOT: {{^ }}

// CHECK-LABEL: {{^}}function 'start_twice'{{$}}
__attribute__((noinline)) cv_cancel_t *start_twice(long timeout_ms) {
  // CHECK-NEXT: hands a fresh handle to its caller: returned (created at line [[#START_TWICE:@LINE+2]]){{$}}
  // CHECK-NEXT: creation at line [[#START_TWICE]] by 'start' ('start', which creates it with 'cv_with_timeout' at line [[#START]]): handed to the caller{{$}}
  return start(timeout_ms * 2);
}
// CHECK-NOT: {{^ }}

// Cancelled when it is not wanted, returned otherwise.
// CHECK-LABEL: {{^}}function 'start_if'{{$}}
__attribute__((noinline)) cv_cancel_t *start_if(int wanted) {
  cv_ctx_t *child;
  // CHECK-NEXT: hands a fresh handle to its caller: returned (created at line [[@LINE+2]]){{$}}
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': cancelled by 'cv_cancel' at line [[@LINE+3]]; handed to the caller{{$}}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  if (!wanted) {
    cv_cancel(cancel);
    return 0;
  }
  submit(child);
  return cancel;
}
// CHECK-NOT: {{^ }}

// Negative: the handle never leaves.
// CHECK-LABEL: {{^}}function 'run_once'{{$}}
__attribute__((noinline)) int run_once(long timeout_ms) {
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_timeout': cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_timeout(request_ctx(), timeout_ms, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}
// CHECK-NOT: {{^ }}

// The handle from start() is cancelled, the one from start_twice() is not.
// CHECK-LABEL: {{^}}function 'caller'{{$}}
int caller(void) {
  // CHECK-NEXT: creation at line [[@LINE+2]] by 'start' ('start', which creates it with 'cv_with_timeout' at line [[#START]]): cancelled by 'cv_cancel' at line [[@LINE+5]]{{$}}
  // CHECK-NEXT: creation at line [[@LINE+2]] by 'start_twice' ('start_twice', which creates it with 'start' at line [[#START_TWICE]]): live at the exit at {{.*}}handle-fresh-handle-returned.c:[[@LINE+5]]{{$}}
  cv_cancel_t *a = start(100);
  cv_cancel_t *b = start_twice(100);
  int rc = work(request_ctx());
  cv_cancel(a);
  return rc + (b != 0);
}
// CHECK-NOT: {{^ }}
