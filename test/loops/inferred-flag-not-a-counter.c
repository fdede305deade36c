// A volatile or atomic global that the module only ever steps (a count of
// requests served, of workers done) is a counter, not a cancel flag: a
// loop that waits and tests it does not observe cancellation. A global
// that is also set to a value (a signal handler's `g_quit = 1`) may still
// be one.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks clang-O2 %s | FileCheck %s --implicit-check-not=remark
#include <stdatomic.h>
#include <unistd.h>

void consume(const char *buf, long n);

static _Atomic long g_served;
static volatile int g_done_workers;
static volatile int g_quit;

void count_request(void) { atomic_fetch_add(&g_served, 1); }
void worker_done(void) { g_done_workers++; }
void on_signal(int sig) { g_quit = sig != 0; }

void serve_some(int fd, long limit) {
  char buf[64];
  while (atomic_load(&g_served) < limit) {
    long n = read(fd, buf, sizeof buf);
    if (n <= 0)
      return;
    consume(buf, n);
  }
}
// CHECK: inferred-flag-not-a-counter.c:[[@LINE-7]]:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}inferred-flag-not-a-counter.c:[[@LINE-6]] and never observes cancellation{{$}}

void wait_workers(int fd, int n) {
  char buf[1];
  while (g_done_workers < n)
    read(fd, buf, 1);
}
// CHECK: inferred-flag-not-a-counter.c:[[@LINE-3]]:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}inferred-flag-not-a-counter.c:[[@LINE-2]] and never observes cancellation{{$}}

void serve(int fd) {
  char buf[64];
  while (!g_quit) {
    long n = read(fd, buf, sizeof buf);
    if (n <= 0)
      return;
    consume(buf, n);
  }
}
// CHECK: inferred-flag-not-a-counter.c:[[@LINE-7]]:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}inferred-flag-not-a-counter.c:[[@LINE-7]] (inferred flag: volatile global 'g_quit', by its name) and leaves the loop on it{{$}}
