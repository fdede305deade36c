// include/cancel_verify.h: each CV_* macro expands to the contract's annotate
// string (CV_CREATE() and the other key-taking macros with no keys give the
// bare role), the verifier reads them, and the header is quiet under
// -pedantic in C and C++.
// RUN: %clang -S -emit-llvm -O0 -I%include %s -o %t.ll
// RUN: FileCheck %s --check-prefix=IR < %t.ll
// RUN: FileCheck %s --check-prefix=NOEMPTY < %t.ll
// RUN: %clang_cv -c -O0 -I%include %s -o /dev/null \
// RUN:     -mllvm -cancel-verify-print-model 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %clang -fsyntax-only -std=c99 -pedantic -Wall -Wextra -Werror -I%include %s
// RUN: %clang -fsyntax-only -std=c2x -pedantic -Wall -Wextra -Werror -I%include %s
// RUN: %clang -fsyntax-only -x c++ -std=c++11 -pedantic -Wall -Wextra -Werror -I%include %s
// RUN: %clang -fsyntax-only -x c++ -std=c++20 -pedantic -Wall -Wextra -Werror -I%include %s

#include "cancel_verify.h"

typedef struct ctx ctx_t;
typedef struct cancel cancel_t;

CV_ROOT ctx_t *ctx_background(void);
CV_CREATE("handle=arg2,parent=arg0,success=ret==0")
int ctx_with_cancel(ctx_t *parent, ctx_t **child, cancel_t **cancel);
CV_CREATE() cancel_t *new_cancel(void);
CV_CANCEL() void cancel_call(cancel_t *c);
CV_CANCEL("handle=arg1") void cancel_with_reason(int reason, cancel_t *c);
CV_DEFER() void defer_cancel(cancel_t *c);
CV_DEFER("handle=arg1") void defer_in(ctx_t *scope, cancel_t *c);
CV_WAIT int ctx_block(ctx_t *c);
CV_OBSERVE int ctx_done(ctx_t *c);
CV_WAIT CV_OBSERVE int ctx_wait(ctx_t *c);
CV_FLAG volatile int g_stop;
struct worker {
  CV_FLAG volatile int stop;
};
CV_SUPPRESS() void quiet_all(void) {}
CV_SUPPRESS("LostCancel,DiscardedCancel") void quiet_some(void) {}

int use(struct worker *w) {
  ctx_t *child;
  cancel_t *c;
  int r = ctx_with_cancel(ctx_background(), &child, &c);
  cancel_t *n = new_cancel();
  cancel_call(c);
  cancel_with_reason(1, n);
  defer_cancel(c);
  defer_in(child, n);
  quiet_all();
  quiet_some();
  return r + ctx_block(child) + ctx_done(child) + ctx_wait(child) + g_stop +
         w->stop;
}

// IR-DAG: c"cancel-verify:root\00"
// IR-DAG: c"cancel-verify:create:handle=arg2,parent=arg0,success=ret==0\00"
// IR-DAG: c"cancel-verify:create\00"
// IR-DAG: c"cancel-verify:cancel\00"
// IR-DAG: c"cancel-verify:cancel:handle=arg1\00"
// IR-DAG: c"cancel-verify:defer\00"
// IR-DAG: c"cancel-verify:defer:handle=arg1\00"
// IR-DAG: c"cancel-verify:wait\00"
// IR-DAG: c"cancel-verify:observe\00"
// IR-DAG: c"cancel-verify:flag\00"
// IR-DAG: c"cancel-verify:suppress\00"
// IR-DAG: c"cancel-verify:suppress:LostCancel,DiscardedCancel\00"
// No macro leaves an empty key list behind.
// NOEMPTY-NOT: :\00"

// The printed model, in module order.
// CHECK-LABEL: cancel-verify model of module '{{.*}}'
// CHECK-NEXT: function quiet_all
// CHECK-NEXT:   suppress all  [annotation {{.*}}header-macros.c:36]
// CHECK-NEXT: function quiet_some
// CHECK-NEXT:   suppress LostCancel,DiscardedCancel  [annotation {{.*}}header-macros.c:37]
// CHECK-NEXT: function use: no roles
// CHECK-NEXT: function ctx_with_cancel
// CHECK-NEXT:   create handle=arg2 (IR arg2) parent=arg0 (IR arg0) success=ret==0  [annotation {{.*}}header-macros.c:23]
// CHECK-NEXT: function ctx_background
// CHECK-NEXT:   root  [annotation {{.*}}header-macros.c:21]
// CHECK-NEXT: function new_cancel
// CHECK-NEXT:   create handle=ret (ret) success=always  [annotation {{.*}}header-macros.c:24]
// CHECK-NEXT: function cancel_call
// CHECK-NEXT:   cancel handle=arg0 (IR arg0)  [annotation {{.*}}header-macros.c:25]
// CHECK-NEXT: function cancel_with_reason
// CHECK-NEXT:   cancel handle=arg1 (IR arg1)  [annotation {{.*}}header-macros.c:26]
// CHECK-NEXT: function defer_cancel
// CHECK-NEXT:   defer handle=arg0 (IR arg0)  [annotation {{.*}}header-macros.c:27]
// CHECK-NEXT: function defer_in
// CHECK-NEXT:   defer handle=arg1 (IR arg1)  [annotation {{.*}}header-macros.c:28]
// CHECK-NEXT: function ctx_block
// CHECK-NEXT:   wait  [annotation {{.*}}header-macros.c:29]
// CHECK-NEXT: function ctx_done
// CHECK-NEXT:   observe  [annotation {{.*}}header-macros.c:30]
// CHECK-NEXT: function ctx_wait
// CHECK-NEXT:   wait  [annotation {{.*}}header-macros.c:31]
// CHECK-NEXT:   observe (cancellable wait)  [annotation {{.*}}header-macros.c:31]
// CHECK-NEXT: global g_stop
// CHECK-NEXT:   flag  [annotation {{.*}}header-macros.c:32]
// CHECK-NEXT: field struct.worker+0
// CHECK-NEXT:   flag  [annotation {{.*}}header-macros.c:34]
// CHECK-NOT: {{.}}
