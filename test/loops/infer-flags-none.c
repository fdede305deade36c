// -cancel-verify-infer-flags=none turns flag inference off: only modelled
// observations count, and a loop stopped by a volatile or atomic flag alone
// ignores cancellation.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-infer-flags=none | FileCheck %s --check-prefix=NONE --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-infer-flags=none | FileCheck %s --check-prefix=NONE --implicit-check-not=remark
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-infer-flags=volatile-atomic | FileCheck %s --check-prefix=INFER --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --check-prefix=INFER --implicit-check-not=remark
#include <signal.h>
#include <stdatomic.h>
#include <unistd.h>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
volatile sig_atomic_t g_stop;
atomic_int g_generation;
CV("flag") volatile int g_cancel;

void reader(int fd) {
  char buf[16];
  while (!g_stop)
    read(fd, buf, sizeof buf);
}
// NONE: infer-flags-none.c:20:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}infer-flags-none.c:21 and never observes cancellation
// INFER: infer-flags-none.c:20:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}infer-flags-none.c:20 (inferred flag: volatile global 'g_stop', declared sig_atomic_t) and leaves the loop on it

void reader_generation(int fd, int gen) {
  char buf[16];
  while (atomic_load(&g_generation) == gen)
    read(fd, buf, sizeof buf);
}
// NONE: infer-flags-none.c:28:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}infer-flags-none.c:29 and never observes cancellation
// INFER: infer-flags-none.c:28:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}infer-flags-none.c:28 (inferred flag: atomic global 'g_generation', written by 'shutdown_readers') and leaves the loop on it

// A modelled flag counts whatever the option says.
void reader_modelled(int fd) {
  char buf[16];
  while (!g_cancel)
    read(fd, buf, sizeof buf);
}
// NONE: infer-flags-none.c:37:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}infer-flags-none.c:37 (flag 'g_cancel') and leaves the loop on it
// INFER: infer-flags-none.c:37:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}infer-flags-none.c:37 (flag 'g_cancel') and leaves the loop on it

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -mllvm -cancel-verify-infer-flags=none | FileCheck %s --check-prefix=NONE --implicit-check-not=remark
// RUN: %cv-remarks clang-O2 %s -mllvm -cancel-verify-infer-flags=volatile-atomic | FileCheck %s --check-prefix=INFER --implicit-check-not=remark

// What makes g_generation a flag: a function that stops the readers sets it.
void shutdown_readers(void) { atomic_store(&g_generation, -1); }
