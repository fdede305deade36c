// Cancellation observed by helpers. A helper that returns what it observed
// makes the loop observe when the loop branches on the result; a helper that
// leaves the thread on cancellation acts by itself; a helper that observes
// but only logs lets nothing out, so the loop never leaves on it.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark
#include <pthread.h>
#include <stdbool.h>
#include <unistd.h>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx_t;
CV("observe") int ctx_done(ctx_t *c);
void log_msg(const char *m);

bool should_stop(ctx_t *ctx) {
  return ctx_done(ctx) != 0;
}

// The result of the helper decides the loop.
void reader(ctx_t *ctx, int fd) {
  char buf[64];
  while (!should_stop(ctx))
    read(fd, buf, sizeof buf);
}
// CHECK: observation-in-callee.c:24:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}observation-in-callee.c:18 (should_stop -> ctx_done) and leaves the loop on it

// The helper's result goes through a local and a second helper level.
int stop_code(ctx_t *ctx) {
  bool stop = should_stop(ctx);
  return stop ? -1 : 0;
}

void reader_code(ctx_t *ctx, int fd) {
  char buf[64];
  for (;;) {
    int rc = stop_code(ctx);
    if (rc < 0)
      break;
    read(fd, buf, sizeof buf);
  }
}
// CHECK: observation-in-callee.c:37:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}observation-in-callee.c:18 (stop_code -> should_stop -> ctx_done) and leaves the loop on it

// The helper ends the thread on cancellation: the loop is left through it.
void exit_if_cancelled(ctx_t *ctx) {
  if (ctx_done(ctx))
    pthread_exit(0);
}

void reader_exits(ctx_t *ctx, int fd) {
  char buf[64];
  for (;;) {
    exit_if_cancelled(ctx);
    read(fd, buf, sizeof buf);
  }
}
// CHECK: observation-in-callee.c:54:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}observation-in-callee.c:48 (exit_if_cancelled -> ctx_done) and leaves the loop on it

// The helper sees cancellation and only logs it.
void log_if_cancelled(ctx_t *ctx) {
  if (ctx_done(ctx))
    log_msg("cancelled");
}

void reader_logs(ctx_t *ctx, int fd) {
  char buf[64];
  for (;;) {
    log_if_cancelled(ctx);
    if (read(fd, buf, sizeof buf) <= 0)
      return;
  }
}
// CHECK: observation-in-callee.c:69:3: remark: LoopCancelNotActedOn: loop observes cancellation at {{.*}}observation-in-callee.c:63 (log_if_cancelled -> ctx_done) but the result never leads out of the loop{{$}}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s | FileCheck %s --implicit-check-not=remark
