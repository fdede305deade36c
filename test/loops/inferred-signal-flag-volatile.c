// Without any model, a `volatile sig_atomic_t` flag set by a signal handler
// is what C code uses to stop a loop: a volatile load of memory the function
// does not own that decides a loop exit counts as an observed cancel flag,
// and the passed remark says it was inferred. C11 atomics count the same.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <unistd.h>

static volatile sig_atomic_t g_quit;
static void on_sigterm(int sig) { (void)sig; g_quit = 1; }

void serve(int fd) {
  char buf[128];
  signal(SIGTERM, on_sigterm);
  while (!g_quit) {
    if (read(fd, buf, sizeof buf) <= 0)
      break;
  }
}
// CHECK: inferred-signal-flag-volatile.c:19:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}inferred-signal-flag-volatile.c:19 (inferred flag: volatile global 'g_quit', written by signal handler 'on_sigterm') and leaves the loop on it

struct server {
  int fd;
  atomic_bool stopping;
};

void serve_until_stopped(struct server *s) {
  char buf[128];
  while (!atomic_load(&s->stopping))
    read(s->fd, buf, sizeof buf);
}
// CHECK: inferred-signal-flag-volatile.c:33:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}inferred-signal-flag-volatile.c:33 (inferred flag: atomic memory reached through a parameter, named 'stopping') and leaves the loop on it

// Read but not acted on: an inferred flag is a flag only when it decides a
// way out, so this loop observes nothing.
void serve_logging(int fd) {
  char buf[128];
  for (;;) {
    if (g_quit)
      write(2, "quit\n", 5);
    if (read(fd, buf, sizeof buf) <= 0)
      return;
  }
}
// CHECK: inferred-signal-flag-volatile.c:42:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}inferred-signal-flag-volatile.c:45 and never observes cancellation

// A volatile local is the function's own: no flag.
void serve_local(int fd) {
  char buf[128];
  volatile int done = 0;
  while (!done) {
    if (read(fd, buf, sizeof buf) <= 0)
      done = 1;
  }
}
// CHECK: inferred-signal-flag-volatile.c:55:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}inferred-signal-flag-volatile.c:56 and never observes cancellation

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s | FileCheck %s --implicit-check-not=remark
