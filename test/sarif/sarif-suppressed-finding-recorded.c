// A finding a `suppress` role silences is not reported (no warning) but
// stays in the SARIF, with a suppression of kind "inSource" whose
// justification names the function's role; its fingerprint is the one it
// has unsuppressed. A finding the role does not cover (other remark name)
// has no suppressions. On the source at -O0 and -O2 and on clang -O2 IR
// through opt.
//
// RUN: rm -rf %t.dir && mkdir -p %t.dir && cp %s %t.dir/input.c
// RUN: cd %t.dir && %clang_cv -O0 -g -fno-caret-diagnostics -c input.c -I %examples/include -o o0.o \
// RUN:     -mllvm -cancel-verify-diag=warning -mllvm -cancel-verify-sarif=%t.dir/o0.sarif 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WARN --implicit-check-not=warning: --implicit-check-not=note:
// RUN: %python %S/Inputs/check-sarif.py %t.dir/o0.sarif --srcroot %t.dir \
// RUN:   | FileCheck %s --implicit-check-not='{{^result }}' --implicit-check-not=suppression:
// RUN: cd %t.dir && %clang_cv -O2 -g -c input.c -I %examples/include -o o2.o \
// RUN:     -mllvm -cancel-verify-sarif=%t.dir/o2.sarif
// RUN: %python %S/Inputs/check-sarif.py %t.dir/o2.sarif --srcroot %t.dir \
// RUN:   | FileCheck %s --implicit-check-not='{{^result }}' --implicit-check-not=suppression:
// RUN: cd %t.dir && %clang -O2 -g -S -emit-llvm input.c -I %examples/include -o o2.ll
// RUN: %cv_opt -disable-output %t.dir/o2.ll -cancel-verify-sarif=%t.dir/opt.sarif
// RUN: %python %S/Inputs/check-sarif.py %t.dir/opt.sarif --srcroot %t.dir \
// RUN:   | FileCheck %s --implicit-check-not='{{^result }}' --implicit-check-not=suppression:
//
// The control: without the role (-DNO_SUPPRESS) the same finding, same
// fingerprint, has no suppression and does warn.
// RUN: cd %t.dir && %clang_cv -O0 -g -c input.c -I %examples/include -o ctl.o -DNO_SUPPRESS \
// RUN:     -mllvm -cancel-verify-sarif=%t.dir/ctl.sarif
// RUN: %python %S/Inputs/check-sarif.py %t.dir/o0.sarif > %t.dir/o0.txt
// RUN: %python %S/Inputs/check-sarif.py %t.dir/ctl.sarif > %t.dir/ctl.txt
// RUN: cat %t.dir/o0.txt %t.dir/ctl.txt | FileCheck %s --check-prefix=SAME
#include "cv_context.h"

#ifdef NO_SUPPRESS
#define CV_SUPPRESS_LOST
#else
#define CV_SUPPRESS_LOST __attribute__((annotate("cancel-verify:suppress:LostCancel")))
#endif

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);

CV_SUPPRESS_LOST int quiet(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}
// CHECK: {{^}}result LostCancel ruleIndex=0 level=warning{{$}}
// CHECK-NEXT: {{^}}  message: returns at input.c:{{.*}}
// CHECK-NEXT: {{^}}  at: SRCROOT:input.c:[[@LINE-8]]:25 in quiet{{$}}
// CHECK: {{^}}  fingerprint: {{[0-9a-f]+}}{{$}}
// CHECK-NEXT: {{^}}  suppression: inSource: a cancel-verify:suppress role of 'quiet'{{$}}

// SAME: {{^}}  at: SRCROOT:input.c:[[@LINE-12]]:25 in quiet{{$}}
// SAME: {{^}}  fingerprint: [[FP:[0-9a-f]+]]{{$}}
// SAME-NEXT: {{^}}  suppression: inSource: a cancel-verify:suppress role of 'quiet'{{$}}
// SAME: {{^}}  at: SRCROOT:input.c:[[@LINE-15]]:25 in quiet{{$}}
// SAME-NEXT: {{^}}  related
// SAME-NEXT: {{^}}  flow:
// SAME-NEXT: {{^}}  flow:
// SAME-NEXT: {{^}}  flow:
// SAME-NEXT: {{^}}  fingerprint: [[FP]]{{$}}
// SAME-NEXT: {{^}}result

CV_SUPPRESS_LOST int other_kind(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_with_timeout(parent, 5, &child);
  return work(child);
}
// WARN: {{^}}input.c:[[@LINE-3]]:3: warning: DiscardedCancel: {{.*}} [-Wpass-failed=cancel-verify]{{$}}
// CHECK: {{^}}result DiscardedCancel ruleIndex=1 level=warning{{$}}
// CHECK-NEXT: {{^}}  message: the cancel handle from 'cv_with_timeout' is never used{{.*}}
// CHECK-NEXT: {{^}}  at: SRCROOT:input.c:[[@LINE-6]]:3 in other_kind{{$}}
// CHECK-NEXT: {{^}}  fingerprint: {{[0-9a-f]+}}{{$}}
// CHECK-NEXT: {{^}}results 2{{$}}
