// A function that observes cancellation but neither returns what it saw
// nor leaves on it only "observes cancellation": it logs and returns, it
// passes the observation to a logger, it counts observations and returns a
// constant. A caller of such a function observes through it (the chain
// names the helper) and lets nothing out either. None of them blocks. The
// helpers are noinline: -O2 prints the same facts as -O0.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O0.ll 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O2.ll 2>&1 | FileCheck %s
#include "cv_context.h"

void log_msg(const char *msg);
void log_int(int value);
int poll_count(cv_ctx_t *ctx);

// CHECK: cancel-verify summaries of module '{{.*}}.ll'

// CHECK-LABEL: {{^}}function 'logs_if_cancelled'{{$}}
// CHECK-NEXT: observes cancellation: 'cv_done' at {{.*}}wait-observes-but-lets-nothing-out.c:[[#LOGS:@LINE+3]]{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void logs_if_cancelled(cv_ctx_t *ctx) {
  if (cv_done(ctx))
    log_msg("cancelled");
}

// Returns a count that has nothing to do with the observation.
// CHECK-LABEL: {{^}}function 'calls_logger'{{$}}
// CHECK-NEXT: observes cancellation: 'logs_if_cancelled -> cv_done' at {{.*}}wait-observes-but-lets-nothing-out.c:[[#LOGS]]{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) int calls_logger(cv_ctx_t *ctx) {
  logs_if_cancelled(ctx);
  return poll_count(ctx);
}

// The observation goes to a logger, not to the caller.
// CHECK-LABEL: {{^}}function 'reports_state'{{$}}
// CHECK-NEXT: observes cancellation: 'cv_err' at {{.*}}wait-observes-but-lets-nothing-out.c:[[@LINE+3]]{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) void reports_state(cv_ctx_t *ctx) {
  log_int(cv_err(ctx));
}

// Observes in a loop, returns a constant.
// CHECK-LABEL: {{^}}function 'counts_then_forgets'{{$}}
// CHECK-NEXT: observes cancellation: 'cv_done' at {{.*}}wait-observes-but-lets-nothing-out.c:[[@LINE+5]]{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) int counts_then_forgets(cv_ctx_t *ctx) {
  int n = 0;
  for (int i = 0; i < 3; ++i)
    if (cv_done(ctx))
      n++;
  log_int(n);
  return 7;
}
