// opt with -cancel-verify-diag=error still writes the SARIF and the
// statistics: opt's default diagnostic handler may stop at the first error,
// so the verifier writes its files and counts before it reports errors.
// opt fails, and the SARIF (levels "error") and the counts are there.
//
// RUN: rm -rf %t.dir && mkdir -p %t.dir && cp %s %t.dir/input.c
// RUN: cd %t.dir && %clang -O2 -g -S -emit-llvm input.c -I %examples/include -o o2.ll
// RUN: not %cv_opt -disable-output %t.dir/o2.ll -cancel-verify-diag=error \
// RUN:     -cancel-verify-stats -cancel-verify-sarif=%t.dir/opt.sarif 2>&1 \
// RUN:   | FileCheck %s --check-prefix=STATS
// RUN: %python %S/Inputs/check-sarif.py %t.dir/opt.sarif --srcroot %t.dir | FileCheck %s
//
// STATS: {{^}}cancel-verify statistics for '{{.*}}o2.ll'{{$}}
// STATS: {{^}}  LostCancel{{ +}}2{{$}}
// STATS: {{^}}error: {{.*}}input.c:{{[0-9]+}}:{{[0-9]+}}: in function {{.*}}: LostCancel:
// CHECK: {{^}}result LostCancel ruleIndex=0 level=error{{$}}
// CHECK: {{^}}result LostCancel ruleIndex=0 level=error{{$}}
// CHECK: {{^}}results 2{{$}}
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
  cv_cancel_t *cancel = cv_with_timeout(parent, 4, &child);
  if (work(child) > 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 1;
}
