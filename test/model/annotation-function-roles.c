// Every function role of the contract written as an annotation: on
// declarations and on a definition, several on one function, with and
// without keys. Checked through clang at -O0 and through opt on clang -O2
// output, which must resolve the same model.
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx_t;
typedef struct cancel cancel_t;
typedef void (*cancel_fn)(void);

CV("root") ctx_t *ctx_background(void);
CV("create:handle=arg2,parent=arg0,success=ret==0")
int ctx_with_cancel(ctx_t *parent, ctx_t **child, cancel_t **cancel);
CV("create:handle=ret,success=ret!=0") cancel_t *try_new_cancel(int n);
CV("create:success=always") cancel_fn new_cancel_fn(ctx_t *parent);
CV("cancel") void cancel_call(cancel_t *c);
CV("cancel:handle=arg1") void cancel_with_reason(int reason, cancel_t *c);
CV("defer:handle=arg1") void defer_cancel(ctx_t *scope, cancel_t *c);
CV("wait") int ctx_block(ctx_t *c);
CV("observe") int ctx_done(ctx_t *c);
CV("wait") CV("observe") int ctx_wait(ctx_t *c);
CV("root") CV("observe") ctx_t *ctx_todo(void);

CV("suppress") void quiet_all(void) {}
CV("suppress:LostCancel,DiscardedCancel") void quiet_some(void) {}

// A definition can carry a role too.
CV("create:handle=arg0") void make_cancel(cancel_t **out) { *out = 0; }

int use(void) {
  ctx_t *child;
  cancel_t *c;
  int r = ctx_with_cancel(ctx_background(), &child, &c);
  cancel_t *t = try_new_cancel(r);
  cancel_fn fn = new_cancel_fn(child);
  fn();
  cancel_call(c);
  cancel_with_reason(1, t);
  defer_cancel(child, c);
  r += ctx_block(child) + ctx_done(child) + ctx_wait(child);
  ctx_todo();
  quiet_all();
  quiet_some();
  make_cancel(&c);
  return r;
}

// The printed model, in module order.
// CHECK-LABEL: cancel-verify model of module '{{.*}}'
// CHECK-NEXT: function quiet_all
// CHECK-NEXT:   suppress all  [annotation {{.*}}annotation-function-roles.c:28]
// CHECK-NEXT: function quiet_some
// CHECK-NEXT:   suppress LostCancel,DiscardedCancel  [annotation {{.*}}annotation-function-roles.c:29]
// CHECK-NEXT: function make_cancel
// CHECK-NEXT:   create handle=arg0 (IR arg0) success=always  [annotation {{.*}}annotation-function-roles.c:32]
// CHECK-NEXT: function use: no roles
// CHECK-NEXT: function ctx_with_cancel
// CHECK-NEXT:   create handle=arg2 (IR arg2) parent=arg0 (IR arg0) success=ret==0  [annotation {{.*}}annotation-function-roles.c:17]
// CHECK-NEXT: function ctx_background
// CHECK-NEXT:   root  [annotation {{.*}}annotation-function-roles.c:15]
// CHECK-NEXT: function try_new_cancel
// CHECK-NEXT:   create handle=ret (ret) success=ret!=0  [annotation {{.*}}annotation-function-roles.c:18]
// CHECK-NEXT: function new_cancel_fn
// CHECK-NEXT:   create handle=ret (ret) success=always  [annotation {{.*}}annotation-function-roles.c:19]
// CHECK-NEXT: function cancel_call
// CHECK-NEXT:   cancel handle=arg0 (IR arg0)  [annotation {{.*}}annotation-function-roles.c:20]
// CHECK-NEXT: function cancel_with_reason
// CHECK-NEXT:   cancel handle=arg1 (IR arg1)  [annotation {{.*}}annotation-function-roles.c:21]
// CHECK-NEXT: function defer_cancel
// CHECK-NEXT:   defer handle=arg1 (IR arg1)  [annotation {{.*}}annotation-function-roles.c:22]
// CHECK-NEXT: function ctx_block
// CHECK-NEXT:   wait  [annotation {{.*}}annotation-function-roles.c:23]
// CHECK-NEXT: function ctx_done
// CHECK-NEXT:   observe  [annotation {{.*}}annotation-function-roles.c:24]
// CHECK-NEXT: function ctx_wait
// CHECK-NEXT:   wait  [annotation {{.*}}annotation-function-roles.c:25]
// CHECK-NEXT:   observe (cancellable wait)  [annotation {{.*}}annotation-function-roles.c:25]
// CHECK-NEXT: function ctx_todo
// CHECK-NEXT:   observe  [annotation {{.*}}annotation-function-roles.c:26]
// CHECK-NEXT:   root  [annotation {{.*}}annotation-function-roles.c:26]
// The model ends here; remarks may follow.
// CHECK-NOT: {{^(function |global |field |annotated field |  [a-z].*  \[)}}
