// A function that fills its out-parameter only when the caller left it
// empty (`if (*out == NULL) *out = malloc(n);`), with nothing in its result
// to tell whether it did, does not create on every call: its callers, who
// may own what *out already holds, are not told of a creation. One that
// always fills it is a creation for each caller.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
#include <stdlib.h>
#include <string.h>

void show(const char *s);

size_t encode(char **out, const char *in) {
  size_t n = strlen(in);
  if (*out == NULL) {
    // CHECK: create-if-absent.c:[[@LINE+1]]:17: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'malloc' is transferred to the caller (stored for the caller at line [[@LINE+4]]){{$}}
    char *buf = malloc(n + 1);
    if (!buf)
      return 0;
    *out = buf;
  }
  memcpy(*out, in, n + 1);
  return n;
}

size_t into_callers_buffer(char *dst, const char *in) {
  if (!dst)
    return 0;
  return encode(&dst, in);
}

void make(char **out) {
  // CHECK: create-if-absent.c:[[@LINE+1]]:10: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'malloc' is transferred to the caller (stored for the caller at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
  *out = malloc(4);
}

void made_and_forgotten(void) {
  char *p;
  // O0: create-if-absent.c:[[@LINE+2]]:3: remark: LostCancel: returns at {{.*}}create-if-absent.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+2]] by 'make' ('make', which creates it with 'malloc' at line {{[0-9]+}}){{$}}
  // O2: create-if-absent.c:[[@LINE+1]]:3: remark: LostCancel: returns at {{.*}}create-if-absent.c:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'malloc'{{$}}
  make(&p);
  show(p);
}
