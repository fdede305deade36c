// Under -cancel-verify-diag=error the SARIF says so: the missed results and
// the default level of the 6 missed rules are "error", CancelEscapes stays
// "note", the passes' rules "none". The compile fails on the errors, yet
// the SARIF is written, complete and valid. On the source at -O0 and -O2,
// and on clang -O2 IR through clang.
//
// RUN: rm -rf %t.dir && mkdir -p %t.dir && cp %s %t.dir/input.c
// RUN: cd %t.dir && not %clang_cv -O0 -g -c input.c -I %examples/include -o o0.o \
// RUN:     -mllvm -cancel-verify-diag=error -mllvm -cancel-verify-sarif=%t.dir/o0.sarif 2>/dev/null
// RUN: not test -e %t.dir/o0.o
// RUN: %python %S/Inputs/check-sarif.py %t.dir/o0.sarif --srcroot %t.dir \
// RUN:   | FileCheck %s --implicit-check-not=level=
// RUN: cd %t.dir && not %clang_cv -O2 -g -c input.c -I %examples/include -o o2.o \
// RUN:     -mllvm -cancel-verify-diag=error -mllvm -cancel-verify-sarif=%t.dir/o2.sarif 2>/dev/null
// RUN: %python %S/Inputs/check-sarif.py %t.dir/o2.sarif --srcroot %t.dir \
// RUN:   | FileCheck %s --implicit-check-not=level=
// RUN: cd %t.dir && %clang -O2 -g -S -emit-llvm input.c -I %examples/include -o o2.ll
// RUN: cd %t.dir && not %clang_cv -O2 -c o2.ll -o ir.o \
// RUN:     -mllvm -cancel-verify-diag=error -mllvm -cancel-verify-sarif=%t.dir/ir.sarif 2>/dev/null
// RUN: %python %S/Inputs/check-sarif.py %t.dir/ir.sarif --srcroot %t.dir \
// RUN:   | FileCheck %s --implicit-check-not=level=
//
// The control: the same compile in warning mode says "warning".
// RUN: cd %t.dir && %clang_cv -O0 -g -c input.c -I %examples/include -o w.o \
// RUN:     -mllvm -cancel-verify-diag=warning -mllvm -cancel-verify-sarif=%t.dir/w.sarif 2>/dev/null
// RUN: %python %S/Inputs/check-sarif.py %t.dir/w.sarif --srcroot %t.dir \
// RUN:   | FileCheck %s --check-prefix=WARN --implicit-check-not=level=
//
// CHECK: {{^}}rule[0] LostCancel level=error{{$}}
// CHECK: {{^}}rule[1] DiscardedCancel level=error{{$}}
// CHECK: {{^}}rule[2] OverwrittenCancel level=error{{$}}
// CHECK: {{^}}rule[3] LoopIgnoresCancel level=error{{$}}
// CHECK: {{^}}rule[4] LoopCancelNotActedOn level=error{{$}}
// CHECK: {{^}}rule[5] DetachedContext level=error{{$}}
// CHECK: {{^}}rule[6] CancelVerified level=none{{$}}
// CHECK: {{^}}rule[7] LoopObservesCancel level=none{{$}}
// CHECK: {{^}}rule[8] CancelEscapes level=note{{$}}
// CHECK: {{^}}result LostCancel ruleIndex=0 level=error{{$}}
// CHECK: {{^}}result CancelEscapes ruleIndex=8 level=note{{$}}
// CHECK: {{^}}result DiscardedCancel ruleIndex=1 level=error{{$}}
// CHECK: {{^}}results 3{{$}}
//
// WARN: {{^}}rule[0] LostCancel level=warning{{$}}
// WARN: {{^}}rule[1] DiscardedCancel level=warning{{$}}
// WARN: {{^}}rule[2] OverwrittenCancel level=warning{{$}}
// WARN: {{^}}rule[3] LoopIgnoresCancel level=warning{{$}}
// WARN: {{^}}rule[4] LoopCancelNotActedOn level=warning{{$}}
// WARN: {{^}}rule[5] DetachedContext level=warning{{$}}
// WARN: {{^}}rule[6] CancelVerified level=none{{$}}
// WARN: {{^}}rule[7] LoopObservesCancel level=none{{$}}
// WARN: {{^}}rule[8] CancelEscapes level=note{{$}}
// WARN: {{^}}result LostCancel ruleIndex=0 level=warning{{$}}
// WARN: {{^}}result CancelEscapes ruleIndex=8 level=note{{$}}
// WARN: {{^}}result DiscardedCancel ruleIndex=1 level=warning{{$}}
// WARN: {{^}}results 3{{$}}
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);
void remember(cv_cancel_t *cancel);

int early_return(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}

int cancels(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_timeout(parent, 100, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

int escapes(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  remember(cancel);
  return work(child);
}

int discards(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_with_deadline(parent, 7, &child);
  return work(child);
}
