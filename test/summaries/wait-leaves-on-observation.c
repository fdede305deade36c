// A function that ends other than by returning (pthread_exit, abort) when
// it observes cancellation "leaves on the observation": directly, through
// an observer wrapper (the chain names the wrapper), on a volatile stop
// flag (inferred), and in a caller of such a helper, which leaves with it.
// Leaving on something else (an error count), or observing and then
// returning normally, is not leaving on the observation. The helpers are
// noinline: -O2 prints the same facts as -O0.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O0.ll 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O2.ll 2>&1 | FileCheck %s
#include <pthread.h>
#include <stdlib.h>
#include "cv_context.h"

volatile int stop_requested;
void log_msg(const char *msg);
int poll_count(cv_ctx_t *ctx);

// CHECK: cancel-verify summaries of module '{{.*}}.ll'

// CHECK-LABEL: {{^}}function 'should_stop'{{$}}
// CHECK-NEXT: observes cancellation: 'cv_done' at {{.*}}wait-leaves-on-observation.c:[[#DONE:@LINE+4]]{{$}}
// CHECK-NEXT: returns the observation: 'cv_done' at {{.*}}wait-leaves-on-observation.c:[[#DONE]]{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) int should_stop(cv_ctx_t *ctx) {
  return cv_done(ctx);
}

// The thread exits when its context is cancelled.
// CHECK-LABEL: {{^}}function 'exit_if_cancelled'{{$}}
// CHECK-NEXT: observes cancellation: 'cv_done' at {{.*}}wait-leaves-on-observation.c:[[#EXIT_IF:@LINE+4]]{{$}}
// CHECK-NEXT: leaves on the observation: 'cv_done' at {{.*}}wait-leaves-on-observation.c:[[#EXIT_IF]]{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void exit_if_cancelled(cv_ctx_t *ctx) {
  if (cv_done(ctx))
    pthread_exit(0);
}

// The observation comes from the wrapper; the exit is here.
// CHECK-LABEL: {{^}}function 'exit_via_wrapper'{{$}}
// CHECK-NEXT: observes cancellation: 'should_stop -> cv_done' at {{.*}}wait-leaves-on-observation.c:[[#DONE]]{{$}}
// CHECK-NEXT: leaves on the observation: 'should_stop -> cv_done' at {{.*}}wait-leaves-on-observation.c:[[#DONE]]{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void exit_via_wrapper(cv_ctx_t *ctx) {
  if (should_stop(ctx)) {
    log_msg("stopping");
    pthread_exit(0);
  }
}

// An inferred flag, and abort() as the way out.
// CHECK-LABEL: {{^}}function 'abort_if_flag'{{$}}
// CHECK-NEXT: leaves on the observation: a flag at {{.*}}wait-leaves-on-observation.c:[[@LINE+3]] (inferred flag){{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void abort_if_flag(void) {
  if (stop_requested)
    abort();
}

// The caller of a helper that leaves leaves with it.
// CHECK-LABEL: {{^}}function 'calls_exit_if_cancelled'{{$}}
// CHECK-NEXT: observes cancellation: 'exit_if_cancelled -> cv_done' at {{.*}}wait-leaves-on-observation.c:[[#EXIT_IF]]{{$}}
// CHECK-NEXT: leaves on the observation: 'exit_if_cancelled -> cv_done' at {{.*}}wait-leaves-on-observation.c:[[#EXIT_IF]]{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void calls_exit_if_cancelled(cv_ctx_t *ctx) {
  log_msg("before");
  exit_if_cancelled(ctx);
  log_msg("after");
}

// Negative: exits on an error, not on cancellation.
// CHECK-LABEL: {{^}}function 'exit_on_error'{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void exit_on_error(cv_ctx_t *ctx) {
  if (poll_count(ctx) < 0)
    pthread_exit(0);
}

// Negative: observes, logs, and returns.
// CHECK-LABEL: {{^}}function 'logs_if_cancelled'{{$}}
// CHECK-NEXT: observes cancellation: 'cv_done' at {{.*}}wait-leaves-on-observation.c:[[@LINE+3]]{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void logs_if_cancelled(cv_ctx_t *ctx) {
  if (cv_done(ctx))
    log_msg("cancelled");
}
