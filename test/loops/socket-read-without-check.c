// A connection reader that loops on recv() and never looks at its context
// (incident 5): cancellation can never reach a thread blocked there. The
// fixed reader checks the context on every round and returns.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx_t;
CV("observe") int ctx_done(ctx_t *c);
void consume(const char *buf, ssize_t n);

void read_connection(int fd) {
  char buf[512];
  for (;;) {
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0)
      return;
    consume(buf, n);
  }
}
// CHECK: socket-read-without-check.c:18:3: remark: LoopIgnoresCancel: loop can block in 'recv' at {{.*}}socket-read-without-check.c:19 and never observes cancellation

void read_connection_ctx(ctx_t *ctx, int fd) {
  char buf[512];
  while (!ctx_done(ctx)) {
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0)
      return;
    consume(buf, n);
  }
}
// CHECK: socket-read-without-check.c:29:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}socket-read-without-check.c:29 (ctx_done) and leaves the loop on it

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s | FileCheck %s --implicit-check-not=remark
