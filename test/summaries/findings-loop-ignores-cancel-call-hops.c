// LoopIgnoresCancel as data: "blocks" is the call chain from the loop down
// to the blocking call and where that call is; each call on the way is a
// related call-hop (where it is called, and whom), and the blocking call
// itself a related blocking-call. A loop that blocks directly has no hops
// (try_connect() has no body and no model: not known to block).
// A loop whose only call goes through a function pointer is not known to
// block: no finding. The helpers are noinline: -O2 prints the same
// findings as -O0.
//
// RUN: %clang -O0 -g -S -emit-llvm %s -o %t.O0.ll
// RUN: %cv_opt -cancel-verify-print-findings -disable-output %t.O0.ll 2>&1 | FileCheck %s --implicit-check-not=finding
// RUN: %clang -O2 -g -S -emit-llvm %s -o %t.O2.ll
// RUN: %cv_opt -cancel-verify-print-findings -disable-output %t.O2.ll 2>&1 | FileCheck %s --implicit-check-not=finding
#include <unistd.h>

void decode(const char *frame, long n);
int try_connect(int fd);

__attribute__((noinline)) long read_frame(int fd, char *frame) {
  return read(fd, frame, 64);
}

__attribute__((noinline)) long worker_step(int fd) {
  char frame[64];
  long n = read_frame(fd, frame);
  if (n > 0)
    decode(frame, n);
  return n;
}

// CHECK: {{^}}finding LoopIgnoresCancel at {{.*}}findings-loop-ignores-cancel-call-hops.c:[[@LINE+7]]:3 in 'worker'{{$}}
// CHECK-NEXT: {{^}}  blocks: worker_step -> read_frame -> read at {{.*}}findings-loop-ignores-cancel-call-hops.c:[[@LINE-12]]:10{{$}}
// CHECK-NEXT: {{^}}  related call-hop at {{.*}}findings-loop-ignores-cancel-call-hops.c:[[@LINE+5]]:10 'worker_step'{{$}}
// CHECK-NEXT: {{^}}  related call-hop at {{.*}}findings-loop-ignores-cancel-call-hops.c:[[@LINE-9]]:12 'read_frame'{{$}}
// CHECK-NEXT: {{^}}  related blocking-call at {{.*}}findings-loop-ignores-cancel-call-hops.c:[[@LINE-15]]:10 'read'{{$}}
// CHECK-NOT: {{^ }}
void worker(int fd) {
  while (worker_step(fd) > 0) {
  }
}

// CHECK: {{^}}finding LoopIgnoresCancel at {{.*}}findings-loop-ignores-cancel-call-hops.c:[[@LINE+5]]:3 in 'retry_until_connected'{{$}}
// CHECK-NEXT: {{^}}  blocks: sleep at {{.*}}findings-loop-ignores-cancel-call-hops.c:[[@LINE+5]]:5{{$}}
// CHECK-NEXT: {{^}}  related blocking-call at {{.*}}findings-loop-ignores-cancel-call-hops.c:[[@LINE+4]]:5 'sleep'{{$}}
// CHECK-NOT: {{^ }}
void retry_until_connected(int fd) {
  while (try_connect(fd) < 0)
    sleep(1);
}

// Negative: nothing known to block.
void worker_indirect(long (*step)(int), int fd) {
  while (step(fd) > 0) {
  }
}
