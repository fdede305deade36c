// The pthread catalog: condition waits and join are waits; pthread_testcancel
// observes cancellation. Signalling and creating threads have no role.
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#define _GNU_SOURCE
#include <pthread.h>
#include <time.h>

static void *body(void *arg) { return arg; }

int use(pthread_cond_t *cv, pthread_mutex_t *m, const struct timespec *ts) {
  pthread_t t;
  int r = pthread_create(&t, 0, body, 0);
  r += pthread_cond_wait(cv, m);
  r += pthread_cond_timedwait(cv, m, ts);
  r += pthread_cond_clockwait(cv, m, CLOCK_MONOTONIC, ts);
  pthread_testcancel();
  r += pthread_cond_signal(cv);
  r += pthread_join(t, 0);
  return r;
}

// The printed model, in module order.
// CHECK-LABEL: cancel-verify model of module '{{.*}}'
// CHECK-NEXT: function use: no roles
// CHECK-NEXT: function pthread_create: no roles
// CHECK-NEXT: function body: no roles
// CHECK-NEXT: function pthread_cond_wait
// CHECK-NEXT:   wait  [builtin pthread]
// CHECK-NEXT: function pthread_cond_timedwait
// CHECK-NEXT:   wait  [builtin pthread]
// CHECK-NEXT: function pthread_cond_clockwait
// CHECK-NEXT:   wait  [builtin pthread]
// CHECK-NEXT: function pthread_testcancel
// CHECK-NEXT:   observe  [builtin pthread]
// CHECK-NEXT: function pthread_cond_signal: no roles
// CHECK-NEXT: function pthread_join
// CHECK-NEXT:   wait  [builtin pthread]
// The model ends here; remarks may follow.
// CHECK-NOT: {{^(function |global |field |annotated field |  [a-z].*  \[)}}
