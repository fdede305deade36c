// Returning from main ends the process: a handle still owed there is not a
// leak. The same shape in any other function is.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);

// Positive: not main; the early return loses the handle.
__attribute__((noinline)) int run(cv_ctx_t *root) {
  cv_ctx_t *child;
  // CHECK: main-return-not-leak.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}main-return-not-leak.c:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(root, &child);
  if (work(child) < 0)
    return work(root);
  cv_cancel(cancel);
  return 0;
}

// main returns early on failure without cancelling: the process ends.
int main(void) {
  cv_ctx_t *child;
  // CHECK: main-return-not-leak.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+4]]{{$}}
  cv_cancel_t *cancel = cv_with_timeout(cv_background(), 1000, &child);
  if (work(child) < 0)
    return 1;
  cv_cancel(cancel);
  return run(cv_background());
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
