// A retry loop that sleeps between attempts and never checks for
// cancellation: a cancelled caller waits until the peer comes back. The
// fixed loop gives up when its context is cancelled.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark
#include <sys/socket.h>
#include <unistd.h>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx_t;
CV("observe") int ctx_done(ctx_t *c);

int connect_retry(int fd, const struct sockaddr *addr, socklen_t len) {
  while (connect(fd, addr, len) != 0)
    sleep(1);
  return 0;
}
// CHECK: retry-with-sleep-no-check.c:15:3: remark: LoopIgnoresCancel: loop can block in 'connect' at {{.*}}retry-with-sleep-no-check.c:15 and never observes cancellation

int send_retry(int fd, const char *buf, int len, int attempts) {
  for (int i = 0; i < attempts; i++) {
    if (write(fd, buf, (size_t)len) == len)
      return 0;
    usleep(100000);
  }
  return -1;
}
// CHECK: retry-with-sleep-no-check.c:22:3: remark: LoopIgnoresCancel: loop can block in 'usleep' at {{.*}}retry-with-sleep-no-check.c:25 and never observes cancellation

int connect_retry_ctx(ctx_t *ctx, int fd, const struct sockaddr *addr,
                      socklen_t len) {
  while (connect(fd, addr, len) != 0) {
    if (ctx_done(ctx))
      return -1;
    sleep(1);
  }
  return 0;
}
// CHECK: retry-with-sleep-no-check.c:33:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}retry-with-sleep-no-check.c:34 (ctx_done) and leaves the loop on it

// A retry loop made with goto has no loop statement: it is located at the
// statement after its label.
int read_retry(int fd, char *buf, unsigned len) {
again:
  if (read(fd, buf, len) < 0) {
    usleep(1000);
    goto again;
  }
  return 0;
}
// CHECK: retry-with-sleep-no-check.c:46:7: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}retry-with-sleep-no-check.c:46 and never observes cancellation

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s | FileCheck %s --implicit-check-not=remark
