// Without a model, a volatile or atomic read that decides a loop exit is a
// cancel flag only with evidence that its memory means "stop": who writes
// it (a signal handler, another thread, a stop function), how it is
// declared (sig_atomic_t) or named. The passed remark says which. Counters,
// caches of computed values and device registers are no flags.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

void consume(const char *buf, long n);
int probe_level(void);

// Set by a handler that sigaction() installs.
static volatile int g_state;
static void on_term(int sig) { (void)sig; g_state = 1; }

void install(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_term;
  sigaction(SIGTERM, &sa, 0);
}

void serve_until_signal(int fd) {
  char buf[64];
  while (!g_state) {
    long n = read(fd, buf, sizeof buf);
    if (n <= 0)
      return;
    consume(buf, n);
  }
}
// CHECK: inferred-flag-evidence.c:[[@LINE-7]]:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}inferred-flag-evidence.c:[[@LINE-7]] (inferred flag: volatile global 'g_state', written by signal handler 'on_term') and leaves the loop on it{{$}}

// Set on a control thread.
static _Atomic int g_mode;
static void *control_main(void *arg) {
  (void)arg;
  atomic_store(&g_mode, 2);
  return 0;
}

void start_control(void) {
  pthread_t t;
  pthread_create(&t, 0, control_main, 0);
}

void serve_until_mode(int fd) {
  char buf[64];
  while (atomic_load(&g_mode) != 2) {
    long n = read(fd, buf, sizeof buf);
    if (n <= 0)
      return;
    consume(buf, n);
  }
}
// CHECK: inferred-flag-evidence.c:[[@LINE-7]]:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}inferred-flag-evidence.c:[[@LINE-7]] (inferred flag: atomic global 'g_mode', written by thread function 'control_main') and leaves the loop on it{{$}}

// Set by a function that says it stops the server.
struct server {
  int fd;
  atomic_int phase;
};
void server_stop(struct server *s) { atomic_store(&s->phase, 3); }

void server_run(struct server *s) {
  char buf[64];
  while (atomic_load(&s->phase) != 3)
    read(s->fd, buf, sizeof buf);
}
// CHECK: inferred-flag-evidence.c:[[@LINE-3]]:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}inferred-flag-evidence.c:[[@LINE-3]] (inferred flag: atomic memory reached through a parameter, written by 'server_stop') and leaves the loop on it{{$}}

// A cache of something measured: every write stores a computed value.
static _Atomic int g_level;
void refresh_level(void) { atomic_store(&g_level, probe_level()); }

void serve_at_level(int fd) {
  char buf[64];
  while (atomic_load(&g_level) > 0)
    read(fd, buf, sizeof buf);
}
// CHECK: inferred-flag-evidence.c:[[@LINE-3]]:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}inferred-flag-evidence.c:[[@LINE-2]] and never observes cancellation{{$}}

// Even under a stop-like name, a computed value is no switch.
static volatile long g_done_bytes;
void account(long n) { g_done_bytes = n * 2; }

void copy_until(int fd, long limit) {
  char buf[64];
  while (g_done_bytes < limit)
    read(fd, buf, sizeof buf);
}
// CHECK: inferred-flag-evidence.c:[[@LINE-3]]:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}inferred-flag-evidence.c:[[@LINE-2]] and never observes cancellation{{$}}

// A device register read through a volatile pointer says nothing of
// stopping.
void drain(volatile unsigned *status, int fd) {
  char buf[64];
  while (!(*status & 1u))
    read(fd, buf, sizeof buf);
}
// CHECK: inferred-flag-evidence.c:[[@LINE-3]]:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}inferred-flag-evidence.c:[[@LINE-2]] and never observes cancellation{{$}}

// A switch with nothing to say what it switches: written with constants,
// but by no handler, no other thread, no stop function, under a neutral
// name.
static volatile int g_phase;
void set_phase(int p) { g_phase = p ? 4 : 5; }

void serve_phase(int fd) {
  char buf[64];
  while (g_phase != 4)
    read(fd, buf, sizeof buf);
}
// CHECK: inferred-flag-evidence.c:[[@LINE-3]]:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}inferred-flag-evidence.c:[[@LINE-2]] and never observes cancellation{{$}}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s | FileCheck %s --implicit-check-not=remark
