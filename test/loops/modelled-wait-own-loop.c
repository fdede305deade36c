// A function the user models as a wait is a wait for its callers, and its
// own loops are still checked: a loop inside it that blocks in read() and
// never observes cancellation is reported there, and its callers' loops
// block in it. A `suppress` role on such a function silences its own loop.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark
#include <unistd.h>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx_t;
CV("observe") int ctx_done(ctx_t *c);
void consume(const char *buf, long n);

CV("wait") long read_full(int fd, char *buf, long len) {
  long got = 0;
  while (got < len) {
    long n = read(fd, buf + got, len - got);
    if (n <= 0)
      return n;
    got += n;
  }
  return got;
}
// CHECK: modelled-wait-own-loop.c:[[@LINE-8]]:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}modelled-wait-own-loop.c:[[@LINE-7]] and never observes cancellation{{$}}

// The same helper, with its own loop's finding silenced.
CV("wait") CV("suppress:LoopIgnoresCancel")
long read_full_quiet(int fd, char *buf, long len) {
  long got = 0;
  while (got < len) {
    long n = read(fd, buf + got, len - got);
    if (n <= 0)
      return n;
    got += n;
  }
  return got;
}

void reader(ctx_t *ctx, int fd) {
  char buf[64];
  while (!ctx_done(ctx)) {
    long n = read_full(fd, buf, sizeof buf) + read_full_quiet(fd, buf, 1);
    if (n <= 0)
      return;
    consume(buf, n);
  }
}
// CHECK: modelled-wait-own-loop.c:[[@LINE-7]]:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}modelled-wait-own-loop.c:[[@LINE-7]] (ctx_done) and leaves the loop on it{{$}}

// Positive: a caller's loop blocks in the modelled wait.
void reader_blind(int fd) {
  char buf[64];
  for (;;) {
    if (read_full(fd, buf, sizeof buf) <= 0)
      return;
    consume(buf, sizeof buf);
  }
}
// CHECK: modelled-wait-own-loop.c:[[@LINE-6]]:3: remark: LoopIgnoresCancel: loop can block in 'read_full' at {{.*}}modelled-wait-own-loop.c:[[@LINE-5]] and never observes cancellation{{$}}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s | FileCheck %s --implicit-check-not=remark
