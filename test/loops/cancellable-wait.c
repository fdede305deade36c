// A function that is both `wait` and `observe` is a cancellable wait: it
// returns nonzero when the context is cancelled. The loop observes through
// it, and must still leave on what it returns.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark
#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx_t;
typedef struct chan chan_t;
// Receives into *msg; returns nonzero if ctx was cancelled first.
CV("wait") CV("observe") int chan_recv_ctx(ctx_t *ctx, chan_t *ch, int *msg);
CV("wait") int chan_recv(chan_t *ch, int *msg);
void handle(int msg);

void consume(ctx_t *ctx, chan_t *ch) {
  int msg;
  while (chan_recv_ctx(ctx, ch, &msg) == 0)
    handle(msg);
}
// CHECK: cancellable-wait.c:17:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}cancellable-wait.c:17 (chan_recv_ctx) and leaves the loop on it

// The result is dropped: the wait returns early on cancellation and the
// loop waits again at once.
void consume_ignoring_result(ctx_t *ctx, chan_t *ch) {
  int msg = 0;
  for (;;) {
    chan_recv_ctx(ctx, ch, &msg);
    handle(msg);
  }
}
// CHECK: cancellable-wait.c:26:3: remark: LoopCancelNotActedOn: loop observes cancellation at {{.*}}cancellable-wait.c:27 (chan_recv_ctx) but the result never leads out of the loop, which has no exit

// A plain wait is no observation.
void consume_plain(chan_t *ch) {
  int msg;
  while (chan_recv(ch, &msg) == 0)
    handle(msg);
}
// CHECK: cancellable-wait.c:36:3: remark: LoopIgnoresCancel: loop can block in 'chan_recv' at {{.*}}cancellable-wait.c:36 and never observes cancellation

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s | FileCheck %s --implicit-check-not=remark
