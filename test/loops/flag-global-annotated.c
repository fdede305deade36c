// A global annotated as a cancel flag: loading it observes cancellation.
// The loop must leave on it; a loop that reads it into a local and branches
// on the local leaves on it too (-O0 keeps locals in memory).
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark
#include <unistd.h>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
CV("flag") int g_shutdown;
void log_msg(const char *m);

void pump(int in, int out) {
  char buf[128];
  while (!g_shutdown) {
    ssize_t n = read(in, buf, sizeof buf);
    if (n <= 0)
      break;
    write(out, buf, (size_t)n);
  }
}
// CHECK: flag-global-annotated.c:15:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}flag-global-annotated.c:15 (flag 'g_shutdown') and leaves the loop on it

void pump_via_local(int in) {
  char buf[128];
  for (;;) {
    int stop = g_shutdown;
    if (stop)
      return;
    read(in, buf, sizeof buf);
  }
}
// CHECK: flag-global-annotated.c:26:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}flag-global-annotated.c:27 (flag 'g_shutdown') and leaves the loop on it

// Reads the flag only to log it.
void pump_logs(int in) {
  char buf[128];
  for (;;) {
    if (g_shutdown)
      log_msg("shutdown requested");
    if (read(in, buf, sizeof buf) <= 0)
      return;
  }
}
// CHECK: flag-global-annotated.c:38:3: remark: LoopCancelNotActedOn: loop observes cancellation at {{.*}}flag-global-annotated.c:39 (flag 'g_shutdown') but the result never leads out of the loop{{$}}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s | FileCheck %s --implicit-check-not=remark
