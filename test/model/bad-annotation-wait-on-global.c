// Function roles on a global or a struct field are reported with file:line,
// the global (or "a struct field") and the text as written, and ignored; the
// rest of the module is still modelled.
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --check-prefixes=CHECK,O0 \
// RUN:       --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --check-prefixes=CHECK,O2 \
// RUN:       --implicit-check-not=warning: --implicit-check-not=error:

#define CV(s) __attribute__((annotate("cancel-verify:" s)))

CV("wait") volatile int g_wait;
CV("create") void *g_handle;
CV("flag") volatile int g_stop;
struct worker {
  int id;
  CV("observe") volatile int done;
  CV("flag") volatile int stop;
};
CV("wait") int block(void);

int use(struct worker *w) {
  return g_wait + (g_handle != 0) + g_stop + w->done + w->stop + block();
}

// The diagnostics, then the printed model in module order.
// CHECK: warning: cancel-verify: {{.*}}bad-annotation-wait-on-global.c:13:5: invalid annotation "cancel-verify:wait" on global 'g_wait' is ignored: role 'wait' applies to functions; a global can only be a 'flag'
// CHECK: warning: cancel-verify: {{.*}}bad-annotation-wait-on-global.c:14:5: invalid annotation "cancel-verify:create" on global 'g_handle' is ignored: role 'create' applies to functions; a global can only be a 'flag'
// CHECK: warning: cancel-verify: {{.*}}bad-annotation-wait-on-global.c:18:7: invalid annotation "cancel-verify:observe" on a struct field is ignored: role 'observe' applies to functions; a struct field can only be a 'flag'
// CHECK-LABEL: cancel-verify model of module '{{.*}}'
// CHECK-NEXT: function use: no roles
// CHECK-NEXT: function block
// CHECK-NEXT:   wait  [annotation {{.*}}bad-annotation-wait-on-global.c:21]
// CHECK-NEXT: global g_stop
// CHECK-NEXT:   flag  [annotation {{.*}}bad-annotation-wait-on-global.c:15]
// O0-NEXT: field struct.worker+8
// O0-NEXT:   flag  [annotation {{.*}}bad-annotation-wait-on-global.c:19]
// O2-NEXT: annotated field accesses without a struct type: 1
// The model ends here; remarks may follow.
// CHECK-NOT: {{^(function |global |field |annotated field |  [a-z].*  \[)}}
