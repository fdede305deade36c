// A wait and an observer that only a model file names, static inline
// wrappers the optimizer inlines into every caller and deletes: their
// inlined code still stands for a call to them (its debug frames say
// whose code it is), so the loops get the same verdicts at -O0 and -O2,
// naming the wrappers.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/inlined-wrappers.yaml | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/inlined-wrappers.yaml | FileCheck %s --implicit-check-not=remark
#include <unistd.h>

typedef struct ctx ctx_t;
int ctx_done(ctx_t *c);
void consume(const char *buf, long n);

static inline long os_read(int fd, char *buf, long len) {
  long n = read(fd, buf, len);
  return n < 0 ? -1 : n;
}
static inline int should_stop(ctx_t *c) { return ctx_done(c) != 0; }

void pump(int fd) {
  char buf[64];
  for (;;) {
    long n = os_read(fd, buf, sizeof buf);
    if (n <= 0)
      return;
    consume(buf, n);
  }
}
// CHECK: modelled-wait-inlined-away.c:[[@LINE-7]]:3: remark: LoopIgnoresCancel: loop can block in 'os_read' at {{.*}}modelled-wait-inlined-away.c:[[@LINE-6]] and never observes cancellation{{$}}

void pump_ctx(ctx_t *c, int fd) {
  char buf[64];
  while (!should_stop(c)) {
    long n = os_read(fd, buf, sizeof buf);
    if (n <= 0)
      return;
    consume(buf, n);
  }
}
// CHECK: modelled-wait-inlined-away.c:[[@LINE-7]]:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}modelled-wait-inlined-away.c:[[@LINE-7]] (should_stop) and leaves the loop on it{{$}}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -mllvm -cancel-verify-model=%S/Inputs/inlined-wrappers.yaml | FileCheck %s --implicit-check-not=remark
