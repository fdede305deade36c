// cancel-verify prints findings as a compiler prints diagnostics: missed
// findings are warnings, escapes notes, passed findings remarks (with
// --verbose), each at FILE:LINE:COL as the debug info names the file and
// followed by its related locations as notes. The status is 1: a warning
// was reported.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: (%cancel-verify %t.O0.ll 2>&1; echo "exit: $?") \
// RUN:   | FileCheck %s --check-prefix=CHECK --implicit-check-not=warning: --implicit-check-not=note: --implicit-check-not=remark:
// RUN: (%cancel-verify %t.O2.ll 2>&1; echo "exit: $?") \
// RUN:   | FileCheck %s --check-prefix=CHECK --implicit-check-not=warning: --implicit-check-not=note: --implicit-check-not=remark:
// RUN: (%cancel-verify --verbose %t.O0.ll 2>&1; echo "exit: $?") \
// RUN:   | FileCheck %s --check-prefixes=CHECK,VERBOSE --implicit-check-not=warning: --implicit-check-not=note: --implicit-check-not=remark:
// RUN: (%cancel-verify --verbose %t.O2.ll 2>&1; echo "exit: $?") \
// RUN:   | FileCheck %s --check-prefixes=CHECK,VERBOSE --implicit-check-not=warning: --implicit-check-not=note: --implicit-check-not=remark:
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);
void register_for_shutdown(cv_cancel_t *cancel);
void handle(const char *buf, long n);

// The blocking call is in a helper: the notes walk the call chain where
// each call is written, also where -O2 inlined the helper.
static long read_frame(int conn, char *buf) {
  return cv_conn_read(conn, buf, 512);
}

void serve(int conn) {
  char buf[512];
  // CHECK: text-output.c:[[@LINE+3]]:3: warning: loop can block in 'cv_conn_read' at {{.*}}text-output.c:[[@LINE-5]] (via read_frame -> cv_conn_read) and never observes cancellation [LoopIgnoresCancel]{{$}}
  // CHECK-NEXT: text-output.c:[[@LINE+3]]:14: note: calls 'read_frame'{{$}}
  // CHECK-NEXT: text-output.c:[[@LINE-7]]:10: note: 'cv_conn_read' can block here{{$}}
  for (;;) {
    long n = read_frame(conn, buf);
    handle(buf, n);
  }
}

int lost_on_error(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: text-output.c:[[@LINE+2]]:25: warning: returns at {{.*}}text-output.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+2]] by 'cv_with_cancel' [LostCancel]{{$}}
  // CHECK-NEXT: text-output.c:[[@LINE+3]]:5: note: the function returns here without cancelling{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}

void escapes(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: text-output.c:[[@LINE+2]]:25: note: the handle created at line [[@LINE+2]] by 'cv_with_timeout' escapes: passed to 'register_for_shutdown', which has no model and no body here at line [[@LINE+3]]; it cannot be followed [CancelEscapes]{{$}}
  // CHECK-NEXT: text-output.c:[[@LINE+2]]:3: note: the handle escapes here{{$}}
  cv_cancel_t *cancel = cv_with_timeout(parent, 100, &child);
  register_for_shutdown(cancel);
  work(child);
}

int verified(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // VERBOSE: text-output.c:[[@LINE+2]]:25: remark: the handle created at line [[@LINE+2]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+4]] [CancelVerified]{{$}}
  // VERBOSE-NEXT: text-output.c:[[@LINE+3]]:3: note: the handle is discharged here{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// CHECK: exit: 1

// Without debug info there is no location to print: the function says
// where the finding is.
// RUN: %clang -O0 -S -emit-llvm -I %examples/include %s -o %t.nodebug.ll
// RUN: (%cancel-verify %t.nodebug.ll 2>&1; echo "exit: $?") \
// RUN:   | FileCheck %s --check-prefix=NODEBUG --implicit-check-not=warning: --implicit-check-not=note: --implicit-check-not=remark:
// NODEBUG: <unknown>: warning: loop can block in 'cv_conn_read' at <unknown> (via read_frame -> cv_conn_read) and never observes cancellation [LoopIgnoresCancel] (in function 'serve'){{$}}
// NODEBUG-NEXT: <unknown>: warning: returns at <unknown> without cancelling the handle created at line ? by 'cv_with_cancel' [LostCancel] (in function 'lost_on_error'){{$}}
// NODEBUG-NEXT: <unknown>: note: the handle created at line ? by 'cv_with_timeout' escapes: {{.*}} [CancelEscapes] (in function 'escapes'){{$}}
// NODEBUG-NEXT: exit: 1
