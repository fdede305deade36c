// A model may make realloc itself the creation of a handle (the block it
// returns): then a null result is the creation failing, and the handle's
// own null test, as for any other creator.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/realloc-creates.yaml | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/realloc-creates.yaml | FileCheck %s --implicit-check-not=remark
#include <stdlib.h>

void show(const char *s);

int grown(char *old, size_t n) {
  // CHECK: realloc-as-creator.c:[[@LINE+1]]:13: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'realloc' is cancelled on every path: cancelled by 'free' at line [[@LINE+5]]{{$}}
  char *q = realloc(old, n);
  if (!q)
    return -1;
  show(q);
  free(q);
  return 0;
}

int grown_and_kept(char *old, size_t n) {
  // CHECK: realloc-as-creator.c:[[@LINE+1]]:13: remark: LostCancel: returns at {{.*}}realloc-as-creator.c:[[@LINE+5]] without cancelling the handle created at line [[@LINE+1]] by 'realloc'{{$}}
  char *q = realloc(old, n);
  if (!q)
    return -1;
  show(q);
  return 0;
}
