// -cancel-verify-diag=warning on loops: LoopIgnoresCancel warns at the loop
// with a note per call hop ("calls 'worker_step'", "calls 'read_frame'") and
// one at the blocking call ("'read' can block here"), in that order, also
// on -O2 IR where the chain is inlined; LoopCancelNotActedOn warns with a
// note at the blocking call and one at the observation. A loop that leaves
// on cancellation (LoopObservesCancel) stays a remark and never warns.
//
// RUN: rm -rf %t && mkdir %t
// RUN: %clang_cv -O0 -g -fno-caret-diagnostics -c %s -I %examples/include -o %t/o0.o \
// RUN:     -mllvm -cancel-verify-diag=warning -Rpass=cancel-verify 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=SRC,ALL,REMARK --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark:
// RUN: %clang_cv -O2 -g -fno-caret-diagnostics -c %s -I %examples/include -o %t/o2.o \
// RUN:     -mllvm -cancel-verify-diag=warning -Rpass=cancel-verify 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=SRC,ALL,REMARK --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark:
// RUN: %clang -O2 -g -S -emit-llvm %s -I %examples/include -o %t/o2.ll
// RUN: %clang_cv -O2 -c %t/o2.ll -o %t/ir.o -mllvm -cancel-verify-diag=warning 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=IR,ALL --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark:
// RUN: %cv_opt -disable-output %t/o2.ll -cancel-verify-diag=warning 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=OPT,ALL --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark:
#include "cv_context.h"
#include <unistd.h>

void decode(const char *frame, int n);

int read_frame(int fd, char *frame) {
  return (int)read(fd, frame, 64);
}

int worker_step(int fd) {
  char frame[64];
  int n = read_frame(fd, frame);
  if (n > 0)
    decode(frame, n);
  return n;
}

void worker(int fd) {
  while (worker_step(fd) > 0) {
  }
}
// SRC: {{^}}{{.*}}warning-loop-call-hops.c:[[@LINE-3]]:3: warning: LoopIgnoresCancel: loop can block in 'read' at {{.*}}warning-loop-call-hops.c:[[@LINE-15]] (via worker_step -> read_frame -> read) and never observes cancellation [-Wpass-failed=cancel-verify]{{$}}
// IR: {{^}}warning: {{.*}}warning-loop-call-hops.c:[[@LINE-4]]:3: LoopIgnoresCancel: loop can block in 'read' at {{.*}}warning-loop-call-hops.c:[[@LINE-16]] (via worker_step -> read_frame -> read) and never observes cancellation [-Wpass-failed=cancel-verify]{{$}}
// OPT: {{^}}warning: {{.*}}warning-loop-call-hops.c:[[@LINE-5]]:3: LoopIgnoresCancel: loop can block in 'read' at {{.*}}warning-loop-call-hops.c:[[@LINE-17]] (via worker_step -> read_frame -> read) and never observes cancellation{{$}}
// ALL-NEXT: {{^}}note: {{.*}}warning-loop-call-hops.c:[[@LINE-6]]:10: calls 'worker_step'{{$}}
// ALL-NEXT: {{^}}note: {{.*}}warning-loop-call-hops.c:[[@LINE-14]]:11: calls 'read_frame'{{$}}
// ALL-NEXT: {{^}}note: {{.*}}warning-loop-call-hops.c:[[@LINE-20]]:15: 'read' can block here{{$}}

// Observes, but only logs: the loop never leaves on it.
void poller(cv_ctx_t *ctx, int conn) {
  char buf[128];
  for (;;) {
    if (cv_done(ctx))
      decode("cancelled", 0);
    if (cv_conn_read(conn, buf, sizeof buf) <= 0)
      break;
  }
}
// SRC: {{^}}{{.*}}warning-loop-call-hops.c:[[@LINE-7]]:3: warning: LoopCancelNotActedOn: loop observes cancellation at {{.*}}warning-loop-call-hops.c:[[@LINE-6]] (cv_done) but the result never leads out of the loop [-Wpass-failed=cancel-verify]{{$}}
// IR: {{^}}warning: {{.*}}warning-loop-call-hops.c:[[@LINE-8]]:3: LoopCancelNotActedOn: loop observes cancellation at {{.*}}warning-loop-call-hops.c:[[@LINE-7]] (cv_done) but the result never leads out of the loop [-Wpass-failed=cancel-verify]{{$}}
// OPT: {{^}}warning: {{.*}}warning-loop-call-hops.c:[[@LINE-9]]:3: LoopCancelNotActedOn: loop observes cancellation at {{.*}}warning-loop-call-hops.c:[[@LINE-8]] (cv_done) but the result never leads out of the loop{{$}}
// ALL-NEXT: {{^}}note: {{.*}}warning-loop-call-hops.c:[[@LINE-7]]:9: 'cv_conn_read' can block here{{$}}
// ALL-NEXT: {{^}}note: {{.*}}warning-loop-call-hops.c:[[@LINE-10]]:9: cancellation is observed here{{$}}

// Leaves on cancellation: a remark under -Rpass, no warning, no note.
void watcher(cv_ctx_t *ctx, int conn) {
  char buf[128];
  while (!cv_done(ctx)) {
    if (cv_conn_read(conn, buf, sizeof buf) <= 0)
      break;
  }
}
// REMARK: {{^}}{{.*}}warning-loop-call-hops.c:[[@LINE-5]]:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}warning-loop-call-hops.c:[[@LINE-5]] (cv_done) and leaves the loop on it [-Rpass=cancel-verify]{{$}}
