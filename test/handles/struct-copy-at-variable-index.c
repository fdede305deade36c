// A struct that holds the handle copied as a whole into an element at a
// variable index (`dst[i] = v`, a memcpy): the element is memory others
// reach, so the handle escapes there, as a store of the field would make
// it. It was taken as still held by the local, so a loop reusing the
// local reported it created again. Dropping the struct still loses it.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark
#include <stdlib.h>
#include <string.h>
typedef struct { char *p; char *q; } pair_t;

void set_at(pair_t *dst, int i, const char *a) {
  pair_t v = { NULL, NULL };
  // CHECK-DAG: struct-copy-at-variable-index.c:[[@LINE+1]]:9: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'malloc' escapes: stored in memory the verifier cannot follow at line [[@LINE+2]]
  v.p = malloc(strlen(a) + 1);
  dst[i] = v;
}

int copy_all(pair_t *out, const char *const *a, int n) {
  pair_t v = { NULL, NULL };
  int i;
  for (i = 0; i < n; i++) {
    // CHECK-DAG: struct-copy-at-variable-index.c:[[@LINE+1]]:11: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'malloc' escapes: stored in memory the verifier cannot follow at line [[@LINE+4]]
    v.p = malloc(strlen(a[i]) + 1);
    if (v.p == NULL)
      goto error;
    out[i] = v;
  }
  return 1;
error:
  while (i-- > 0)
    free(out[i].p);
  return 0;
}

int dropped(const char *a) {
  pair_t v = { NULL, NULL };
  // CHECK-DAG: struct-copy-at-variable-index.c:[[@LINE+1]]:9: remark: LostCancel: returns at {{.*}}struct-copy-at-variable-index.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+1]] by 'malloc'
  v.p = malloc(strlen(a) + 1);
  if (v.p == NULL)
    return -1;
  return (int)strlen(v.p);
}
