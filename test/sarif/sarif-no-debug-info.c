// KNOWN BUG, expected to fail until fixed: compiled without -g, a finding
// has no source location, and the SARIF says so with an empty
// "physicalLocation": {} (in locations, relatedLocations and code flows),
// which SARIF 2.1.0 forbids: a physicalLocation must hold an
// artifactLocation or an address. Expected: no physicalLocation at all
// when there is none (the location still names the function). The checker
// runs with --locations-optional: a location may lack physicalLocation,
// but one that is there must be valid. On the source at -O0 (plain -c,
// no -R flag, as a build compiles) and on clang -O2 -g0 IR through opt.
//
// RUN: rm -rf %t.dir && mkdir -p %t.dir && cp %s %t.dir/input.c
// RUN: cd %t.dir && %clang_cv -O0 -g0 -c input.c -I %examples/include -o o0.o \
// RUN:     -mllvm -cancel-verify-sarif=%t.dir/o0.sarif
// RUN: %python %S/Inputs/check-sarif.py %t.dir/o0.sarif --locations-optional | FileCheck %s
// RUN: cd %t.dir && %clang -O2 -g0 -S -emit-llvm input.c -I %examples/include -o o2.ll
// RUN: %cv_opt -disable-output %t.dir/o2.ll -cancel-verify-sarif=%t.dir/opt.sarif
// RUN: %python %S/Inputs/check-sarif.py %t.dir/opt.sarif --locations-optional | FileCheck %s
//
// CHECK: {{^}}result LostCancel ruleIndex=0 level=warning{{$}}
// CHECK: {{^}}  at: ? in early_return{{$}}
// CHECK: {{^}}results 1{{$}}
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
