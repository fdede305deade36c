// pthread_testcancel() observes cancellation and, if the thread was
// cancelled, never returns: an observer that returns nothing acts by
// itself. So does an annotated void observer.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark
#include <pthread.h>
#include <unistd.h>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx_t;
// Unwinds the calling thread if ctx is cancelled.
CV("observe") void ctx_check(ctx_t *c);

void *drain(void *arg) {
  int fd = *(int *)arg;
  char buf[256];
  for (;;) {
    pthread_testcancel();
    if (read(fd, buf, sizeof buf) <= 0)
      break;
  }
  return 0;
}
// CHECK: observer-that-acts-by-itself.c:18:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}observer-that-acts-by-itself.c:19 (pthread_testcancel) and leaves the loop on it

void drain_ctx(ctx_t *ctx, int fd) {
  char buf[256];
  while (read(fd, buf, sizeof buf) > 0)
    ctx_check(ctx);
}
// CHECK: observer-that-acts-by-itself.c:29:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}observer-that-acts-by-itself.c:30 (ctx_check) and leaves the loop on it

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s | FileCheck %s --implicit-check-not=remark
