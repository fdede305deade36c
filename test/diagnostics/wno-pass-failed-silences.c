// -Wno-pass-failed (and -w) silence the findings' warnings and the notes
// that follow them: nothing is printed and the compile succeeds, also with
// -Werror. The same compile without it does warn (the control that the
// silence is not an empty run). On the source at -O0 and -O2 and on clang
// -O2 IR through clang.
//
// RUN: rm -rf %t && mkdir %t
// RUN: %clang_cv -O0 -g -c %s -I %examples/include -o %t/o0.o -Werror \
// RUN:     -Wno-pass-failed -mllvm -cancel-verify-diag=warning 2>&1 | count 0
// RUN: test -s %t/o0.o
// RUN: %clang_cv -O2 -g -c %s -I %examples/include -o %t/o2.o -Werror \
// RUN:     -Wno-pass-failed -mllvm -cancel-verify-diag=warning 2>&1 | count 0
// RUN: test -s %t/o2.o
// RUN: %clang_cv -O0 -g -c %s -I %examples/include -o %t/w.o -Werror \
// RUN:     -w -mllvm -cancel-verify-diag=warning 2>&1 | count 0
// RUN: test -s %t/w.o
// RUN: %clang -O2 -g -S -emit-llvm %s -I %examples/include -o %t/o2.ll
// RUN: %clang_cv -O2 -c %t/o2.ll -o %t/ir.o -Werror -Wno-pass-failed \
// RUN:     -mllvm -cancel-verify-diag=warning 2>&1 | count 0
// RUN: test -s %t/ir.o
//
// The control: the same compiles without -Wno-pass-failed.
// RUN: %clang_cv -O0 -g -fno-caret-diagnostics -c %s -I %examples/include -o %t/c0.o \
// RUN:     -mllvm -cancel-verify-diag=warning 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SRC --implicit-check-not=warning: --implicit-check-not=note:
// RUN: %clang_cv -O2 -c %t/o2.ll -o %t/c2.o -mllvm -cancel-verify-diag=warning 2>&1 \
// RUN:   | FileCheck %s --check-prefix=IR --implicit-check-not=warning: --implicit-check-not=note:
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
// SRC: {{^}}{{.*}}wno-pass-failed-silences.c:[[@LINE-6]]:25: warning: LostCancel: {{.*}} [-Wpass-failed=cancel-verify]{{$}}
// SRC-NEXT: {{^}}note: {{.*}}wno-pass-failed-silences.c:[[@LINE-5]]:5: the function returns here without cancelling{{$}}
// IR: {{^}}warning: {{.*}}wno-pass-failed-silences.c:[[@LINE-8]]:25: LostCancel: {{.*}} [-Wpass-failed=cancel-verify]{{$}}
// IR-NEXT: {{^}}note: {{.*}}wno-pass-failed-silences.c:[[@LINE-7]]:5: the function returns here without cancelling{{$}}
