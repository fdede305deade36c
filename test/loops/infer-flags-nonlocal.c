// -cancel-verify-infer-flags=nonlocal also takes plain loads of memory the
// function does not own (a global, memory reached through a parameter) as
// cancel flags when they decide a loop exit and the loop never writes them:
// `while (!loop->stop)`. By default (volatile-atomic) such loads are no
// flags, and the loops ignore cancellation.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-infer-flags=nonlocal | FileCheck %s --check-prefix=NONLOCAL --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-infer-flags=nonlocal | FileCheck %s --check-prefix=NONLOCAL --implicit-check-not=remark
// RUN: %cv-remarks O0 %s | FileCheck %s --check-prefix=DEFAULT --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --check-prefix=DEFAULT --implicit-check-not=remark
#include <unistd.h>

struct event_loop {
  int fd;
  int stop;
  int handled;
};
int g_shutdown;

void run_loop(struct event_loop *loop) {
  char buf[64];
  while (!loop->stop) {
    if (read(loop->fd, buf, sizeof buf) > 0)
      loop->handled++;
  }
}
// NONLOCAL: infer-flags-nonlocal.c:22:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}infer-flags-nonlocal.c:22 (inferred flag: non-local memory reached through a parameter, named 'stop') and leaves the loop on it
// DEFAULT: infer-flags-nonlocal.c:22:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}infer-flags-nonlocal.c:23 and never observes cancellation

int should_stop(const struct event_loop *loop) { return loop->stop || g_shutdown; }

void run_loop_helper(struct event_loop *loop) {
  char buf[64];
  do {
    read(loop->fd, buf, sizeof buf);
  } while (!should_stop(loop));
}
// NONLOCAL: infer-flags-nonlocal.c:34:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}infer-flags-nonlocal.c:30 (should_stop -> inferred flag: non-local memory reached through a parameter, named 'stop') and leaves the loop on it
// DEFAULT: infer-flags-nonlocal.c:34:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}infer-flags-nonlocal.c:35 and never observes cancellation

// The loop writes what it tests: a counter, not a flag someone else sets.
void read_n(struct event_loop *loop, int n) {
  char buf[64];
  while (loop->handled < n) {
    read(loop->fd, buf, sizeof buf);
    loop->handled++;
  }
}
// NONLOCAL: infer-flags-nonlocal.c:44:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}infer-flags-nonlocal.c:45 and never observes cancellation
// DEFAULT: infer-flags-nonlocal.c:44:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}infer-flags-nonlocal.c:45 and never observes cancellation

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -mllvm -cancel-verify-infer-flags=nonlocal | FileCheck %s --check-prefix=NONLOCAL --implicit-check-not=remark
// RUN: %cv-remarks clang-O2 %s | FileCheck %s --check-prefix=DEFAULT --implicit-check-not=remark
