// realloc's pointer is not kept (LLVM marks it nocapture), but the memory
// lives on in the result: the handle moves into what realloc returns when
// that is not null; a null result leaves it where it was, still owed. A
// function that may return the memory it was given grown (a realloc
// wrapper) is not a creation on every call, so its callers are not told a
// handle they already own was "created again".
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
#include <stdlib.h>

void show(const char *s);

void grown_then_freed(void) {
  // The optimizer merges the two frees into one call without a line.
  // O0: realloc-keeps-memory.c:[[@LINE+2]]:13: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'malloc' is cancelled on every path: cancelled by 'free' at line [[@LINE+7]] and cancelled by 'free' at line [[@LINE+11]]{{$}}
  // O2: realloc-keeps-memory.c:[[@LINE+1]]:13: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'malloc' is cancelled on every path: cancelled by 'free'{{$}}
  char *p = malloc(4);
  if (!p)
    return;
  char *q = realloc(p, 8);
  if (!q) {
    free(p);
    return;
  }
  show(q);
  free(q);
}

// A null result from realloc leaves the memory where it was: returning
// then, without freeing it, loses it.
void grown_without_fallback(void) {
  // O0: realloc-keeps-memory.c:[[@LINE+2]]:13: remark: LostCancel: returns at {{.*}}realloc-keeps-memory.c:[[@LINE+7]] without cancelling the handle created at line [[@LINE+2]] by 'malloc'{{$}}
  // O2: realloc-keeps-memory.c:[[@LINE+1]]:13: remark: LostCancel: returns at {{.*}}realloc-keeps-memory.c:[[@LINE+5]] without cancelling the handle created at line [[@LINE+1]] by 'malloc'{{$}}
  char *p = malloc(4);
  if (!p)
    return;
  char *q = realloc(p, 8);
  if (!q)
    return;
  show(q);
  free(q);
}

void grown_then_lost(void) {
  // CHECK: realloc-keeps-memory.c:[[@LINE+1]]:13: remark: LostCancel: returns at {{.*}}realloc-keeps-memory.c:[[@LINE+6]] without cancelling the handle created at line [[@LINE+1]] by 'malloc'{{$}}
  char *p = malloc(4);
  if (!p)
    return;
  p = realloc(p, 8);
  show(p);
}

static void *grow(void *ptr, size_t size) {
  // O0: realloc-keeps-memory.c:[[@LINE+1]]:48: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'malloc' is transferred to the caller (returned to the caller at line [[@LINE+1]]){{$}}
  return ptr ? realloc(ptr, size ? size : 1) : malloc(size ? size : 1);
}

void through_a_wrapper(void) {
  // At -O2 the wrapper is inlined and each of its mallocs is followed here.
  // O2: realloc-keeps-memory.c:[[@LINE+2]]:13: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'malloc' is cancelled on every path: cancelled by 'free' at line [[@LINE+5]]{{$}}
  // O2: realloc-keeps-memory.c:[[@LINE+2]]:7: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'malloc' is cancelled on every path: cancelled by 'free' at line [[@LINE+4]]{{$}}
  char *p = grow(NULL, 4);
  p = grow(p, 8);
  show(p);
  free(p);
}
