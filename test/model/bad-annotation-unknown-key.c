// An annotation with a key its role does not take is reported with its
// file:line, the function and the text as written, and ignored as a whole;
// the rest of the module is still modelled.
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct cancel cancel_t;

CV("create:handle=ret,timeout=5") cancel_t *new_cancel(int ms);
// parent and success belong to create only.
CV("cancel:handle=arg0,parent=arg1") void cancel_call(cancel_t *c, void *p);
CV("defer:success=always") void defer_call(cancel_t *c);
CV("cancel") void cancel_ok(cancel_t *c);

void use(void *p) {
  cancel_t *c = new_cancel(5);
  cancel_call(c, p);
  defer_call(c);
  cancel_ok(c);
}

// The diagnostics, then the printed model in module order.
// CHECK: warning: cancel-verify: {{.*}}bad-annotation-unknown-key.c:12:5: invalid annotation "cancel-verify:create:handle=ret,timeout=5" on function 'new_cancel' is ignored: 'create:handle=ret,timeout=5': unknown key 'timeout' for role 'create'
// CHECK: warning: cancel-verify: {{.*}}bad-annotation-unknown-key.c:14:5: invalid annotation "cancel-verify:cancel:handle=arg0,parent=arg1" on function 'cancel_call' is ignored: 'cancel:handle=arg0,parent=arg1': unknown key 'parent' for role 'cancel'
// CHECK: warning: cancel-verify: {{.*}}bad-annotation-unknown-key.c:15:5: invalid annotation "cancel-verify:defer:success=always" on function 'defer_call' is ignored: 'defer:success=always': unknown key 'success' for role 'defer'
// CHECK-LABEL: cancel-verify model of module '{{.*}}'
// CHECK-NEXT: function use: no roles
// CHECK-NEXT: function new_cancel: no roles
// CHECK-NEXT: function cancel_call: no roles
// CHECK-NEXT: function defer_call: no roles
// CHECK-NEXT: function cancel_ok
// CHECK-NEXT:   cancel handle=arg0 (IR arg0)  [annotation {{.*}}bad-annotation-unknown-key.c:16]
// The model ends here; remarks may follow.
// CHECK-NOT: {{^(function |global |field |annotated field |  [a-z].*  \[)}}
