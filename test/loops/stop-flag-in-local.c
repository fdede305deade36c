// The observation reaches the loop exit through a local variable that is
// set on one path: `if (ctx_done(ctx)) stop = 1;` then `while (!stop)`.
// The value of `stop` depends on the branch, not on a data flow; the check
// follows control dependence as well. A local updated on every path, or
// reused for another value, does not carry it.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark
#include <stdbool.h>
#include <unistd.h>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx_t;
CV("observe") int ctx_done(ctx_t *c);
void log_msg(const char *m);

void read_until_cancelled(ctx_t *ctx, int fd) {
  char buf[64];
  bool stop = false;
  while (!stop) {
    if (read(fd, buf, sizeof buf) <= 0)
      return;
    if (ctx_done(ctx))
      stop = true;
  }
}
// CHECK: stop-flag-in-local.c:20:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}stop-flag-in-local.c:23 (ctx_done) and leaves the loop on it

// A status code chosen on the observation decides the exit.
void read_with_status(ctx_t *ctx, int fd) {
  char buf[64];
  int status = 0;
  do {
    read(fd, buf, sizeof buf);
    status = ctx_done(ctx) ? -1 : 0;
  } while (status == 0);
}
// CHECK: stop-flag-in-local.c:33:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}stop-flag-in-local.c:35 (ctx_done) and leaves the loop on it

// The branch on the observation only logs; `rounds` is counted on every
// path and is what ends the loop.
void read_rounds(ctx_t *ctx, int fd, int n) {
  char buf[64];
  int rounds = 0;
  while (rounds < n) {
    if (ctx_done(ctx))
      log_msg("cancelled, still reading");
    read(fd, buf, sizeof buf);
    rounds++;
  }
}
// CHECK: stop-flag-in-local.c:45:3: remark: LoopCancelNotActedOn: loop observes cancellation at {{.*}}stop-flag-in-local.c:46 (ctx_done) but the result never leads out of the loop{{$}}

// A status variable reused: it holds the observation, then the read's
// result, and only the latter ends the loop.
void read_reusing_status(ctx_t *ctx, int fd) {
  char buf[64];
  int rc;
  for (;;) {
    rc = ctx_done(ctx);
    if (rc)
      log_msg("cancelled, still reading");
    rc = (int)read(fd, buf, sizeof buf);
    if (rc <= 0)
      break;
  }
}
// CHECK: stop-flag-in-local.c:59:3: remark: LoopCancelNotActedOn: loop observes cancellation at {{.*}}stop-flag-in-local.c:60 (ctx_done) but the result never leads out of the loop{{$}}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s | FileCheck %s --implicit-check-not=remark
