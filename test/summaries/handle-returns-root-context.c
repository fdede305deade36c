// A wrapper of a root (cv_background, cv_todo), or of a function of the
// module that returns one, "returns a root context": every return returns
// a root. A function that returns a root on some paths only (the caller's
// context or an unknown one on the others), or a context kept in a global,
// does not. The wrappers are noinline: -O2 prints the same facts as -O0.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O0.ll 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O2.ll 2>&1 | FileCheck %s
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx(void);
cv_ctx_t *global_ctx;

// CHECK: cancel-verify summaries of module '{{.*}}.ll'

// CHECK-LABEL: {{^}}function 'app_background'{{$}}
// CHECK-NEXT: returns a root context{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) cv_ctx_t *app_background(void) {
  return cv_background();
}

// CHECK-LABEL: {{^}}function 'app_todo'{{$}}
// CHECK-NEXT: returns a root context{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) cv_ctx_t *app_todo(void) { return cv_todo(); }

// A wrapper of the wrapper.
// CHECK-LABEL: {{^}}function 'default_ctx'{{$}}
// CHECK-NEXT: returns a root context{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) cv_ctx_t *default_ctx(void) {
  return app_background();
}

// Negative: a root only when asked for the fallback.
// CHECK-LABEL: {{^}}function 'root_or_request'{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) cv_ctx_t *root_or_request(int fallback) {
  if (fallback)
    return cv_todo();
  return request_ctx();
}

// Negative: a global anyone may have set.
// CHECK-LABEL: {{^}}function 'cached'{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) cv_ctx_t *cached(void) {
  if (!global_ctx)
    global_ctx = cv_background();
  return global_ctx;
}

// Negative: the caller's context when it has one; it returns whatever
// arg0 holds.
// CHECK-LABEL: {{^}}function 'or_default'{{$}}
// CHECK-NEXT: handle at arg0: does not discharge; returns it{{$}}
// CHECK-NEXT: handle at *(arg0): does not discharge{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) cv_ctx_t *or_default(cv_ctx_t *ctx) {
  return ctx ? ctx : cv_background();
}

// A creator in the module, so that handle facts are computed.
// CHECK-LABEL: {{^}}function 'run'{{$}}
int run(void) {
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(default_ctx(), &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}
// CHECK-NOT: {{^ }}
