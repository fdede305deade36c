// Loops that cannot block get no remark, whatever they observe: counting,
// copying, polling a flag without waiting, calling helpers that do not block.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --allow-empty --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --allow-empty --implicit-check-not=remark
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-infer-flags=nonlocal | FileCheck %s --allow-empty --implicit-check-not=remark
// CHECK-NOT: remark
#include <signal.h>
#include <stddef.h>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx_t;
CV("observe") int ctx_done(ctx_t *c);
volatile sig_atomic_t g_stop;

long sum(const int *v, size_t n) {
  long s = 0;
  for (size_t i = 0; i < n; i++)
    s += v[i];
  return s;
}

int scale(int x) { return x * 3; }

void apply(int *v, size_t n) {
  for (size_t i = 0; i < n; i++)
    v[i] = scale(v[i]);
}

void spin_until_stopped(void) {
  while (!g_stop) {
  }
}

int count_until_done(ctx_t *ctx) {
  int n = 0;
  while (!ctx_done(ctx))
    n++;
  return n;
}

void copy(char *dst, const char *src) {
  while ((*dst++ = *src++) != 0) {
  }
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s | FileCheck %s --allow-empty --implicit-check-not=remark
// RUN: %cv-remarks clang-O2 %s -mllvm -cancel-verify-infer-flags=nonlocal | FileCheck %s --allow-empty --implicit-check-not=remark
