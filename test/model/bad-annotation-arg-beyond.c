// A position beyond the function's parameters is reported with file:line,
// the function, the text as written and the parameter count, and the
// annotation is ignored; the rest of the module is still modelled.
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct cancel cancel_t;

CV("cancel:handle=arg2") void cancel_two(cancel_t *a, cancel_t *b);
CV("create:handle=arg0,parent=arg1") void create_one(cancel_t **out);
CV("cancel") void cancel_none(void);
CV("create:handle=arg1") void create_ok(void *parent, cancel_t **out);

void use(cancel_t *c) {
  cancel_two(c, c);
  create_one(&c);
  cancel_none();
  create_ok(0, &c);
}

// The diagnostics, then the printed model in module order.
// CHECK: warning: cancel-verify: {{.*}}bad-annotation-arg-beyond.c:12:5: invalid annotation "cancel-verify:cancel:handle=arg2" on function 'cancel_two' is ignored: 'arg2' is beyond the function's 2 parameters
// CHECK: warning: cancel-verify: {{.*}}bad-annotation-arg-beyond.c:13:5: invalid annotation "cancel-verify:create:handle=arg0,parent=arg1" on function 'create_one' is ignored: 'arg1' is beyond the function's 1 parameter
// CHECK: warning: cancel-verify: {{.*}}bad-annotation-arg-beyond.c:14:5: invalid annotation "cancel-verify:cancel" on function 'cancel_none' is ignored: 'arg0' is beyond the function's 0 parameters
// CHECK-LABEL: cancel-verify model of module '{{.*}}'
// CHECK-NEXT: function use: no roles
// CHECK-NEXT: function cancel_two: no roles
// CHECK-NEXT: function create_one: no roles
// CHECK-NEXT: function cancel_none: no roles
// CHECK-NEXT: function create_ok
// CHECK-NEXT:   create handle=arg1 (IR arg1) success=always  [annotation {{.*}}bad-annotation-arg-beyond.c:15]
// The model ends here; remarks may follow.
// CHECK-NOT: {{^(function |global |field |annotated field |  [a-z].*  \[)}}
