// Locations in SARIF: a file under the compilation directory is a relative,
// percent-encoded uri with uriBaseId SRCROOT ("my%20dir/input.c" for a
// directory with a space), also when named by an absolute path on the
// command line; a file outside it is an absolute file:// uri without a
// base, also when its directory's name only starts with the compilation
// directory's ("src2" next to "src"), and also when the source file itself
// is named by "../". originalUriBaseIds.SRCROOT is the compilation directory
// (the checker resolves every uri to an existing file). On the source at
// -O0 and -O2 and on clang -O2 IR through opt.
// A branch decision is located where clang puts the branch: the start of
// the condition (clang 19, column 7) or its operator (clang 22, column 19).
//
// RUN: rm -rf %t.dir && mkdir -p "%t.dir/src/my dir" %t.dir/src2 %t.dir/build
// RUN: cp %s "%t.dir/src/my dir/input.c"
// RUN: cp %S/Inputs/outside-header.h %t.dir/src2/header.h
// RUN: cd %t.dir/src && %clang_cv -O0 -g -c "my dir/input.c" -I ../src2 -I %examples/include \
// RUN:     -o o0.o -mllvm -cancel-verify-sarif=%t.dir/o0.sarif
// RUN: %python %S/Inputs/check-sarif.py %t.dir/o0.sarif --srcroot %t.dir/src \
// RUN:   | FileCheck %s --check-prefixes=CHECK,IN -DDIR=%t.dir
// RUN: cd %t.dir/src && %clang_cv -O2 -g -c "%t.dir/src/my dir/input.c" -I %t.dir/src2 \
// RUN:     -I %examples/include -o o2.o -mllvm -cancel-verify-sarif=%t.dir/o2.sarif
// RUN: %python %S/Inputs/check-sarif.py %t.dir/o2.sarif --srcroot %t.dir/src \
// RUN:   | FileCheck %s --check-prefixes=CHECK,IN -DDIR=%t.dir
// RUN: cd %t.dir/src && %clang -O2 -g -S -emit-llvm "my dir/input.c" -I ../src2 \
// RUN:     -I %examples/include -o o2.ll
// RUN: %cv_opt -disable-output %t.dir/src/o2.ll -cancel-verify-sarif=%t.dir/opt.sarif
// RUN: %python %S/Inputs/check-sarif.py %t.dir/opt.sarif --srcroot %t.dir/src \
// RUN:   | FileCheck %s --check-prefixes=CHECK,IN -DDIR=%t.dir
//
// The source itself outside the compilation directory.
// RUN: cd %t.dir/build && %clang_cv -O0 -g -c "../src/my dir/input.c" -I ../src2 \
// RUN:     -I %examples/include -o up.o -mllvm -cancel-verify-sarif=%t.dir/up.sarif
// RUN: %python %S/Inputs/check-sarif.py %t.dir/up.sarif --srcroot %t.dir/build \
// RUN:   | FileCheck %s --check-prefixes=CHECK,UP -DDIR=%t.dir
//
// IN: {{^}}srcroot file://[[DIR]]/src/{{$}}
// UP: {{^}}srcroot file://[[DIR]]/build/{{$}}
#include "header.h"

int report_failure(cv_ctx_t *ctx);

int caller(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_timeout(parent, 3, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return header_lost(parent);
}
// CHECK: {{^}}result LostCancel ruleIndex=0 level=warning{{$}}
// CHECK-NEXT: {{^}}  message: returns at {{.*}}header.h:13 without cancelling the handle created at line 11 by 'cv_with_cancel'{{$}}
// CHECK-NEXT: {{^}}  at: file://[[DIR]]/src2/header.h:11:25 in header_lost{{$}}
// CHECK-NEXT: {{^}}  related[1]: file://[[DIR]]/src2/header.h:13:5: the function returns here without cancelling{{$}}
// CHECK-NEXT: {{^}}  flow: file://[[DIR]]/src2/header.h:11:25: the handle is created here{{$}}
// CHECK-NEXT: {{^}}  flow: file://[[DIR]]/src2/header.h:12:{{(7|19)}}: taking the true branch{{$}}
// CHECK-NEXT: {{^}}  flow: file://[[DIR]]/src2/header.h:13:5: the function returns here without cancelling{{$}}
// CHECK-NEXT: {{^}}  fingerprint:
// CHECK-NEXT: {{^}}result LostCancel ruleIndex=0 level=warning{{$}}
// CHECK-NEXT: {{^}}  message: returns at {{.*}}input.c:[[@LINE-13]] without cancelling the handle created at line [[@LINE-15]] by 'cv_with_timeout'{{$}}
// IN-NEXT: {{^}}  at: SRCROOT:my%20dir/input.c:[[@LINE-16]]:25 in caller{{$}}
// IN-NEXT: {{^}}  related[1]: SRCROOT:my%20dir/input.c:[[@LINE-15]]:5: the function returns here without cancelling{{$}}
// IN-NEXT: {{^}}  flow: SRCROOT:my%20dir/input.c:[[@LINE-18]]:25: the handle is created here{{$}}
// UP-NEXT: {{^}}  at: file://[[DIR]]/src/my%20dir/input.c:[[@LINE-19]]:25 in caller{{$}}
// UP-NEXT: {{^}}  related[1]: file://[[DIR]]/src/my%20dir/input.c:[[@LINE-18]]:5: the function returns here without cancelling{{$}}
// UP-NEXT: {{^}}  flow: file://[[DIR]]/src/my%20dir/input.c:[[@LINE-21]]:25: the handle is created here{{$}}
