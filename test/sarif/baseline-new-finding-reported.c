// With a baseline, only findings it does not hold are reported: after a new
// bug is added (-DNEW_BUG: a new function and a new loop), exactly the two
// new findings warn (and fail the compile under -Werror / error mode) while
// the old one stays silent; the SARIF written with the baseline marks the
// old one "unchanged" and the new ones "new". On the source at -O0 and -O2
// and on clang -O2 IR through opt.
//
// RUN: rm -rf %t.dir && mkdir -p %t.dir && cp %s %t.dir/input.c
// RUN: cd %t.dir && %clang_cv -O0 -g -c input.c -I %examples/include -o base.o \
// RUN:     -mllvm -cancel-verify-sarif=%t.dir/base.sarif
//
// RUN: cd %t.dir && not %clang_cv -O0 -g -fno-caret-diagnostics -c input.c -DNEW_BUG \
// RUN:     -I %examples/include -o o0.o -Werror -mllvm -cancel-verify-diag=warning \
// RUN:     -mllvm -cancel-verify-baseline=%t.dir/base.sarif -mllvm -cancel-verify-sarif=%t.dir/o0.sarif 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SRC --implicit-check-not=warning: --implicit-check-not=error: \
// RUN:       --implicit-check-not=note:
// RUN: %python %S/Inputs/check-sarif.py %t.dir/o0.sarif --srcroot %t.dir \
// RUN:   | FileCheck %s --implicit-check-not=baseline:
// RUN: cd %t.dir && not %clang_cv -O2 -g -fno-caret-diagnostics -c input.c -DNEW_BUG \
// RUN:     -I %examples/include -o o2.o -mllvm -cancel-verify-diag=error \
// RUN:     -mllvm -cancel-verify-baseline=%t.dir/base.sarif -mllvm -cancel-verify-sarif=%t.dir/o2.sarif 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SRC-ERR --implicit-check-not=warning: --implicit-check-not=error: \
// RUN:       --implicit-check-not=note:
// RUN: %python %S/Inputs/check-sarif.py %t.dir/o2.sarif --srcroot %t.dir \
// RUN:   | FileCheck %s --implicit-check-not=baseline:
// RUN: cd %t.dir && %clang -O2 -g -S -emit-llvm input.c -DNEW_BUG -I %examples/include -o o2.ll
// RUN: %cv_opt -disable-output %t.dir/o2.ll -cancel-verify-diag=warning \
// RUN:     -cancel-verify-baseline=%t.dir/base.sarif -cancel-verify-sarif=%t.dir/opt.sarif 2>&1 \
// RUN:   | FileCheck %s --check-prefix=OPT --implicit-check-not=warning: --implicit-check-not=error: \
// RUN:       --implicit-check-not=note:
// RUN: %python %S/Inputs/check-sarif.py %t.dir/opt.sarif --srcroot %t.dir \
// RUN:   | FileCheck %s --implicit-check-not=baseline:
#include "cv_context.h"
#include <unistd.h>

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);

#ifdef NEW_BUG
void reader(int fd) {
  char buf[64];
  while (read(fd, buf, sizeof buf) > 0) {
  }
}
#endif
// SRC: {{^}}input.c:[[@LINE-4]]:3: error: LoopIgnoresCancel: {{.*}} [-Werror,-Wpass-failed=cancel-verify]{{$}}
// SRC-NEXT: {{^}}note: input.c:[[@LINE-5]]:10: 'read' can block here{{$}}
// SRC-ERR: {{^}}input.c:[[@LINE-6]]:3: error: LoopIgnoresCancel: {{.*}}cancellation{{$}}
// SRC-ERR-NEXT: {{^}}note: input.c:[[@LINE-7]]:10: 'read' can block here{{$}}
// OPT: {{^}}warning: input.c:[[@LINE-8]]:3: LoopIgnoresCancel: {{.*}}cancellation{{$}}
// OPT-NEXT: {{^}}note: input.c:[[@LINE-9]]:10: 'read' can block here{{$}}
// CHECK: {{^}}result LoopIgnoresCancel ruleIndex=3 level={{warning|error}}{{$}}
// CHECK-NEXT: {{^}}  message:
// CHECK-NEXT: {{^}}  at: SRCROOT:input.c:[[@LINE-12]]:3 in reader{{$}}
// CHECK: {{^}}  fingerprint:
// CHECK-NEXT: {{^}}  baseline: new{{$}}

int old_bug(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}
// CHECK: {{^}}result LostCancel ruleIndex=0 level={{warning|error}}{{$}}
// CHECK-NEXT: {{^}}  message:
// CHECK-NEXT: {{^}}  at: SRCROOT:input.c:[[@LINE-8]]:25 in old_bug{{$}}
// CHECK: {{^}}  fingerprint:
// CHECK-NEXT: {{^}}  baseline: unchanged{{$}}

#ifdef NEW_BUG
int new_bug(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}
#endif
// SRC: {{^}}input.c:[[@LINE-7]]:25: error: LostCancel: returns at input.c:[[@LINE-5]] without cancelling the handle created at line [[@LINE-7]] by 'cv_with_cancel' [-Werror,-Wpass-failed=cancel-verify]{{$}}
// SRC-NEXT: {{^}}note: input.c:[[@LINE-6]]:5: the function returns here without cancelling{{$}}
// SRC-ERR: {{^}}input.c:[[@LINE-9]]:25: error: LostCancel: returns at input.c:[[@LINE-7]] without cancelling the handle created at line [[@LINE-9]] by 'cv_with_cancel'{{$}}
// SRC-ERR-NEXT: {{^}}note: input.c:[[@LINE-8]]:5: the function returns here without cancelling{{$}}
// OPT: {{^}}warning: input.c:[[@LINE-11]]:25: LostCancel: returns at input.c:[[@LINE-9]] without cancelling the handle created at line [[@LINE-11]] by 'cv_with_cancel'{{$}}
// OPT-NEXT: {{^}}note: input.c:[[@LINE-10]]:5: the function returns here without cancelling{{$}}
// CHECK: {{^}}result LostCancel ruleIndex=0 level={{warning|error}}{{$}}
// CHECK-NEXT: {{^}}  message:
// CHECK-NEXT: {{^}}  at: SRCROOT:input.c:[[@LINE-15]]:25 in new_bug{{$}}
// CHECK: {{^}}  fingerprint:
// CHECK-NEXT: {{^}}  baseline: new{{$}}
// CHECK-NEXT: {{^}}results 3{{$}}
