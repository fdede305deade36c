// -cancel-verify-sarif=FILE and -cancel-verify-sarif-dir=DIR together are
// an error, whichever comes first: clang fails with no object file, opt
// fails, and neither the file nor anything in the directory is written;
// the verifier does not run (no remark, no warning). Each option alone is
// accepted (the control).
//
// RUN: rm -rf %t && mkdir -p %t/dir
// RUN: not %clang_cv -O0 -g -c %s -I %examples/include -o %t/o0.o \
// RUN:     -Rpass-missed=cancel-verify -mllvm -cancel-verify-diag=warning \
// RUN:     -mllvm -cancel-verify-sarif=%t/out.sarif -mllvm -cancel-verify-sarif-dir=%t/dir 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error: \
// RUN:       --implicit-check-not=note: --implicit-check-not=remark:
// RUN: not test -e %t/o0.o
// RUN: not %clang_cv -O2 -g -c %s -I %examples/include -o %t/o2.o \
// RUN:     -mllvm -cancel-verify-sarif-dir=%t/dir -mllvm -cancel-verify-sarif=%t/out.sarif 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error: \
// RUN:       --implicit-check-not=note: --implicit-check-not=remark:
// RUN: not test -e %t/o2.o
// RUN: %clang -O2 -g -S -emit-llvm %s -I %examples/include -o %t/o2.ll
// RUN: not %cv_opt -disable-output %t/o2.ll -pass-remarks-missed=cancel-verify \
// RUN:     -cancel-verify-sarif=%t/out.sarif -cancel-verify-sarif-dir=%t/dir 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error: \
// RUN:       --implicit-check-not=note: --implicit-check-not=remark:
// RUN: not test -e %t/out.sarif
// RUN: ls -A %t/dir | count 0
//
// CHECK: {{^}}error: cancel-verify: -cancel-verify-sarif and -cancel-verify-sarif-dir cannot be used together{{$}}
//
// RUN: %clang_cv -O0 -g -c %s -I %examples/include -o %t/o0.o \
// RUN:     -mllvm -cancel-verify-sarif=%t/out.sarif
// RUN: test -s %t/out.sarif
// RUN: %cv_opt -disable-output %t/o2.ll -cancel-verify-sarif-dir=%t/dir
// RUN: ls %t/dir | FileCheck %s --check-prefix=DIR
// DIR: {{^}}sarif-and-sarif-dir-conflict.c.{{[0-9a-f]+}}.sarif{{$}}
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
