// A function whose return value depends on an observation of cancellation
// "returns the observation": a wrapper of an observer, a wrapper of that
// wrapper (the chain names every level), a negated one, and a reader of a
// volatile stop flag (an inferred flag, so it only returns the observation:
// "observes cancellation" is for modelled observers). A wrapper of a
// cancellable wait both blocks and returns what it observes. A function
// that observes but returns something else does not return it, and one that
// returns an unrelated value observes nothing.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O0.ll 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O2.ll 2>&1 | FileCheck %s
#include "cv_context.h"

volatile int stop_requested;
int poll_count(cv_ctx_t *ctx);

// CHECK: cancel-verify summaries of module '{{.*}}.ll'

// CHECK-LABEL: {{^}}function 'should_stop'{{$}}
// CHECK-NEXT: observes cancellation: 'cv_done' at {{.*}}wait-observer-returns-observation.c:[[#DONE:@LINE+4]]{{$}}
// CHECK-NEXT: returns the observation: 'cv_done' at {{.*}}wait-observer-returns-observation.c:[[#DONE]]{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) int should_stop(cv_ctx_t *ctx) {
  return cv_done(ctx);
}

// The wrapper of the wrapper, negated: still the observation.
// CHECK-LABEL: {{^}}function 'keep_going'{{$}}
// CHECK-NEXT: observes cancellation: 'should_stop -> cv_done' at {{.*}}wait-observer-returns-observation.c:[[#DONE]]{{$}}
// CHECK-NEXT: returns the observation: 'should_stop -> cv_done' at {{.*}}wait-observer-returns-observation.c:[[#DONE]]{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) int keep_going(cv_ctx_t *ctx) {
  return !should_stop(ctx);
}

// A stop flag nobody modelled: volatile, so inferred as a flag.
// CHECK-LABEL: {{^}}function 'stopping'{{$}}
// CHECK-NEXT: returns the observation: a flag at {{.*}}wait-observer-returns-observation.c:[[@LINE+3]] (inferred flag){{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) int stopping(void) {
  return stop_requested;
}

// A cancellable wait: it may block and returns early on cancellation.
// CHECK-LABEL: {{^}}function 'wait_ready'{{$}}
// CHECK-NEXT: may block: 'cv_wait_ready' at {{.*}}wait-observer-returns-observation.c:[[@LINE+5]]{{$}}
// CHECK-NEXT: observes cancellation: 'cv_wait_ready' at {{.*}}wait-observer-returns-observation.c:[[@LINE+4]]{{$}}
// CHECK-NEXT: returns the observation: 'cv_wait_ready' at {{.*}}wait-observer-returns-observation.c:[[@LINE+3]]{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) int wait_ready(cv_ctx_t *ctx, int fd) {
  return cv_wait_ready(ctx, fd);
}

// Negative: observes, but returns a count that does not depend on it.
// CHECK-LABEL: {{^}}function 'observes_returns_count'{{$}}
// CHECK-NEXT: observes cancellation: 'cv_err' at {{.*}}wait-observer-returns-observation.c:[[@LINE+4]]{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) int observes_returns_count(cv_ctx_t *ctx) {
  int n = poll_count(ctx);
  (void)cv_err(ctx);
  return n;
}

// Negative: takes a context but never observes it.
// CHECK-LABEL: {{^}}function 'just_counts'{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) int just_counts(cv_ctx_t *ctx) {
  return poll_count(ctx) + 1;
}
