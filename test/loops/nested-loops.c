// Every loop that can block is judged on its own, and its observation must
// lead out of that loop: an outer check does not help an inner loop that
// blocks, and an inner loop's exit does not make the outer loop leave.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark
#include <unistd.h>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx_t;
CV("observe") int ctx_done(ctx_t *c);
int next_fd(void);
void consume(const char *buf, ssize_t n);

// Outer observes and leaves; the inner read loop never looks.
void outer_checks_inner_reads(ctx_t *ctx) {
  char buf[64];
  while (!ctx_done(ctx)) {
    int fd = next_fd();
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0)
      consume(buf, n);
  }
}
// CHECK: nested-loops.c:18:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}nested-loops.c:18 (ctx_done) and leaves the loop on it
// CHECK: nested-loops.c:21:5: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}nested-loops.c:21 and never observes cancellation

// The inner loop leaves on cancellation; the outer loop just goes round.
void inner_breaks_outer_spins(ctx_t *ctx) {
  char buf[64];
  for (;;) {
    int fd = next_fd();
    for (;;) {
      if (ctx_done(ctx))
        break;
      ssize_t n = read(fd, buf, sizeof buf);
      if (n <= 0)
        break;
      consume(buf, n);
    }
  }
}
// CHECK: nested-loops.c:31:3: remark: LoopCancelNotActedOn: loop observes cancellation at {{.*}}nested-loops.c:34 (ctx_done) but the result never leads out of the loop, which has no exit
// CHECK: nested-loops.c:33:5: remark: LoopObservesCancel: loop observes cancellation at {{.*}}nested-loops.c:34 (ctx_done) and leaves the loop on it

// The inner loop leaves both loops: return.
void inner_returns(ctx_t *ctx) {
  char buf[64];
  for (;;) {
    int fd = next_fd();
    for (;;) {
      if (ctx_done(ctx))
        return;
      ssize_t n = read(fd, buf, sizeof buf);
      if (n <= 0)
        break;
      consume(buf, n);
    }
  }
}
// CHECK: nested-loops.c:49:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}nested-loops.c:52 (ctx_done) and leaves the loop on it
// CHECK: nested-loops.c:51:5: remark: LoopObservesCancel: loop observes cancellation at {{.*}}nested-loops.c:52 (ctx_done) and leaves the loop on it

// The inner loop records cancellation in a local the outer loop tests.
// Jump threading at -O2 can remove every trace of `while (!stop)` (LLVM 22
// does); the loop is then located at its body's `{`, on the same line.
void inner_sets_stop(ctx_t *ctx) {
  char buf[64];
  int stop = 0;
  while (!stop) {
    int fd = next_fd();
    for (;;) {
      if (ctx_done(ctx)) {
        stop = 1;
        break;
      }
      ssize_t n = read(fd, buf, sizeof buf);
      if (n <= 0)
        break;
      consume(buf, n);
    }
  }
}
// CHECK: nested-loops.c:70:{{3|17}}: remark: LoopObservesCancel: loop observes cancellation at {{.*}}nested-loops.c:73 (ctx_done) and leaves the loop on it
// CHECK: nested-loops.c:72:5: remark: LoopObservesCancel: loop observes cancellation at {{.*}}nested-loops.c:73 (ctx_done) and leaves the loop on it

// Neither loop observes: both are reported, the outer one for the read in
// the inner one.
void nobody_checks(void) {
  char buf[64];
  for (;;) {
    int fd = next_fd();
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0)
      consume(buf, n);
    close(fd);
  }
}
// CHECK: nested-loops.c:91:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}nested-loops.c:94 and never observes cancellation
// CHECK: nested-loops.c:94:5: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}nested-loops.c:94 and never observes cancellation

// Only the outer loop blocks; the inner loop computes and gets no remark.
void outer_blocks_inner_computes(ctx_t *ctx, int fd) {
  char buf[64];
  while (!ctx_done(ctx)) {
    ssize_t n = read(fd, buf, sizeof buf);
    int sum = 0;
    for (ssize_t i = 0; i < n; i++)
      sum += buf[i];
    consume(buf, sum);
  }
}
// CHECK: nested-loops.c:105:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}nested-loops.c:105 (ctx_done) and leaves the loop on it
