// Malformed values are reported with file:line, the function and the text as
// written, and the annotation is ignored; the rest of the module is still
// modelled.
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct cancel cancel_t;

CV("cancel:handle=argX") void bad_position(cancel_t *c);
CV("cancel:handle=ret") void ret_not_allowed(cancel_t *c);
CV("create:parent=ret") cancel_t *bad_parent(void *p);
CV("create:success=ret>0") int bad_success(cancel_t **c);
CV("create:handle") cancel_t *no_value(void);
CV("create:") cancel_t *empty_keys(void);
CV("suppress:LostCancel,NoSuchRemark") void bad_suppress(void) {}
CV("create:success = ret == 0, handle = arg0") int spaced(cancel_t **c);

void use(void *p) {
  cancel_t *c;
  bad_position(c);
  ret_not_allowed(c);
  bad_parent(p);
  bad_success(&c);
  no_value();
  empty_keys();
  bad_suppress();
  spaced(&c);
}

// The diagnostics, then the printed model in module order.
// CHECK: warning: cancel-verify: {{.*}}bad-annotation-malformed-value.c:18:5: invalid annotation "cancel-verify:suppress:LostCancel,NoSuchRemark" on function 'bad_suppress' is ignored: 'suppress:LostCancel,NoSuchRemark': unknown remark name 'NoSuchRemark' in suppress list
// CHECK: warning: cancel-verify: {{.*}}bad-annotation-malformed-value.c:12:5: invalid annotation "cancel-verify:cancel:handle=argX" on function 'bad_position' is ignored: 'cancel:handle=argX': malformed value 'argX' for handle (expected argN or this)
// CHECK: warning: cancel-verify: {{.*}}bad-annotation-malformed-value.c:13:5: invalid annotation "cancel-verify:cancel:handle=ret" on function 'ret_not_allowed' is ignored: 'cancel:handle=ret': malformed value 'ret' for handle (expected argN or this)
// CHECK: warning: cancel-verify: {{.*}}bad-annotation-malformed-value.c:14:5: invalid annotation "cancel-verify:create:parent=ret" on function 'bad_parent' is ignored: 'create:parent=ret': malformed value 'ret' for parent (expected argN or this)
// CHECK: warning: cancel-verify: {{.*}}bad-annotation-malformed-value.c:15:5: invalid annotation "cancel-verify:create:success=ret>0" on function 'bad_success' is ignored: 'create:success=ret>0': malformed value 'ret>0' for success (expected always, ret==0, ret!=0, ret>=0, ret<0, ret==-1, ret!=-1, ret==null or ret!=null)
// CHECK: warning: cancel-verify: {{.*}}bad-annotation-malformed-value.c:16:5: invalid annotation "cancel-verify:create:handle" on function 'no_value' is ignored: 'create:handle': malformed key 'handle' (expected KEY=VALUE)
// CHECK: warning: cancel-verify: {{.*}}bad-annotation-malformed-value.c:17:5: invalid annotation "cancel-verify:create:" on function 'empty_keys' is ignored: 'create:': empty key list after 'create:'
// CHECK-LABEL: cancel-verify model of module '{{.*}}'
// CHECK-NEXT: function bad_suppress: no roles
// CHECK-NEXT: function use: no roles
// CHECK-NEXT: function bad_position: no roles
// CHECK-NEXT: function ret_not_allowed: no roles
// CHECK-NEXT: function bad_parent: no roles
// CHECK-NEXT: function bad_success: no roles
// CHECK-NEXT: function no_value: no roles
// CHECK-NEXT: function empty_keys: no roles
// CHECK-NEXT: function spaced
// CHECK-NEXT:   create handle=arg0 (IR arg0) success=ret==0  [annotation {{.*}}bad-annotation-malformed-value.c:19]
// The model ends here; remarks may follow.
// CHECK-NOT: {{^(function |global |field |annotated field |  [a-z].*  \[)}}
