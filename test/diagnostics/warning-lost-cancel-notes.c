// -cancel-verify-diag=warning: a LostCancel is a compiler warning at the
// creation, under the flag -Wpass-failed=cancel-verify, followed by a note
// at the exit that loses the handle; the compile still succeeds and writes
// its object file. Checked on the source through clang at -O0 and -O2 and
// on clang -O2 IR through clang (-x ir) and opt. Nothing else warns, and
// no other note is printed.
//
// RUN: rm -rf %t && mkdir %t
// RUN: %clang_cv -O0 -g -fno-caret-diagnostics -c %s -I %examples/include -o %t/o0.o \
// RUN:     -mllvm -cancel-verify-diag=warning 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=SRC,ALL --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark:
// RUN: test -s %t/o0.o
// RUN: %clang_cv -O2 -g -fno-caret-diagnostics -c %s -I %examples/include -o %t/o2.o \
// RUN:     -mllvm -cancel-verify-diag=warning 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=SRC,ALL --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark:
// RUN: test -s %t/o2.o
// RUN: %clang -O2 -g -S -emit-llvm %s -I %examples/include -o %t/o2.ll
// RUN: %clang_cv -O2 -c %t/o2.ll -o %t/ir.o -mllvm -cancel-verify-diag=warning 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=IR,ALL --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark:
// RUN: test -s %t/ir.o
// RUN: %cv_opt -disable-output %t/o2.ll -cancel-verify-diag=warning 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=OPT,ALL --implicit-check-not=warning: \
// RUN:       --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=remark:
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);

int early_return(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // SRC: {{^}}{{.*}}warning-lost-cancel-notes.c:[[@LINE+3]]:25: warning: LostCancel: returns at {{.*}}warning-lost-cancel-notes.c:[[@LINE+5]] without cancelling the handle created at line [[@LINE+3]] by 'cv_with_cancel' [-Wpass-failed=cancel-verify]{{$}}
  // IR: {{^}}warning: {{.*}}warning-lost-cancel-notes.c:[[@LINE+2]]:25: LostCancel: returns at {{.*}}warning-lost-cancel-notes.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+2]] by 'cv_with_cancel' [-Wpass-failed=cancel-verify]{{$}}
  // OPT: {{^}}warning: {{.*}}warning-lost-cancel-notes.c:[[@LINE+1]]:25: LostCancel: returns at {{.*}}warning-lost-cancel-notes.c:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  // ALL-NEXT: {{^}}note: {{.*}}warning-lost-cancel-notes.c:[[@LINE-1]]:5: the function returns here without cancelling{{$}}
  cv_cancel(cancel);
  return 0;
}

// Cancelled on every path: a remark (CancelVerified), never a warning.
int cancels(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_timeout(parent, 100, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// A second loss in the same file: each finding gets its own warning and its
// own note, in the order of the functions.
int lost_in_switch(cv_ctx_t *parent, int kind) {
  cv_ctx_t *child;
  // SRC: {{^}}{{.*}}warning-lost-cancel-notes.c:[[@LINE+3]]:25: warning: LostCancel: returns at {{.*}}warning-lost-cancel-notes.c:[[@LINE+9]] without cancelling the handle created at line [[@LINE+3]] by 'cv_with_timeout' [-Wpass-failed=cancel-verify]{{$}}
  // IR: {{^}}warning: {{.*}}warning-lost-cancel-notes.c:[[@LINE+2]]:25: LostCancel: returns at {{.*}}warning-lost-cancel-notes.c:[[@LINE+8]] without cancelling the handle created at line [[@LINE+2]] by 'cv_with_timeout' [-Wpass-failed=cancel-verify]{{$}}
  // OPT: {{^}}warning: {{.*}}warning-lost-cancel-notes.c:[[@LINE+1]]:25: LostCancel: returns at {{.*}}warning-lost-cancel-notes.c:[[@LINE+7]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_timeout'{{$}}
  cv_cancel_t *cancel = cv_with_timeout(parent, 50, &child);
  switch (kind) {
  case 1:
    cv_cancel(cancel);
    return work(child);
  case 7:
    return report_failure(child);
  // ALL-NEXT: {{^}}note: {{.*}}warning-lost-cancel-notes.c:[[@LINE-1]]:5: the function returns here without cancelling{{$}}
  default:
    break;
  }
  cv_cancel(cancel);
  return 0;
}
