// -cancel-verify-diag=error: a missed finding is a compiler error at its
// location ("error: LostCancel: ...", no warning flag to turn it off) with
// its notes; the compile fails and writes no object file. -w and
// -Wno-pass-failed do not turn it off. The verified handle is no error.
// On the source at -O0 and -O2, on clang -O2 IR through clang, and through
// opt, which stops at the first error (so only the error line is pinned).
//
// RUN: rm -rf %t && mkdir %t
// RUN: not %clang_cv -O0 -g -fno-caret-diagnostics -c %s -I %examples/include -o %t/o0.o \
// RUN:     -mllvm -cancel-verify-diag=error 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=SRC --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note:
// RUN: not test -e %t/o0.o
// RUN: not %clang_cv -O2 -g -fno-caret-diagnostics -c %s -I %examples/include -o %t/o2.o \
// RUN:     -w -Wno-pass-failed -mllvm -cancel-verify-diag=error 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=SRC --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note:
// RUN: not test -e %t/o2.o
// RUN: %clang -O2 -g -S -emit-llvm %s -I %examples/include -o %t/o2.ll
// RUN: not %clang_cv -O2 -c %t/o2.ll -o %t/ir.o -Wno-pass-failed \
// RUN:     -mllvm -cancel-verify-diag=error 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=IR --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note:
// RUN: not test -e %t/ir.o
// RUN: not %cv_opt -disable-output %t/o2.ll -cancel-verify-diag=error 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=OPT --implicit-check-not=warning:
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);

int early_return(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}
// SRC: {{^}}{{.*}}error-mode-fails-compile.c:[[@LINE-6]]:25: error: LostCancel: returns at {{.*}}error-mode-fails-compile.c:[[@LINE-4]] without cancelling the handle created at line [[@LINE-6]] by 'cv_with_cancel'{{$}}
// SRC-NEXT: {{^}}note: {{.*}}error-mode-fails-compile.c:[[@LINE-5]]:5: the function returns here without cancelling{{$}}
// IR: {{^}}error: {{.*}}error-mode-fails-compile.c:[[@LINE-8]]:25: in function early_return {{.*}}: LostCancel: returns at {{.*}}error-mode-fails-compile.c:[[@LINE-6]] without cancelling the handle created at line [[@LINE-8]] by 'cv_with_cancel'{{$}}
// IR: {{^}}note: {{.*}}error-mode-fails-compile.c:[[@LINE-7]]:5: the function returns here without cancelling{{$}}
// OPT: {{^}}error: {{.*}}error-mode-fails-compile.c:[[@LINE-10]]:25: in function early_return {{.*}}: LostCancel: returns at {{.*}}error-mode-fails-compile.c:[[@LINE-8]] without cancelling the handle created at line [[@LINE-10]] by 'cv_with_cancel'{{$}}

int cancels(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_timeout(parent, 100, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}
