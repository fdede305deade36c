// -cancel-verify-diag=warning turns every missed finding into a warning,
// not only LostCancel: DiscardedCancel (no related location, so no note),
// OverwrittenCancel (at the overwrite, a note at the creation) and
// DetachedContext (a note at the root context). The handle created by the
// overwrite is cancelled: a CancelVerified remark, never a warning.
//
// RUN: rm -rf %t && mkdir %t
// RUN: %clang_cv -O0 -g -fno-caret-diagnostics -c %s -I %examples/include -o %t/o0.o \
// RUN:     -mllvm -cancel-verify-diag=warning -Rpass=cancel-verify 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=SRC,ALL,REMARK --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark:
// RUN: %clang_cv -O2 -g -fno-caret-diagnostics -c %s -I %examples/include -o %t/o2.o \
// RUN:     -mllvm -cancel-verify-diag=warning -Rpass=cancel-verify 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=SRC,ALL,REMARK --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark:
// RUN: %clang -O2 -g -S -emit-llvm %s -I %examples/include -o %t/o2.ll
// RUN: %clang_cv -O2 -c %t/o2.ll -o %t/ir.o -mllvm -cancel-verify-diag=warning 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=IR,ALL --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark:
// RUN: %cv_opt -disable-output %t/o2.ll -cancel-verify-diag=warning 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=OPT,ALL --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark:
#include "cv_context.h"

int work(cv_ctx_t *ctx);

int discards(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_with_cancel(parent, &child);
  return work(child);
}
// SRC: {{^}}{{.*}}warning-other-missed-kinds.c:[[@LINE-3]]:3: warning: DiscardedCancel: the cancel handle from 'cv_with_cancel' is never used, so nothing can cancel it; its context lives until the parent is cancelled [-Wpass-failed=cancel-verify]{{$}}
// IR: {{^}}warning: {{.*}}warning-other-missed-kinds.c:[[@LINE-4]]:3: DiscardedCancel: the cancel handle from 'cv_with_cancel' is never used, so nothing can cancel it; its context lives until the parent is cancelled [-Wpass-failed=cancel-verify]{{$}}
// OPT: {{^}}warning: {{.*}}warning-other-missed-kinds.c:[[@LINE-5]]:3: DiscardedCancel: the cancel handle from 'cv_with_cancel' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}

int overwrites(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  work(child);
  cancel = cv_with_timeout(parent, 10, &child);
  work(child);
  cv_cancel(cancel);
  return 0;
}
// SRC: {{^}}{{.*}}warning-other-missed-kinds.c:[[@LINE-5]]:12: warning: OverwrittenCancel: the handle created at line [[@LINE-7]] by 'cv_with_cancel' is overwritten at line [[@LINE-5]] before it was cancelled [-Wpass-failed=cancel-verify]{{$}}
// IR: {{^}}warning: {{.*}}warning-other-missed-kinds.c:[[@LINE-6]]:12: OverwrittenCancel: the handle created at line [[@LINE-8]] by 'cv_with_cancel' is overwritten at line [[@LINE-6]] before it was cancelled [-Wpass-failed=cancel-verify]{{$}}
// OPT: {{^}}warning: {{.*}}warning-other-missed-kinds.c:[[@LINE-7]]:12: OverwrittenCancel: the handle created at line [[@LINE-9]] by 'cv_with_cancel' is overwritten at line [[@LINE-7]] before it was cancelled{{$}}
// ALL-NEXT: {{^}}note: {{.*}}warning-other-missed-kinds.c:[[@LINE-10]]:25: the handle is created here{{$}}
// REMARK-NEXT: {{^}}{{.*}}warning-other-missed-kinds.c:[[@LINE-9]]:12: remark: CancelVerified: the handle created at line [[@LINE-9]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE-7]] [-Rpass=cancel-verify]{{$}}

int detaches(cv_ctx_t *ctx) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(cv_background(), &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc + work(ctx);
}
// SRC: {{^}}{{.*}}warning-other-missed-kinds.c:[[@LINE-5]]:25: warning: DetachedContext: the parent of this context is the root context from 'cv_background' at line [[@LINE-5]] although 'detaches' has a context at hand ('ctx'); cancelling the caller will not reach this work [-Wpass-failed=cancel-verify]{{$}}
// IR: {{^}}warning: {{.*}}warning-other-missed-kinds.c:[[@LINE-6]]:25: DetachedContext: the parent of this context is the root context from 'cv_background' at line [[@LINE-6]] although 'detaches' has a context at hand ('ctx'); cancelling the caller will not reach this work [-Wpass-failed=cancel-verify]{{$}}
// OPT: {{^}}warning: {{.*}}warning-other-missed-kinds.c:[[@LINE-7]]:25: DetachedContext: the parent of this context is the root context from 'cv_background' at line [[@LINE-7]] although 'detaches' has a context at hand ('ctx'); cancelling the caller will not reach this work{{$}}
// ALL-NEXT: {{^}}note: {{.*}}warning-other-missed-kinds.c:[[@LINE-8]]:40: the root context comes from here{{$}}
