// A counted loop whose body runs once (`for (i = 0; i < 1; i++)`) is
// followed as straight-line code: no second trip creates again over the
// handle, and no path skips the body. A loop that runs twice still
// overwrites, and one that never runs creates nothing that reaches an
// exit. The counter is kept in memory at -O0; at -O2 the optimizer has
// already unrolled these loops (two creations for two trips) and removed
// the allocations that only a free uses.
//
// RUN: %cv-remarks O0 %s -I %examples/include -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s -I %examples/include -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
#include <stdlib.h>
#include "cv_context.h"

int work(cv_ctx_t *ctx);

int created_once(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *h = 0;
  for (int i = 0; i < 1; i++)
    // CHECK: counted-loops.c:[[@LINE+1]]:9: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
    h = cv_with_cancel(parent, &child);
  work(child);
  cv_cancel(h);
  return 0;
}

// Allocated in one counted loop, freed in another.
void freed_in_second_loop(void) {
  char *data = NULL;
  int i, j;
  for (i = 0; i < 1; i++) {
    // O0: counted-loops.c:[[@LINE+1]]:20: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'malloc' is cancelled on every path: cancelled by 'free' at line [[@LINE+6]]{{$}}
    data = (char *)malloc(100);
    if (data == NULL)
      exit(-1);
  }
  for (j = 0; j < 1; j++)
    free(data);
}

// Positive: the second loop never frees.
void not_freed(void) {
  char *data = NULL;
  int i, j;
  for (i = 0; i < 1; i++) {
    // O0: counted-loops.c:[[@LINE+1]]:20: remark: LostCancel: returns at {{.*}}counted-loops.c:[[@LINE+7]] without cancelling the handle created at line [[@LINE+1]] by 'malloc'{{$}}
    data = (char *)malloc(100);
    if (data == NULL)
      exit(-1);
  }
  for (j = 0; j < 1; j++)
    data[0] = 'a';
}

// Positive: two trips, the first handle is overwritten.
void created_twice(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *h = 0;
  for (int i = 0; i < 2; i++)
    // O0: counted-loops.c:[[@LINE+3]]:9: remark: OverwrittenCancel: the handle created at line [[@LINE+3]] by 'cv_with_cancel' is created again at line [[@LINE+3]] before the previous handle was cancelled{{$}}
    // O2: counted-loops.c:[[@LINE+2]]:9: remark: OverwrittenCancel: the handle created at line [[@LINE+2]] by 'cv_with_cancel' is overwritten at line [[@LINE+2]] before it was cancelled{{$}}
    // O2: counted-loops.c:[[@LINE+1]]:9: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+2]]{{$}}
    h = cv_with_cancel(parent, &child);
  cv_cancel(h);
}

// No trip: nothing is created.
void created_never(cv_ctx_t *parent) {
  cv_ctx_t *child;
  for (int i = 0; i < 0; i++)
    // O0: counted-loops.c:[[@LINE+1]]:5: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' needs no cancel: no path returns from 'created_never' with it{{$}}
    cv_with_cancel(parent, &child);
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
