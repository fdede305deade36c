// -cancel-verify-diag=remark, the default: findings are remarks only. A
// LostCancel prints nothing without -R flags (no warning, no note), the
// compile succeeds even with -Werror, and with -Rpass-missed it is the
// remark alone. On the source at -O0 and -O2 and on clang -O2 IR through
// clang and opt.
//
// RUN: rm -rf %t && mkdir %t
// RUN: %clang_cv -O0 -g -c %s -I %examples/include -o %t/d0.o -Werror 2>&1 | count 0
// RUN: test -s %t/d0.o
// RUN: %clang_cv -O2 -g -c %s -I %examples/include -o %t/d2.o -Werror \
// RUN:     -mllvm -cancel-verify-diag=remark 2>&1 | count 0
// RUN: test -s %t/d2.o
// RUN: %clang -O2 -g -S -emit-llvm %s -I %examples/include -o %t/o2.ll
// RUN: %clang_cv -O2 -c %t/o2.ll -o %t/ir.o -Werror 2>&1 | count 0
// RUN: test -s %t/ir.o
// RUN: %cv_opt -disable-output %t/o2.ll 2>&1 | count 0
// RUN: %cv_opt -disable-output %t/o2.ll -cancel-verify-diag=remark 2>&1 | count 0
//
// RUN: %clang_cv -O0 -g -fno-caret-diagnostics -c %s -I %examples/include -o %t/r0.o \
// RUN:     -Werror -Rpass-missed=cancel-verify 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SRC --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark:
// RUN: test -s %t/r0.o
// RUN: %clang_cv -O2 -g -fno-caret-diagnostics -c %s -I %examples/include -o %t/r2.o \
// RUN:     -Rpass-missed=cancel-verify -mllvm -cancel-verify-diag=remark 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SRC --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark:
// RUN: %cv_opt -disable-output %t/o2.ll -pass-remarks-missed=cancel-verify 2>&1 \
// RUN:   | FileCheck %s --check-prefix=OPT --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark:
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
// SRC: {{^}}{{.*}}remark-mode-no-warnings.c:[[@LINE-6]]:25: remark: LostCancel: returns at {{.*}}remark-mode-no-warnings.c:[[@LINE-4]] without cancelling the handle created at line [[@LINE-6]] by 'cv_with_cancel' [-Rpass-missed=cancel-verify]{{$}}
// OPT: {{^}}remark: {{.*}}remark-mode-no-warnings.c:[[@LINE-7]]:25: LostCancel: returns at {{.*}}remark-mode-no-warnings.c:[[@LINE-5]] without cancelling the handle created at line [[@LINE-7]] by 'cv_with_cancel'{{$}}
