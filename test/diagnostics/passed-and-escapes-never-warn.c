// Only missed findings become diagnostics: a handle cancelled on every path
// (CancelVerified), a loop that leaves on cancellation (LoopObservesCancel)
// and a handle the verifier cannot follow (CancelEscapes) stay remarks under
// -cancel-verify-diag=warning and =error: no warning, no error, no note,
// exit 0 and an object file, even with -Werror. The remarks show the
// verifier did see all three.
//
// --implicit-check-not does not look between or after -DAG matches;
// counting the remarks, and finding no warning, error or note, makes
// "nothing else" hold there too.
// RUN: rm -rf %t && mkdir %t
// RUN: %clang_cv -O0 -g -fno-caret-diagnostics -c %s -I %examples/include -o %t/w0.o \
// RUN:     -Werror -Rpass=cancel-verify -Rpass-analysis=cancel-verify \
// RUN:     -mllvm -cancel-verify-diag=warning > %t/w0.out 2>&1
// RUN: FileCheck %s --check-prefix=SRC --implicit-check-not=warning: \
// RUN:     --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark: \
// RUN:     < %t/w0.out
// RUN: grep remark: %t/w0.out | count 3
// RUN: not grep -E 'warning:|error:|note:' %t/w0.out
// RUN: test -s %t/w0.o
// RUN: %clang_cv -O0 -g -fno-caret-diagnostics -c %s -I %examples/include -o %t/e0.o \
// RUN:     -Rpass=cancel-verify -Rpass-analysis=cancel-verify \
// RUN:     -mllvm -cancel-verify-diag=error > %t/e0.out 2>&1
// RUN: FileCheck %s --check-prefix=SRC --implicit-check-not=warning: \
// RUN:     --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark: \
// RUN:     < %t/e0.out
// RUN: grep remark: %t/e0.out | count 3
// RUN: not grep -E 'warning:|error:|note:' %t/e0.out
// RUN: test -s %t/e0.o
// RUN: %clang_cv -O2 -g -fno-caret-diagnostics -c %s -I %examples/include -o %t/e2.o \
// RUN:     -Werror -Rpass=cancel-verify -Rpass-analysis=cancel-verify \
// RUN:     -mllvm -cancel-verify-diag=error > %t/e2.out 2>&1
// RUN: FileCheck %s --check-prefix=SRC --implicit-check-not=warning: \
// RUN:     --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark: \
// RUN:     < %t/e2.out
// RUN: grep remark: %t/e2.out | count 3
// RUN: not grep -E 'warning:|error:|note:' %t/e2.out
// RUN: test -s %t/e2.o
// RUN: %clang -O2 -g -S -emit-llvm %s -I %examples/include -o %t/o2.ll
// RUN: %clang_cv -O2 -c %t/o2.ll -o %t/ir.o -Werror -mllvm -cancel-verify-diag=error 2>&1 \
// RUN:   | count 0
// RUN: test -s %t/ir.o
// RUN: %cv_opt -disable-output %t/o2.ll -cancel-verify-diag=warning \
// RUN:     -pass-remarks=cancel-verify -pass-remarks-analysis=cancel-verify > %t/opt-w.out 2>&1
// RUN: FileCheck %s --check-prefix=OPT --implicit-check-not=warning: \
// RUN:     --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark: \
// RUN:     < %t/opt-w.out
// RUN: grep remark: %t/opt-w.out | count 3
// RUN: not grep -E 'warning:|error:|note:' %t/opt-w.out
// RUN: %cv_opt -disable-output %t/o2.ll -cancel-verify-diag=error \
// RUN:     -pass-remarks=cancel-verify -pass-remarks-analysis=cancel-verify > %t/opt-e.out 2>&1
// RUN: FileCheck %s --check-prefix=OPT --implicit-check-not=warning: \
// RUN:     --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark: \
// RUN:     < %t/opt-e.out
// RUN: grep remark: %t/opt-e.out | count 3
// RUN: not grep -E 'warning:|error:|note:' %t/opt-e.out
#include "cv_context.h"

int work(cv_ctx_t *ctx);
void remember(cv_cancel_t *cancel);

int cancels(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_timeout(parent, 100, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}
// SRC-DAG: {{^}}{{.*}}passed-and-escapes-never-warn.c:[[@LINE-5]]:25: remark: CancelVerified: {{.*}} [-Rpass=cancel-verify]{{$}}
// OPT-DAG: {{^}}remark: {{.*}}passed-and-escapes-never-warn.c:[[@LINE-6]]:25: CancelVerified: {{.*}}

int escapes(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  remember(cancel);
  return work(child);
}
// SRC-DAG: {{^}}{{.*}}passed-and-escapes-never-warn.c:[[@LINE-4]]:25: remark: CancelEscapes: {{.*}} [-Rpass-analysis=cancel-verify]{{$}}
// OPT-DAG: {{^}}remark: {{.*}}passed-and-escapes-never-warn.c:[[@LINE-5]]:25: CancelEscapes: {{.*}}

void watcher(cv_ctx_t *ctx, int conn) {
  char buf[128];
  while (!cv_done(ctx)) {
    if (cv_conn_read(conn, buf, sizeof buf) <= 0)
      break;
  }
}
// SRC-DAG: {{^}}{{.*}}passed-and-escapes-never-warn.c:[[@LINE-5]]:3: remark: LoopObservesCancel: {{.*}} [-Rpass=cancel-verify]{{$}}
// OPT-DAG: {{^}}remark: {{.*}}passed-and-escapes-never-warn.c:[[@LINE-6]]:3: LoopObservesCancel: {{.*}}
