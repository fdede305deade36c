// "may block" is inferred bottom-up: a function that calls a blocking
// function may block, and so does every function that calls it, each
// naming the chain of calls down to the blocking call and the place of that
// call (where read() is called, not where the chain starts). Functions that
// call nothing blocking, or call only through a function pointer (not
// followed), have no wait facts. The helpers are noinline, so -O2 keeps the
// chain and prints the same facts as -O0.
//
// The module calls no creator of cancel handles, so no handle facts are
// computed and no function has any other line.
//
// RUN: %clang -O0 -g -S -emit-llvm %s -o %t.O0.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O0.ll 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -S -emit-llvm %s -o %t.O2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='print<cancel-verify-summaries>' -disable-output %t.O2.ll 2>&1 | FileCheck %s
#include <unistd.h>

void decode(const char *frame, long n);

// CHECK: cancel-verify summaries of module '{{.*}}.ll'

// CHECK-LABEL: {{^}}function 'read_frame'{{$}}
// CHECK-NEXT: may block: 'read' at {{.*}}wait-may-block-two-levels-down.c:[[#READ:@LINE+3]]{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) long read_frame(int fd, char *frame) {
  return read(fd, frame, 64);
}

// One level down.
// CHECK-LABEL: {{^}}function 'worker_step'{{$}}
// CHECK-NEXT: may block: 'read_frame -> read' at {{.*}}wait-may-block-two-levels-down.c:[[#READ]]{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) long worker_step(int fd) {
  char frame[64];
  long n = read_frame(fd, frame);
  if (n > 0)
    decode(frame, n);
  return n;
}

// Two levels down, and only on one branch: "may" block.
// CHECK-LABEL: {{^}}function 'serve_one'{{$}}
// CHECK-NEXT: may block: 'worker_step -> read_frame -> read' at {{.*}}wait-may-block-two-levels-down.c:[[#READ]]{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) long serve_one(int fd, int ready) {
  if (!ready)
    return 0;
  return worker_step(fd) + 1;
}

// Negative: computes only.
// CHECK-LABEL: {{^}}function 'checksum'{{$}}
// CHECK-NOT: {{^ }}
__attribute__((noinline)) long checksum(const char *frame, long n) {
  long sum = 0;
  for (long i = 0; i < n; ++i)
    sum += frame[i];
  return sum;
}

// Negative: the step is called through a pointer, which is not followed,
// even though worker_step is one of the functions it could be.
// CHECK-LABEL: {{^}}function 'serve_indirect'{{$}}
// CHECK-NOT: {{^ }}
long serve_indirect(long (*step)(int), int fd) {
  return step(fd);
}

// Negative: decode() has no body and no model: not known to block.
// CHECK-LABEL: {{^}}function 'decode_only'{{$}}
// CHECK-NOT: {{^ }}
void decode_only(const char *frame) {
  decode(frame, checksum(frame, 8));
}
