// -Werror and -Werror=pass-failed act on the findings' warnings: each is an
// error "[-Werror,-Wpass-failed=cancel-verify]" with its notes, clang exits
// non-zero and writes no object file. -Wno-error=pass-failed keeps them
// warnings under -Werror: exit 0 and an object file. Without
// -cancel-verify-diag=warning, -Werror has nothing to act on. On the source
// at -O0 and -O2 and on clang -O2 IR compiled by clang.
//
// RUN: rm -rf %t && mkdir %t
// RUN: not %clang_cv -O0 -g -fno-caret-diagnostics -c %s -I %examples/include -o %t/o0.o \
// RUN:     -Werror -mllvm -cancel-verify-diag=warning 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=SRC-ERR,ALL --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note:
// RUN: not test -e %t/o0.o
// RUN: not %clang_cv -O2 -g -fno-caret-diagnostics -c %s -I %examples/include -o %t/o2.o \
// RUN:     -Werror=pass-failed -mllvm -cancel-verify-diag=warning 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=SRC-ERR,ALL --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note:
// RUN: not test -e %t/o2.o
// RUN: %clang -O2 -g -S -emit-llvm %s -I %examples/include -o %t/o2.ll
// RUN: not %clang_cv -O2 -c %t/o2.ll -o %t/ir.o -Werror -mllvm -cancel-verify-diag=warning 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=IR-ERR,ALL --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note:
// RUN: not test -e %t/ir.o
//
// RUN: %clang_cv -O0 -g -fno-caret-diagnostics -c %s -I %examples/include -o %t/keep.o \
// RUN:     -Werror -Wno-error=pass-failed -mllvm -cancel-verify-diag=warning 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=SRC-WARN,ALL --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note:
// RUN: test -s %t/keep.o
// RUN: %clang_cv -O2 -c %t/o2.ll -o %t/ir-keep.o -Werror -Wno-error=pass-failed \
// RUN:     -mllvm -cancel-verify-diag=warning 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=IR-WARN,ALL --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note:
// RUN: test -s %t/ir-keep.o
//
// RUN: %clang_cv -O0 -g -c %s -I %examples/include -o %t/remark.o -Werror 2>&1 \
// RUN:   | count 0
// RUN: test -s %t/remark.o
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
// SRC-ERR: {{^}}{{.*}}werror-turns-warnings-into-errors.c:[[@LINE-6]]:25: error: LostCancel: returns at {{.*}}werror-turns-warnings-into-errors.c:[[@LINE-4]] without cancelling the handle created at line [[@LINE-6]] by 'cv_with_cancel' [-Werror,-Wpass-failed=cancel-verify]{{$}}
// IR-ERR: {{^}}error: {{.*}}werror-turns-warnings-into-errors.c:[[@LINE-7]]:25: LostCancel: returns at {{.*}}werror-turns-warnings-into-errors.c:[[@LINE-5]] without cancelling the handle created at line [[@LINE-7]] by 'cv_with_cancel' [-Werror,-Wpass-failed=cancel-verify]{{$}}
// SRC-WARN: {{^}}{{.*}}werror-turns-warnings-into-errors.c:[[@LINE-8]]:25: warning: LostCancel: returns at {{.*}}werror-turns-warnings-into-errors.c:[[@LINE-6]] without cancelling the handle created at line [[@LINE-8]] by 'cv_with_cancel' [-Wpass-failed=cancel-verify]{{$}}
// IR-WARN: {{^}}warning: {{.*}}werror-turns-warnings-into-errors.c:[[@LINE-9]]:25: LostCancel: returns at {{.*}}werror-turns-warnings-into-errors.c:[[@LINE-7]] without cancelling the handle created at line [[@LINE-9]] by 'cv_with_cancel' [-Wpass-failed=cancel-verify]{{$}}
// ALL-NEXT: {{^}}note: {{.*}}werror-turns-warnings-into-errors.c:[[@LINE-8]]:5: the function returns here without cancelling{{$}}
