// Mistakes in annotations written with the header's macros get the same
// help as model files: file:line:col of the text as written (the macro's
// argument, on the attribute's own line above a declaration too), and the
// spelling most likely meant for a misspelt key, success condition or
// remark name. A mistake with no likely spelling lists what is valid. Each
// bad annotation is ignored; the rest of the module is still modelled.
// RUN: %cv-remarks O0 %s -I%include -mllvm -cancel-verify-print-model > %t.O0.out
// RUN: FileCheck %s --implicit-check-not=warning: --implicit-check-not=error: < %t.O0.out
// RUN: %cv-remarks O2 %s -I%include -mllvm -cancel-verify-print-model > %t.O2.out
// RUN: FileCheck %s --implicit-check-not=warning: --implicit-check-not=error: < %t.O2.out

#include <cancel_verify.h>

typedef struct token token_t;

CV_CREATE("hanlde=ret") token_t *token_new(void);
CV_CANCEL("handel=arg0") void token_stop(token_t *t);
CV_SUPPRESS("LoopIgnoresCancle")
void quiet_loop(void);
CV_DEFER("parent=arg1") void token_defer(token_t *t, void *p);
CV_WAIT int token_wait(token_t *t);

void use(void) {
  token_t *t = token_new();
  token_stop(t);
  token_defer(t, 0);
  quiet_loop();
  token_wait(t);
}

// CHECK-DAG: warning: cancel-verify: {{.*}}bad-annotation-did-you-mean.c:16:12: invalid annotation "cancel-verify:create:hanlde=ret" on function 'token_new' is ignored: 'create:hanlde=ret': unknown key 'hanlde' for role 'create'; did you mean 'handle'?{{$| }}
// CHECK-DAG: warning: cancel-verify: {{.*}}bad-annotation-did-you-mean.c:17:12: invalid annotation "cancel-verify:cancel:handel=arg0" on function 'token_stop' is ignored: 'cancel:handel=arg0': unknown key 'handel' for role 'cancel'; did you mean 'handle'?{{$| }}
// CHECK-DAG: warning: cancel-verify: {{.*}}bad-annotation-did-you-mean.c:18:14: invalid annotation "cancel-verify:suppress:LoopIgnoresCancle" on function 'quiet_loop' is ignored: 'suppress:LoopIgnoresCancle': unknown remark name 'LoopIgnoresCancle' in suppress list; did you mean 'LoopIgnoresCancel'?{{$| }}
// CHECK-DAG: warning: cancel-verify: {{.*}}bad-annotation-did-you-mean.c:20:11: invalid annotation "cancel-verify:defer:parent=arg1" on function 'token_defer' is ignored: 'defer:parent=arg1': unknown key 'parent' for role 'defer'{{$| }}
// CHECK-LABEL: cancel-verify model of module '{{.*}}'
// CHECK: function token_wait
// CHECK-NEXT:   wait  [annotation {{.*}}bad-annotation-did-you-mean.c:21]

// --implicit-check-not does not look between or after CHECK-DAG matches;
// counting the warnings and errors makes "nothing else" hold there too.
// RUN: grep warning: %t.O0.out | count 4
// RUN: not grep error: %t.O0.out
// RUN: grep warning: %t.O2.out | count 4
// RUN: not grep error: %t.O2.out
