// Eight conditions met before a creation, or on a branch without it,
// used to fill the conditions tracked for the handle, so its own null
// test was dropped and the failure return (`if (p == NULL) return -1;`,
// where there is nothing to free) looked like a path that loses it. The
// handle's own null test and status keep room of their own. A real leak
// after many conditions is still found at -O0; on optimized IR, where the
// tests are merged differently, it is not (docs/limitations.md, "Many
// conditions").
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark --check-prefix=CHECK
#include <stdlib.h>
void use(const char *f);
int g(int);

int before(size_t n, int a, int b, int c, int d, int e, int f, int h,
           int i) {
  if (a) return 1;
  if (b) return 2;
  if (c) return 3;
  if (d) return 4;
  if (e) return 5;
  if (f) return 6;
  if (h) return 7;
  if (i) return 8;
  // CHECK-DAG: conditions-before-creation.c:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'malloc' is cancelled on every path: cancelled by 'free' at line [[@LINE+5]]
  char *fp = malloc(n);
  if (fp == NULL)
    return -1;
  use(fp);
  free(fp);
  return 0;
}

int elsewhere(size_t n, int which) {
  if (which) {
    // CHECK-DAG: conditions-before-creation.c:[[@LINE+1]]:16: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'malloc' is cancelled on every path: cancelled by 'free' at line [[@LINE+5]]
    char *fp = malloc(n);
    if (fp == NULL)
      return -1;
    use(fp);
    free(fp);
    return 0;
  }
  if (g(1)) return 1;
  if (g(2)) return 2;
  if (g(3)) return 3;
  if (g(4)) return 4;
  if (g(5)) return 5;
  if (g(6)) return 6;
  if (g(7)) return 7;
  return 0;
}

int leaks_after_many(size_t n, int a, int b, int c, int d, int e,
                     int f, int h, int i) {
  if (a) return 1;
  if (b) return 2;
  if (c) return 3;
  if (d) return 4;
  if (e) return 5;
  if (f) return 6;
  if (h) return 7;
  if (i) return 8;
  // O0-DAG: conditions-before-creation.c:[[@LINE+1]]:14: remark: LostCancel: returns at {{.*}}conditions-before-creation.c:[[@LINE+5]] without cancelling the handle created at line [[@LINE+1]] by 'malloc'
  char *fp = malloc(n);
  if (fp == NULL)
    return -1;
  if (g(0) < 0)
    return -2;
  free(fp);
  return 0;
}
