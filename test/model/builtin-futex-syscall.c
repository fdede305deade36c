// syscall() is a wait only where it is syscall(SYS_futex, addr, op, ...) with
// a waiting op (FUTEX_WAIT, FUTEX_WAIT_BITSET, FUTEX_LOCK_PI, ..., with or
// without FUTEX_PRIVATE_FLAG and FUTEX_CLOCK_REALTIME). FUTEX_WAKE, other
// system calls, and an op that is not a constant are not waits. The model
// prints its answer for each call.
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#define _GNU_SOURCE
#include <linux/futex.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

long futexes(uint32_t *addr, int op) {
  long r = syscall(SYS_futex, addr, FUTEX_WAIT, 1, 0, 0, 0);
  r += syscall(SYS_futex, addr, FUTEX_WAIT_PRIVATE, 1, 0, 0, 0);
  r += syscall(SYS_futex, addr, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 1,
               0, 0, FUTEX_BITSET_MATCH_ANY);
  r += syscall(SYS_futex, addr, FUTEX_LOCK_PI_PRIVATE, 0, 0, 0, 0);
  r += syscall(SYS_futex, addr, FUTEX_WAKE, 1, 0, 0, 0);
  r += syscall(SYS_futex, addr, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0);
  r += syscall(SYS_futex, addr, op, 1, 0, 0, 0);
  r += syscall(SYS_getpid);
  return r;
}

// The printed model, in module order.
// CHECK-LABEL: cancel-verify model of module '{{.*}}'
// CHECK-NEXT: function futexes: no roles
// CHECK-NEXT: function syscall
// CHECK-NEXT:   wait (when the call is a futex wait)  [builtin posix]
// CHECK-NEXT:     call in 'futexes' at {{.*}}builtin-futex-syscall.c:18: wait (futex wait)
// CHECK-NEXT:     call in 'futexes' at {{.*}}builtin-futex-syscall.c:19: wait (futex wait)
// CHECK-NEXT:     call in 'futexes' at {{.*}}builtin-futex-syscall.c:20: wait (futex wait)
// CHECK-NEXT:     call in 'futexes' at {{.*}}builtin-futex-syscall.c:22: wait (futex wait)
// CHECK-NEXT:     call in 'futexes' at {{.*}}builtin-futex-syscall.c:23: no role
// CHECK-NEXT:     call in 'futexes' at {{.*}}builtin-futex-syscall.c:24: no role
// CHECK-NEXT:     call in 'futexes' at {{.*}}builtin-futex-syscall.c:25: no role
// CHECK-NEXT:     call in 'futexes' at {{.*}}builtin-futex-syscall.c:26: no role
// The model ends here; remarks may follow.
// CHECK-NOT: {{^(function |global |field |annotated field |  [a-z].*  \[)}}
