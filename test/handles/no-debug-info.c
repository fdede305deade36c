// Without debug info a remark has no source location: the message falls
// back to the function and the creation's position in its IR. clang tracks
// locations for -R remarks even without -g, so at -O0 the remarks look as
// usual; the -O2 run hands opt IR built with -g0, which has none.
//
// RUN: %cv-remarks O0 %s -I %examples/include -g0 | FileCheck %s --check-prefix=O0 --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include -g0 | FileCheck %s --check-prefix=O2 --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);

int early_return(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: no-debug-info.c:[[@LINE+2]]:25: remark: LostCancel: returns at {{.*}}no-debug-info.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+2]] by 'cv_with_cancel'{{$}}
  // O2: <unknown>:0:0: remark: LostCancel: returns at {{.*}} without cancelling the handle created {{.*}}by 'cv_with_cancel' [in function 'early_return', instruction {{[0-9]+}}{{( in block '.*')?}}]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}

int cancels(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: no-debug-info.c:[[@LINE+2]]:25: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+4]]{{$}}
  // O2: <unknown>:0:0: remark: CancelVerified: the handle created {{.*}}by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel'{{.*}} [in function 'cancels', instruction {{[0-9]+}}{{( in block '.*')?}}]{{$}}
  cv_cancel_t *cancel = cv_with_timeout(parent, 100, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

int discards(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: no-debug-info.c:[[@LINE+2]]:3: remark: DiscardedCancel: the cancel handle from 'cv_with_cancel' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  // O2: <unknown>:0:0: remark: DiscardedCancel: the cancel handle from 'cv_with_cancel' is never used, so nothing can cancel it; its context lives until the parent is cancelled [in function 'discards', instruction {{[0-9]+}}{{( in block '.*')?}}]{{$}}
  cv_with_cancel(parent, &child);
  return work(child);
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include -g0 | FileCheck %s --check-prefix=O0 --implicit-check-not=remark
