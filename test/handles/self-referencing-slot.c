// A slot stored once whose stored value is computed from the slot itself
// (va_arg steps the va_list's pointer in a loop: load, add, store back)
// must not be followed into itself: the path of such a value is its own,
// and the analysis neither recurses without end nor loses the handle.
// A store of a pointer into the object the handle points to (`p++` over
// an allocation) keeps the handle: it is not an overwrite.
//
// RUN: %cv-remarks O0 %s -I %examples/include -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark
#include <stdarg.h>
#include <stdlib.h>
#include "cv_context.h"

int sum(cv_ctx_t *parent, int n, ...) {
  cv_ctx_t *child;
  // CHECK: self-referencing-slot.c:[[@LINE+1]]:20: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+8]]{{$}}
  cv_cancel_t *c = cv_with_cancel(parent, &child);
  va_list ap;
  va_start(ap, n);
  int s = 0;
  while (n--)
    s += *va_arg(ap, int *);
  va_end(ap);
  cv_cancel(c);
  return s;
}

// The size is kept in front of the block; the caller gets the rest.
void *sized_alloc(long n) {
  long *p;
  // CHECK: self-referencing-slot.c:[[@LINE+1]]:7: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'malloc' is transferred to the caller (returned to the caller at line {{[0-9]+}}); each call of this function is judged as a creation{{$}}
  p = malloc(n + 8);
  if (p) {
    p[0] = n;
    p++;
  }
  return p;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark
