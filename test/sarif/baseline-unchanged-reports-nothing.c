// -cancel-verify-baseline=FILE with the SARIF of an earlier run of the same
// code: none of its findings is reported, as warning (exit 0 under -Werror),
// error (exit 0 in error mode) or remark (missed or analysis), while a pass,
// which a baseline never holds, still is a remark. The SARIF written with
// the baseline keeps every finding, each with baselineState "unchanged".
// A baseline written at -O0 holds for clang -O2 and for opt on clang -O2 IR.
//
// RUN: rm -rf %t.dir && mkdir -p %t.dir && cp %s %t.dir/input.c
// RUN: cd %t.dir && %clang_cv -O0 -g -c input.c -I %examples/include -o base.o \
// RUN:     -mllvm -cancel-verify-sarif=%t.dir/base.sarif
// RUN: %python %S/Inputs/check-sarif.py %t.dir/base.sarif | FileCheck %s --check-prefix=BASE
// BASE: {{^}}results 3{{$}}
//
// RUN: cd %t.dir && %clang_cv -O0 -g -fno-caret-diagnostics -c input.c -I %examples/include -o o0.o \
// RUN:     -Werror -Rpass=cancel-verify -Rpass-missed=cancel-verify -Rpass-analysis=cancel-verify \
// RUN:     -mllvm -cancel-verify-diag=warning -mllvm -cancel-verify-baseline=%t.dir/base.sarif \
// RUN:     -mllvm -cancel-verify-sarif=%t.dir/o0.sarif 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SRC --implicit-check-not=warning: --implicit-check-not=error: \
// RUN:       --implicit-check-not=note: --implicit-check-not=remark:
// RUN: test -s %t.dir/o0.o
// RUN: %python %S/Inputs/check-sarif.py %t.dir/o0.sarif --srcroot %t.dir \
// RUN:   | FileCheck %s --implicit-check-not=baseline:
// RUN: cd %t.dir && %clang_cv -O2 -g -fno-caret-diagnostics -c input.c -I %examples/include -o o2.o \
// RUN:     -Rpass=cancel-verify -Rpass-missed=cancel-verify -Rpass-analysis=cancel-verify \
// RUN:     -mllvm -cancel-verify-diag=error -mllvm -cancel-verify-baseline=%t.dir/base.sarif \
// RUN:     -mllvm -cancel-verify-sarif=%t.dir/o2.sarif 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SRC --implicit-check-not=warning: --implicit-check-not=error: \
// RUN:       --implicit-check-not=note: --implicit-check-not=remark:
// RUN: test -s %t.dir/o2.o
// RUN: %python %S/Inputs/check-sarif.py %t.dir/o2.sarif --srcroot %t.dir \
// RUN:   | FileCheck %s --implicit-check-not=baseline:
// RUN: cd %t.dir && %clang -O2 -g -S -emit-llvm input.c -I %examples/include -o o2.ll
// RUN: %cv_opt -disable-output %t.dir/o2.ll -pass-remarks=cancel-verify \
// RUN:     -pass-remarks-missed=cancel-verify -pass-remarks-analysis=cancel-verify \
// RUN:     -cancel-verify-diag=error -cancel-verify-baseline=%t.dir/base.sarif \
// RUN:     -cancel-verify-sarif=%t.dir/opt.sarif 2>&1 \
// RUN:   | FileCheck %s --check-prefix=OPT --implicit-check-not=warning: --implicit-check-not=error: \
// RUN:       --implicit-check-not=note: --implicit-check-not=remark:
// RUN: %python %S/Inputs/check-sarif.py %t.dir/opt.sarif --srcroot %t.dir \
// RUN:   | FileCheck %s --implicit-check-not=baseline:
//
// The control: the same compile without the baseline reports them.
// RUN: cd %t.dir && not %clang_cv -O0 -g -c input.c -I %examples/include -o ctl.o \
// RUN:     -Werror -mllvm -cancel-verify-diag=warning 2>&1 \
// RUN:   | FileCheck %s --check-prefix=CONTROL
// CONTROL-COUNT-2: error: {{.*}}[-Werror,-Wpass-failed=cancel-verify]
#include "cv_context.h"
#include <unistd.h>

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);
void remember(cv_cancel_t *cancel);

void reader(int fd) {
  char buf[64];
  while (read(fd, buf, sizeof buf) > 0) {
  }
}
// CHECK: {{^}}result LoopIgnoresCancel ruleIndex=3 level={{warning|error}}{{$}}
// CHECK: {{^}}  fingerprint: {{[0-9a-f]+}}{{$}}
// CHECK-NEXT: {{^}}  baseline: unchanged{{$}}

int early_return(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}
// CHECK: {{^}}result LostCancel ruleIndex=0 level={{warning|error}}{{$}}
// CHECK: {{^}}  fingerprint: {{[0-9a-f]+}}{{$}}
// CHECK-NEXT: {{^}}  baseline: unchanged{{$}}

int escapes(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  remember(cancel);
  return work(child);
}
// CHECK: {{^}}result CancelEscapes ruleIndex=8 level=note{{$}}
// CHECK: {{^}}  fingerprint: {{[0-9a-f]+}}{{$}}
// CHECK-NEXT: {{^}}  baseline: unchanged{{$}}
// CHECK-NEXT: {{^}}results 3{{$}}

int cancels(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_timeout(parent, 100, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}
// SRC: {{^}}input.c:[[@LINE-5]]:25: remark: CancelVerified: {{.*}} [-Rpass=cancel-verify]{{$}}
// OPT: {{^}}remark: input.c:[[@LINE-6]]:25: CancelVerified: {{.*}}
