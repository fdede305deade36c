// A `suppress` role on a function silences its findings as warnings and
// errors too (and as remarks): `suppress` (every remark name) and
// `suppress:LostCancel` silence the LostCancel in their function; a
// `suppress:DiscardedCancel` does not, so that one still warns. With only
// suppressed findings left, -cancel-verify-diag=error compiles.
//
// RUN: rm -rf %t && mkdir %t
// RUN: %clang_cv -O0 -g -fno-caret-diagnostics -c %s -I %examples/include -o %t/o0.o \
// RUN:     -Rpass-missed=cancel-verify -mllvm -cancel-verify-diag=warning 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=SRC,REMARK --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark:
// RUN: %clang_cv -O2 -g -fno-caret-diagnostics -c %s -I %examples/include -o %t/o2.o \
// RUN:     -Rpass-missed=cancel-verify -mllvm -cancel-verify-diag=warning 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=SRC,REMARK --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark:
// RUN: %clang -O2 -g -S -emit-llvm %s -I %examples/include -o %t/o2.ll
// RUN: %clang_cv -O2 -c %t/o2.ll -o %t/ir.o -mllvm -cancel-verify-diag=warning 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=IR --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark:
// RUN: %cv_opt -disable-output %t/o2.ll -cancel-verify-diag=warning 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=OPT --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark:
//
// Only the suppressed findings: error mode has nothing to fail on.
// RUN: %clang_cv -O0 -g -c %s -I %examples/include -o %t/only0.o -DONLY_SUPPRESSED \
// RUN:     -mllvm -cancel-verify-diag=error 2>&1 | count 0
// RUN: test -s %t/only0.o
// RUN: %clang -O2 -g -S -emit-llvm %s -I %examples/include -DONLY_SUPPRESSED -o %t/only2.ll
// RUN: %clang_cv -O2 -c %t/only2.ll -o %t/only2.o -mllvm -cancel-verify-diag=error 2>&1 | count 0
// RUN: test -s %t/only2.o
// RUN: %cv_opt -disable-output %t/only2.ll -cancel-verify-diag=error 2>&1 | count 0
#include "cv_context.h"

#define CV(s) __attribute__((annotate("cancel-verify:" s)))

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);

CV("suppress") int quiet_all(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}

CV("suppress:LostCancel") int quiet_lost(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_timeout(parent, 5, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}

#ifndef ONLY_SUPPRESSED
CV("suppress:DiscardedCancel") int other_kind(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_deadline(parent, 9, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}
// REMARK: {{^}}{{.*}}suppress-role-silences-warning.c:[[@LINE-6]]:25: remark: LostCancel: {{.*}}'cv_with_deadline' [-Rpass-missed=cancel-verify]{{$}}
// SRC: {{^}}{{.*}}suppress-role-silences-warning.c:[[@LINE-7]]:25: warning: LostCancel: returns at {{.*}}suppress-role-silences-warning.c:[[@LINE-5]] without cancelling the handle created at line [[@LINE-7]] by 'cv_with_deadline' [-Wpass-failed=cancel-verify]{{$}}
// IR: {{^}}warning: {{.*}}suppress-role-silences-warning.c:[[@LINE-8]]:25: LostCancel: returns at {{.*}}suppress-role-silences-warning.c:[[@LINE-6]] without cancelling the handle created at line [[@LINE-8]] by 'cv_with_deadline' [-Wpass-failed=cancel-verify]{{$}}
// OPT: {{^}}warning: {{.*}}suppress-role-silences-warning.c:[[@LINE-9]]:25: LostCancel: returns at {{.*}}suppress-role-silences-warning.c:[[@LINE-7]] without cancelling the handle created at line [[@LINE-9]] by 'cv_with_deadline'{{$}}
// SRC-NEXT: {{^}}note: {{.*}}suppress-role-silences-warning.c:[[@LINE-8]]:5: the function returns here without cancelling{{$}}
// IR-NEXT: {{^}}note: {{.*}}suppress-role-silences-warning.c:[[@LINE-9]]:5: the function returns here without cancelling{{$}}
// OPT-NEXT: {{^}}note: {{.*}}suppress-role-silences-warning.c:[[@LINE-10]]:5: the function returns here without cancelling{{$}}
#endif
