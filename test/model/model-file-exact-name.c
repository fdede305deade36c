// A YAML model file names C functions by exact symbol; each role keeps the
// file:line:col of its entry. Functions the file does not name have no role,
// and an entry for a function the module does not reference is no error.
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/c-api.yaml \
// RUN:     -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/c-api.yaml \
// RUN:     -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

typedef struct ctx ctx_t;
typedef struct cancel cancel_t;

ctx_t *ctx_background(void);
int ctx_with_cancel(ctx_t *parent, ctx_t **child, cancel_t **cancel);
void cancel_call(cancel_t *c);
void defer_cancel(ctx_t *scope, cancel_t *c);
int ctx_wait(ctx_t *c);
int ctx_done(ctx_t *c);
void unmodelled(ctx_t *c);
void quiet(void) {}

int use(void) {
  ctx_t *child;
  cancel_t *c;
  int r = ctx_with_cancel(ctx_background(), &child, &c);
  defer_cancel(child, c);
  unmodelled(child);
  r += ctx_wait(child) + ctx_done(child);
  cancel_call(c);
  quiet();
  return r;
}

// The printed model, in module order.
// CHECK-LABEL: cancel-verify model of module '{{.*}}'
// CHECK-NEXT: function quiet
// CHECK-NEXT:   suppress LostCancel  [model {{.*}}c-api.yaml:15:5]
// CHECK-NEXT: function use: no roles
// CHECK-NEXT: function ctx_with_cancel
// CHECK-NEXT:   create handle=arg2 (IR arg2) parent=arg0 (IR arg0) success=ret==0  [model {{.*}}c-api.yaml:5:5]
// CHECK-NEXT: function ctx_background
// CHECK-NEXT:   root  [model {{.*}}c-api.yaml:3:5]
// CHECK-NEXT: function defer_cancel
// CHECK-NEXT:   defer handle=arg1 (IR arg1)  [model {{.*}}c-api.yaml:9:5]
// CHECK-NEXT: function unmodelled: no roles
// CHECK-NEXT: function ctx_wait
// CHECK-NEXT:   wait  [model {{.*}}c-api.yaml:11:5]
// CHECK-NEXT:   observe (cancellable wait)  [model {{.*}}c-api.yaml:11:5]
// CHECK-NEXT: function ctx_done
// CHECK-NEXT:   observe  [model {{.*}}c-api.yaml:13:5]
// CHECK-NEXT: function cancel_call
// CHECK-NEXT:   cancel handle=arg0 (IR arg0)  [model {{.*}}c-api.yaml:7:5]
// The model ends here; remarks may follow.
// CHECK-NOT: {{^(function |global |field |annotated field |  [a-z].*  \[)}}
