// LoopCancelNotActedOn as data: a blocking loop that observes cancellation
// but stays in the loop ("no-exit" when the loop has no exit at all).
// "observes" is the chain to the observation and its place, which is also
// a related observation (the observer itself, inside a wrapper when there
// is one); the blocking chain and its hops are given as for
// LoopIgnoresCancel. A loop that leaves on the observation is
// LoopObservesCancel, with the same keys. The helpers are noinline: -O2
// prints the same findings as -O0.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %cv_opt -cancel-verify-print-findings -disable-output %t.O0.ll 2>&1 | FileCheck %s --implicit-check-not=finding
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %cv_opt -cancel-verify-print-findings -disable-output %t.O2.ll 2>&1 | FileCheck %s --implicit-check-not=finding
#include <unistd.h>
#include "cv_context.h"

void log_msg(const char *msg);

__attribute__((noinline)) long read_frame(int fd, char *frame) {
  return read(fd, frame, 64);
}

__attribute__((noinline)) int should_stop(cv_ctx_t *ctx) {
  return cv_done(ctx);
}

// Logs the cancellation and reads on.
// CHECK: {{^}}finding LoopCancelNotActedOn at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE+8]]:3 in 'logs_and_stays'{{$}}
// CHECK-NEXT: {{^}}  blocks: read_frame -> read at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE-9]]:10{{$}}
// CHECK-NEXT: {{^}}  observes: cv_done at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE+7]]:9{{$}}
// CHECK-NEXT: {{^}}  related call-hop at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE+5]]:10 'read_frame'{{$}}
// CHECK-NEXT: {{^}}  related blocking-call at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE-12]]:10 'read'{{$}}
// CHECK-NEXT: {{^}}  related observation at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE+4]]:9 'cv_done'{{$}}
// CHECK-NOT: {{^ }}
void logs_and_stays(cv_ctx_t *ctx, int fd, char *frame) {
  while (read_frame(fd, frame) > 0) {
    if (cv_done(ctx))
      log_msg("cancelled");
  }
}

// The same through an observer wrapper.
// CHECK: {{^}}finding LoopCancelNotActedOn at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE+8]]:3 in 'asks_wrapper_and_stays'{{$}}
// CHECK-NEXT: {{^}}  blocks: read_frame -> read at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE-24]]:10{{$}}
// CHECK-NEXT: {{^}}  observes: should_stop -> cv_done at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE-21]]:10{{$}}
// CHECK-NEXT: {{^}}  related call-hop at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE+8]]:9 'read_frame'{{$}}
// CHECK-NEXT: {{^}}  related blocking-call at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE-27]]:10 'read'{{$}}
// CHECK-NEXT: {{^}}  related observation at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE-24]]:10 'cv_done'{{$}}
// CHECK-NOT: {{^ }}
void asks_wrapper_and_stays(cv_ctx_t *ctx, int fd, char *frame) {
  for (;;) {
    if (should_stop(ctx))
      log_msg("cancelled");
    if (read_frame(fd, frame) <= 0)
      break;
  }
}

// A loop with no way out at all says so: "no-exit".
// CHECK: {{^}}finding LoopCancelNotActedOn at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE+9]]:3 in 'never_leaves'{{$}}
// CHECK-NEXT: {{^}}  blocks: read_frame -> read at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE-41]]:10{{$}}
// CHECK-NEXT: {{^}}  observes: cv_done at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE+8]]:9{{$}}
// CHECK-NEXT: {{^}}  no-exit{{$}}
// CHECK-NEXT: {{^}}  related call-hop at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE+8]]:5 'read_frame'{{$}}
// CHECK-NEXT: {{^}}  related blocking-call at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE-45]]:10 'read'{{$}}
// CHECK-NEXT: {{^}}  related observation at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE+4]]:9 'cv_done'{{$}}
// CHECK-NOT: {{^ }}
void never_leaves(cv_ctx_t *ctx, int fd, char *frame) {
  for (;;) {
    if (cv_done(ctx))
      log_msg("cancelled");
    read_frame(fd, frame);
  }
}

// Negative: leaves the loop on it.
// CHECK: {{^}}finding LoopObservesCancel at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE+8]]:3 in 'leaves_on_it'{{$}}
// CHECK-NEXT: {{^}}  blocks: read_frame -> read at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE-58]]:10{{$}}
// CHECK-NEXT: {{^}}  observes: should_stop -> cv_done at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE-55]]:10{{$}}
// CHECK-NEXT: {{^}}  related call-hop at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE+5]]:10 'read_frame'{{$}}
// CHECK-NEXT: {{^}}  related blocking-call at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE-61]]:10 'read'{{$}}
// CHECK-NEXT: {{^}}  related observation at {{.*}}findings-loop-cancel-not-acted-on.c:[[@LINE-58]]:10 'cv_done'{{$}}
// CHECK-NOT: {{^ }}
void leaves_on_it(cv_ctx_t *ctx, int fd, char *frame) {
  while (read_frame(fd, frame) > 0) {
    if (should_stop(ctx))
      break;
  }
}
