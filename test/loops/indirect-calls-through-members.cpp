// C++: a loop that blocks through a function-pointer member of a struct
// filled by a constant initializer is checked, at -O0 by the field's IR
// type and in optimized code by the member's type-based alias tag (the
// type info name of the struct, in a namespace here).
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include <unistd.h>
#include "cv_context.h"

void consume(const char *buf, long n);

namespace io {
struct source_ops {
  long (*next)(int fd, char *buf, long len);
  int (*stopped)(cv_ctx_t *ctx);
};
} // namespace io

__attribute__((noinline)) static long file_next(int fd, char *buf, long len) {
  return read(fd, buf, len);
}
__attribute__((noinline)) static int ctx_stopped(cv_ctx_t *ctx) {
  return cv_done(ctx);
}

extern const io::source_ops file_ops;
const io::source_ops file_ops = {file_next, ctx_stopped};

void pump(const io::source_ops *ops, int fd) {
  char buf[64];
  for (;;) {
    long n = ops->next(fd, buf, sizeof buf);
    if (n <= 0)
      return;
    consume(buf, n);
  }
}
// CHECK: indirect-calls-through-members.cpp:[[@LINE-7]]:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}indirect-calls-through-members.cpp:[[@LINE-18]] (via file_next{{(\(int, char\*, long\))?}} -> read) and never observes cancellation{{$}}

void pump_ctx(const io::source_ops *ops, cv_ctx_t *ctx, int fd) {
  char buf[64];
  while (!ops->stopped(ctx)) {
    long n = ops->next(fd, buf, sizeof buf);
    if (n <= 0)
      return;
    consume(buf, n);
  }
}
// CHECK: indirect-calls-through-members.cpp:[[@LINE-7]]:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}indirect-calls-through-members.cpp:[[@LINE-26]] (ctx_stopped{{(\(cv_ctx\*\))?}} -> cv_done) and leaves the loop on it{{$}}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
