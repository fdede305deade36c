// A modelled flag that is a bitfield is read only by an access whose value
// is used for the flag's bits: the other bitfields that share its bytes
// are not the flag. At -O0 the bits are picked out by shifts and masks; at
// -O2 bitfield accesses have no alias tags and compares are folded
// (`retries < 5` becomes a compare of the whole byte with 20), and the
// struct is known from the parameter's or the global's declared type.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/bitfield-flags.yaml | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/bitfield-flags.yaml | FileCheck %s --implicit-check-not=remark
#include <unistd.h>

struct conn {
  int fd;
  unsigned busy : 1;
  unsigned closing : 1;
  unsigned retries : 6;
};
void handle(struct conn *c, const char *buf, long n);

void conn_loop(struct conn *c) {
  char buf[64];
  while (!c->closing) {
    long n = read(c->fd, buf, sizeof buf);
    if (n > 0)
      handle(c, buf, n);
  }
}
// CHECK: flag-bitfield.c:[[@LINE-6]]:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}flag-bitfield.c:[[@LINE-6]] (flag field) and leaves the loop on it{{$}}

// The bitfield before the flag, in the same byte.
void conn_loop_busy(struct conn *c) {
  char buf[64];
  while (c->busy) {
    long n = read(c->fd, buf, sizeof buf);
    if (n > 0)
      handle(c, buf, n);
  }
}
// CHECK: flag-bitfield.c:[[@LINE-6]]:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}flag-bitfield.c:[[@LINE-5]] and never observes cancellation{{$}}

// The bitfield after it, in the same byte.
void conn_loop_retries(struct conn *c) {
  char buf[64];
  while (c->retries < 5) {
    long n = read(c->fd, buf, sizeof buf);
    if (n > 0)
      handle(c, buf, n);
  }
}
// CHECK: flag-bitfield.c:[[@LINE-6]]:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}flag-bitfield.c:[[@LINE-5]] and never observes cancellation{{$}}

// A global struct whose flag is the last bit of its first byte, next to a
// bitfield in the following byte of the same storage unit.
struct srv {
  unsigned level : 7;
  unsigned draining : 1;
  unsigned quiet : 1;
  int fd;
} g_srv;

void srv_loop(void) {
  char buf[64];
  while (!g_srv.draining)
    read(g_srv.fd, buf, sizeof buf);
}
// CHECK: flag-bitfield.c:[[@LINE-3]]:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}flag-bitfield.c:[[@LINE-3]] (flag field) and leaves the loop on it{{$}}

void srv_loop_quiet(void) {
  char buf[64];
  while (!g_srv.quiet)
    read(g_srv.fd, buf, sizeof buf);
}
// CHECK: flag-bitfield.c:[[@LINE-3]]:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}flag-bitfield.c:[[@LINE-2]] and never observes cancellation{{$}}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -mllvm -cancel-verify-model=%S/Inputs/bitfield-flags.yaml | FileCheck %s --implicit-check-not=remark

// The model names each bitfield flag by its bits.
// RUN: %clang_cv -g -O0 -c %s -o /dev/null -mllvm -cancel-verify-model=%S/Inputs/bitfield-flags.yaml -mllvm -cancel-verify-print-model 2>&1 | FileCheck %s --check-prefix=MODEL
// MODEL: bitfield conn bits 33+1 (field conn::closing)
// MODEL-NEXT: flag  [model {{.*}}bitfield-flags.yaml:4:5]
// MODEL: bitfield srv bits 7+1 (field srv::draining)
// MODEL-NEXT: flag  [model {{.*}}bitfield-flags.yaml:7:5]
