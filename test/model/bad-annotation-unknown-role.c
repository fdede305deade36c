// An annotation with an unknown role is reported with its file:line, the
// function, and the text as written, and ignored; the other roles of the
// module, on the same function too, are still modelled. Annotations of
// other tools are not ours and pass silently.
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#define CV(s) __attribute__((annotate("cancel-verify:" s)))

CV("bogus") CV("wait") int ctx_block(void *c);
CV("Wait") void wrong_case(void);
CV("observe") int ctx_done(void *c);
__attribute__((annotate("other-tool:bogus"))) void other_tool(void);

int use(void *c) {
  wrong_case();
  other_tool();
  return ctx_block(c) + ctx_done(c);
}

// The diagnostics, then the printed model in module order.
// CHECK: warning: cancel-verify: {{.*}}bad-annotation-unknown-role.c:13:5: invalid annotation "cancel-verify:Wait" on function 'wrong_case' is ignored: 'Wait': unknown role 'Wait'; did you mean 'wait'?
// CHECK: warning: cancel-verify: {{.*}}bad-annotation-unknown-role.c:12:5: invalid annotation "cancel-verify:bogus" on function 'ctx_block' is ignored: 'bogus': unknown role 'bogus' (expected create, cancel, defer, take, wait, observe, root, flag or suppress)
// CHECK-LABEL: cancel-verify model of module '{{.*}}'
// CHECK-NEXT: function use: no roles
// CHECK-NEXT: function wrong_case: no roles
// CHECK-NEXT: function other_tool: no roles
// CHECK-NEXT: function ctx_block
// CHECK-NEXT:   wait  [annotation {{.*}}bad-annotation-unknown-role.c:12]
// CHECK-NEXT: function ctx_done
// CHECK-NEXT:   observe  [annotation {{.*}}bad-annotation-unknown-role.c:14]
// The model ends here; remarks may follow.
// CHECK-NOT: {{^(function |global |field |annotated field |  [a-z].*  \[)}}
