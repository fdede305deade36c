// A function that returns a class in memory takes an sret pointer as its
// first IR argument: handle=ret names that returned object, and argN counts
// the source parameters after it. C++ and C alike; at -O0 and on -O2 output.
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#define CV(s) __attribute__((annotate("cancel-verify:" s)))

struct Ctx;
// Too large for registers: returned through sret.
struct CancelScope {
  void *handle, *parent, *extra;
  long generation;
};

CV("create:parent=arg0") CancelScope make_scope(Ctx *parent);
CV("create:handle=arg1") CancelScope make_into(Ctx *parent, void **out);
CV("cancel:handle=arg0") CancelScope cancel_and_report(void *handle);
extern "C" CV("create") struct CancelScope c_make_scope(int flags);

// 'ret' of a void function is reported; the rest of the module is modelled.
CV("create:handle=ret") void returns_nothing(void **out);

long use(Ctx *c) {
  void *h;
  long g = make_scope(c).generation + make_into(c, &h).generation;
  g += cancel_and_report(h).generation + c_make_scope(0).generation;
  returns_nothing(&h);
  return g;
}

// The diagnostics, then the printed model in module order.
// CHECK: warning: cancel-verify: {{.*}}argmap-sret.cpp:24:5: invalid annotation "cancel-verify:create:handle=ret" on function 'returns_nothing(void**)' is ignored: 'ret' names the return value, but the function returns void
// CHECK-LABEL: cancel-verify model of module '{{.*}}'
// CHECK-NEXT: function _Z3useP3Ctx (use(Ctx*)): no roles
// CHECK-NEXT: function _Z10make_scopeP3Ctx (make_scope(Ctx*))
// CHECK-NEXT:   create handle=ret (sret arg0) parent=arg0 (IR arg1) success=always  [annotation {{.*}}argmap-sret.cpp:18]
// CHECK-NEXT: function _Z9make_intoP3CtxPPv (make_into(Ctx*, void**))
// CHECK-NEXT:   create handle=arg1 (IR arg2) success=always  [annotation {{.*}}argmap-sret.cpp:19]
// CHECK-NEXT: function _Z17cancel_and_reportPv (cancel_and_report(void*))
// CHECK-NEXT:   cancel handle=arg0 (IR arg1)  [annotation {{.*}}argmap-sret.cpp:20]
// CHECK-NEXT: function c_make_scope
// CHECK-NEXT:   create handle=ret (sret arg0) success=always  [annotation {{.*}}argmap-sret.cpp:21]
// CHECK-NEXT: function _Z15returns_nothingPPv (returns_nothing(void**)): no roles
// The model ends here; remarks may follow.
// CHECK-NOT: {{^(function |global |field |annotated field |  [a-z].*  \[)}}
