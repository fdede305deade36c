// A finding's fingerprint does not depend on its line: after lines are
// inserted above the code and between its functions (sed on a copy), every
// finding moves but keeps its fingerprint, so the baseline of the original
// still holds all of them: nothing is reported (exit 0 under -Werror) and
// the new SARIF marks each "unchanged". On the source at -O0 and -O2 and on
// clang -O2 IR through opt.
//
// RUN: rm -rf %t.dir && mkdir -p %t.dir/orig %t.dir/edit
// RUN: cp %s %t.dir/orig/input.c
// RUN: sed -e '1i // one' -e '1i // two' -e '1i // three' \
// RUN:     -e '/^int second(/i int unrelated(void);' -e '/^int second(/i int more_unrelated(void);' \
// RUN:     %s > %t.dir/edit/input.c
// RUN: not diff %t.dir/orig/input.c %t.dir/edit/input.c > /dev/null
// RUN: cd %t.dir/orig && %clang_cv -O0 -g -c input.c -I %examples/include -o o.o \
// RUN:     -mllvm -cancel-verify-sarif=%t.dir/base.sarif
//
// RUN: cd %t.dir/edit && %clang_cv -O0 -g -c input.c -I %examples/include -o o0.o -Werror \
// RUN:     -Rpass-missed=cancel-verify -mllvm -cancel-verify-diag=warning \
// RUN:     -mllvm -cancel-verify-baseline=%t.dir/base.sarif -mllvm -cancel-verify-sarif=%t.dir/o0.sarif 2>&1 \
// RUN:   | count 0
// RUN: %python %S/Inputs/check-sarif.py %t.dir/base.sarif > %t.dir/base.txt
// RUN: %python %S/Inputs/check-sarif.py %t.dir/o0.sarif --srcroot %t.dir/edit > %t.dir/o0.txt
// RUN: cat %t.dir/base.txt %t.dir/o0.txt | FileCheck %s
// RUN: cd %t.dir/edit && %clang_cv -O2 -g -c input.c -I %examples/include -o o2.o -Werror \
// RUN:     -Rpass-missed=cancel-verify -mllvm -cancel-verify-diag=warning \
// RUN:     -mllvm -cancel-verify-baseline=%t.dir/base.sarif -mllvm -cancel-verify-sarif=%t.dir/o2.sarif 2>&1 \
// RUN:   | count 0
// RUN: %python %S/Inputs/check-sarif.py %t.dir/o2.sarif --srcroot %t.dir/edit > %t.dir/o2.txt
// RUN: cat %t.dir/base.txt %t.dir/o2.txt | FileCheck %s
// RUN: cd %t.dir/edit && %clang -O2 -g -S -emit-llvm input.c -I %examples/include -o o2.ll
// RUN: %cv_opt -disable-output %t.dir/edit/o2.ll -pass-remarks-missed=cancel-verify \
// RUN:     -cancel-verify-diag=error -cancel-verify-baseline=%t.dir/base.sarif \
// RUN:     -cancel-verify-sarif=%t.dir/opt.sarif 2>&1 | count 0
// RUN: %python %S/Inputs/check-sarif.py %t.dir/opt.sarif --srcroot %t.dir/edit > %t.dir/opt.txt
// RUN: cat %t.dir/base.txt %t.dir/opt.txt | FileCheck %s
//
// The control: the edited copy without the baseline warns twice.
// RUN: cd %t.dir/edit && %clang_cv -O0 -g -c input.c -I %examples/include -o ctl.o \
// RUN:     -mllvm -cancel-verify-diag=warning 2>&1 | FileCheck %s --check-prefix=CONTROL
// CONTROL-COUNT-2: warning: LostCancel:
//
// The original's results, then the edited copy's: 3 lines further down
// for the first, 5 for the second, same fingerprints, both unchanged.
// CHECK:      {{^}}  at: SRCROOT:input.c:[[#FIRST:]]:25 in first{{$}}
// CHECK:      {{^}}  fingerprint: [[FP1:[0-9a-f]+]]{{$}}
// CHECK-NOT:  {{^}}  baseline:
// CHECK:      {{^}}  at: SRCROOT:input.c:[[#SECOND:]]:25 in second{{$}}
// CHECK:      {{^}}  fingerprint: [[FP2:[0-9a-f]+]]{{$}}
// CHECK-NOT:  {{^}}  baseline:
// CHECK:      {{^}}results 2{{$}}
// CHECK:      {{^}}  at: SRCROOT:input.c:[[#FIRST+3]]:25 in first{{$}}
// CHECK:      {{^}}  fingerprint: [[FP1]]{{$}}
// CHECK-NEXT: {{^}}  baseline: unchanged{{$}}
// CHECK:      {{^}}  at: SRCROOT:input.c:[[#SECOND+5]]:25 in second{{$}}
// CHECK:      {{^}}  fingerprint: [[FP2]]{{$}}
// CHECK-NEXT: {{^}}  baseline: unchanged{{$}}
// CHECK-NEXT: {{^}}results 2{{$}}
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);

int first(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}

int second(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) > 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 1;
}
