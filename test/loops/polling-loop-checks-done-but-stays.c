// Go's `for { select { case <-ctx.Done(): log(...); default: } ... }` in C
// (incident 2): the loop polls the context, but seeing it cancelled only logs
// or leaves the switch, and the loop goes round again. A labelled way out
// (goto, return) is what the fixed versions use.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark
#include <unistd.h>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx_t;
CV("observe") int ctx_done(ctx_t *c);
void log_msg(const char *m);
int try_take(int *item);
void handle(int item);

enum event { EV_NONE, EV_DONE, EV_ITEM };
enum event poll_event(ctx_t *ctx, int *item) {
  if (ctx_done(ctx))
    return EV_DONE;
  return try_take(item) ? EV_ITEM : EV_NONE;
}

// The Done case only logs: the loop keeps polling forever.
void poll_logs_only(ctx_t *ctx) {
  int item;
  for (;;) {
    if (ctx_done(ctx))
      log_msg("cancelled");
    else if (try_take(&item))
      handle(item);
    usleep(1000);
  }
}
// CHECK: polling-loop-checks-done-but-stays.c:27:3: remark: LoopCancelNotActedOn: loop observes cancellation at {{.*}}polling-loop-checks-done-but-stays.c:28 (ctx_done) but the result never leads out of the loop, which has no exit

// `break` leaves the switch, not the loop; the loop does have an exit.
void poll_breaks_switch(ctx_t *ctx, int budget) {
  int item;
  while (budget-- > 0) {
    switch (poll_event(ctx, &item)) {
    case EV_DONE:
      log_msg("cancelled");
      break;
    case EV_ITEM:
      handle(item);
      break;
    default:
      break;
    }
    usleep(1000);
  }
}
// CHECK: polling-loop-checks-done-but-stays.c:40:3: remark: LoopCancelNotActedOn: loop observes cancellation at {{.*}}polling-loop-checks-done-but-stays.c:19 (poll_event -> ctx_done) but the result never leads out of the loop{{$}}

// Fixed: `goto out` leaves the loop.
void poll_goto_out(ctx_t *ctx) {
  int item;
  for (;;) {
    switch (poll_event(ctx, &item)) {
    case EV_DONE:
      goto out;
    case EV_ITEM:
      handle(item);
      break;
    default:
      break;
    }
    usleep(1000);
  }
out:
  log_msg("stopped");
}
// CHECK: polling-loop-checks-done-but-stays.c:59:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}polling-loop-checks-done-but-stays.c:19 (poll_event -> ctx_done) and leaves the loop on it

// Fixed: return.
void poll_returns(ctx_t *ctx) {
  int item;
  for (;;) {
    if (ctx_done(ctx)) {
      log_msg("cancelled");
      return;
    }
    if (try_take(&item))
      handle(item);
    usleep(1000);
  }
}
// CHECK: polling-loop-checks-done-but-stays.c:79:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}polling-loop-checks-done-but-stays.c:80 (ctx_done) and leaves the loop on it

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s | FileCheck %s --implicit-check-not=remark
