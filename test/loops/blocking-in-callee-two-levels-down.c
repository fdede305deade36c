// The loop itself calls no blocking function, but worker_step() calls
// read_frame(), which calls read(). The finding names the blocking call and
// the chain to it, the same whether the helpers are called (-O0) or inlined
// (-O2).
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark
#include <unistd.h>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx_t;
CV("observe") int ctx_done(ctx_t *c);
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
// CHECK: blocking-in-callee-two-levels-down.c:28:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}blocking-in-callee-two-levels-down.c:16 (via worker_step -> read_frame -> read) and never observes cancellation

void worker_ctx(ctx_t *ctx, int fd) {
  do {
    if (worker_step(fd) <= 0)
      break;
  } while (!ctx_done(ctx));
}
// CHECK: blocking-in-callee-two-levels-down.c:34:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}blocking-in-callee-two-levels-down.c:37 (ctx_done) and leaves the loop on it

// Calls through a function pointer are not followed: nothing is known to block.
void worker_indirect(int (*step)(int), int fd) {
  while (step(fd) > 0) {
  }
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s | FileCheck %s --implicit-check-not=remark
