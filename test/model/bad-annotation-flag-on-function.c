// 'flag' applies to globals and struct fields; on a function it is reported
// with file:line, the function and the text as written, and ignored. Other
// roles of the same function and the rest of the module are still modelled.
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#define CV(s) __attribute__((annotate("cancel-verify:" s)))

CV("flag") int is_stopped(void);
CV("flag") CV("observe") int is_cancelled(void);
CV("flag") volatile int g_stop;

int use(void) { return is_stopped() + is_cancelled() + g_stop; }

// The diagnostics, then the printed model in module order.
// CHECK: warning: cancel-verify: {{.*}}bad-annotation-flag-on-function.c:11:5: invalid annotation "cancel-verify:flag" on function 'is_stopped' is ignored: role 'flag' applies to globals and struct fields, not functions
// CHECK: warning: cancel-verify: {{.*}}bad-annotation-flag-on-function.c:12:5: invalid annotation "cancel-verify:flag" on function 'is_cancelled' is ignored: role 'flag' applies to globals and struct fields, not functions
// CHECK-LABEL: cancel-verify model of module '{{.*}}'
// CHECK-NEXT: function use: no roles
// CHECK-NEXT: function is_stopped: no roles
// CHECK-NEXT: function is_cancelled
// CHECK-NEXT:   observe  [annotation {{.*}}bad-annotation-flag-on-function.c:12]
// CHECK-NEXT: global g_stop
// CHECK-NEXT:   flag  [annotation {{.*}}bad-annotation-flag-on-function.c:13]
// The model ends here; remarks may follow.
// CHECK-NOT: {{^(function |global |field |annotated field |  [a-z].*  \[)}}
