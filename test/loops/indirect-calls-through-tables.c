// A loop that blocks through a function pointer is checked when the
// pointer's slot holds only functions of the module: a constant ops table,
// a field of a struct filled by a constant initializer or by assignments,
// a dispatch table indexed by a variable (every entry of the call's type).
// The call may block if one target may; it observes through its result
// only when every target returns an observation. A pointer from nowhere
// known (a parameter) stays unknown: no remark.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include <unistd.h>
#include "cv_context.h"

void consume(const char *buf, long n);

struct source_ops {
  long (*next)(int fd, char *buf, long len);
  int (*stopped)(cv_ctx_t *ctx);
};

__attribute__((noinline)) static long file_next(int fd, char *buf, long len) {
  return read(fd, buf, len);
}
__attribute__((noinline)) static int ctx_stopped(cv_ctx_t *ctx) {
  return cv_done(ctx);
}

const struct source_ops file_ops = {file_next, ctx_stopped};

// Through a constant table, named directly.
void pump_table(int fd) {
  char buf[64];
  for (;;) {
    long n = file_ops.next(fd, buf, sizeof buf);
    if (n <= 0)
      return;
    consume(buf, n);
  }
}
// CHECK: indirect-calls-through-tables.c:[[@LINE-7]]:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}indirect-calls-through-tables.c:[[@LINE-18]] (via file_next -> read) and never observes cancellation{{$}}

// Through a pointer to the table: the field's functions.
void pump_ops(const struct source_ops *ops, cv_ctx_t *ctx, int fd) {
  char buf[64];
  while (!ops->stopped(ctx)) {
    long n = ops->next(fd, buf, sizeof buf);
    if (n <= 0)
      return;
    consume(buf, n);
  }
}
// CHECK: indirect-calls-through-tables.c:[[@LINE-7]]:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}indirect-calls-through-tables.c:[[@LINE-27]] (ctx_stopped -> cv_done) and leaves the loop on it{{$}}

void use_ops(cv_ctx_t *ctx, int fd) { pump_ops(&file_ops, ctx, fd); }

// A dispatch table indexed by a variable.
__attribute__((noinline)) static long sock_next(int fd, char *buf, long len) {
  return 0 * fd + 0 * len + (buf != 0);
}
static long (*const readers[])(int, char *, long) = {sock_next, file_next};

void pump_dispatch(int kind, int fd) {
  char buf[64];
  for (;;) {
    long n = readers[kind](fd, buf, sizeof buf);
    if (n <= 0)
      return;
    consume(buf, n);
  }
}
// CHECK: indirect-calls-through-tables.c:[[@LINE-7]]:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}indirect-calls-through-tables.c:[[@LINE-49]] (via file_next -> read) and never observes cancellation{{$}}

// Negative: a callback from the caller is unknown.
void pump_callback(long (*next)(int, char *, long), int fd) {
  char buf[64];
  for (;;) {
    long n = next(fd, buf, sizeof buf);
    if (n <= 0)
      return;
    consume(buf, n);
  }
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
