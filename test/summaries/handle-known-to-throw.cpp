// "known to throw": a function that throws, or calls a function of the
// module that is known to throw, and lets the exception out (a rethrow
// from a handler lets it out too). A function that catches everything, is
// noexcept, or only calls functions without a body here (assumed not to
// throw) is not known to throw. A creation in a function that calls a
// thrower while the handle is owed is live at that exit "by exception".
// The helpers are noinline: -O2 prints the same facts as -O0.
//
// Handle facts are computed for modules that call a creator, hence
// lost_by_throw().
//
// RUN: %clangxx -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O0.ll 2>&1 | FileCheck %s
// RUN: %clangxx -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O2.ll 2>&1 | FileCheck %s
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx();
void log_msg(const char *msg);
int failures;

struct Failure {
  int code;
};

// CHECK: cancel-verify summaries of module '{{.*}}.ll'

// CHECK-LABEL: {{^}}function 'check(int)'{{$}}
// CHECK-NEXT: known to throw{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void check(int rc) {
  if (rc < 0)
    throw Failure{rc};
}

// CHECK-LABEL: {{^}}function 'calls_check(int)'{{$}}
// CHECK-NEXT: known to throw{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void calls_check(int rc) {
  log_msg("checking");
  check(rc);
}

// Negative: everything is caught.
// CHECK-LABEL: {{^}}function 'catches_all(int)'{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) int catches_all(int rc) {
  try {
    check(rc);
  } catch (...) {
    return -1;
  }
  return 0;
}

// Negative: no throw at all.
// CHECK-LABEL: {{^}}function 'no_throw(int)'{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) int no_throw(int rc) { return rc + 1; }

// Negative: log_msg has no body here, so it is assumed not to throw.
// CHECK-LABEL: {{^}}function 'calls_extern(int)'{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void calls_extern(int rc) {
  if (rc)
    log_msg("extern");
}

// The throw leaves the function before the cancel.
// CHECK-LABEL: {{^}}function 'lost_by_throw()'{{$}}
// CHECK-NEXT: known to throw{{$}}
int lost_by_throw() {
  cv_ctx_t *child;
  // CHECK-NEXT: creation at line [[@LINE+1]] by 'cv_with_cancel': live at the exit by exception at {{.*}}handle-known-to-throw.cpp:[[@LINE+4]]; cancelled by 'cv_cancel' at line [[@LINE+5]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  int rc = work(child);
  // A call of a function that is known to throw, one level down.
  calls_check(rc);
  cv_cancel(cancel);
  return rc;
}
// CHECK-NOT: {{^ }}

// Everything is caught, counted, and thrown again.
// CHECK-LABEL: {{^}}function 'rethrows(int)'{{$}}
// CHECK-NEXT: known to throw{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) int rethrows(int rc) {
  try {
    check(rc);
  } catch (...) {
    ++failures;
    throw;
  }
  return 0;
}

// The terminate handler clang emits for the rethrow's cleanup: not one of
// ours, its facts are not pinned here.
// CHECK-LABEL: {{^}}function '__clang_call_terminate'{{$}}

// Negative: an exception out of a noexcept function terminates instead.
// CHECK-LABEL: {{^}}function 'calls_check_noexcept(int)'{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void calls_check_noexcept(int rc) noexcept {
  check(rc);
}
