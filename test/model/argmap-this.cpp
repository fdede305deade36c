// `this` is the first IR argument of a member function and argN counts the
// source parameters after it: handle=this, parent=this, argN of members
// (const, static, constructors), from debug info where the function has it
// (definitions with -g) and from the mangled name otherwise, with the same
// result. `this` on a function that is not a member is reported, and so is
// a role key that cannot take `this`; the rest of the module is modelled.
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %clang_cv -c -O0 %s -o /dev/null -mllvm -cancel-verify-print-model \
// RUN:     2>&1 | grep -v 'warnings generated' \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#define CV(s) __attribute__((annotate("cancel-verify:" s)))

namespace ns {
struct Handle;
class Context {
public:
  CV("create:handle=this,parent=arg0") Context(Context *parent);
  CV("create:handle=arg1,parent=this") void child(int flags, Handle **out);
  CV("cancel:handle=this") void cancel();
  CV("cancel:handle=arg0") void cancel_other(Handle *h) const;
  CV("observe") bool done() const;
  static CV("cancel:handle=arg0") void cancel_static(Handle *h);
  CV("cancel:handle=this") void reset();
  CV("defer:handle=arg1") void defer_in(int flags, Handle *h);
};
void Context::reset() {}
void Context::defer_in(int, Handle *) {}
// A function in a namespace has no `this`.
CV("cancel:handle=this") void not_a_member(Handle *h);
// defer takes argN only.
struct Scope {
  CV("defer:handle=this") void defer_self();
};
} // namespace ns

bool use(ns::Context *parent, ns::Handle *h, ns::Scope &s) {
  ns::Context c(parent);
  ns::Handle *out;
  c.child(0, &out);
  c.cancel_other(h);
  ns::Context::cancel_static(out);
  ns::not_a_member(h);
  s.defer_self();
  c.reset();
  c.defer_in(0, h);
  c.cancel();
  return c.done();
}

// The diagnostics, then the printed model in module order.
// CHECK: warning: cancel-verify: {{.*}}argmap-this.cpp:34:7: invalid annotation "cancel-verify:defer:handle=this" on function 'ns::Scope::defer_self()' is ignored: 'defer:handle=this': malformed value 'this' for handle (expected argN)
// CHECK: warning: cancel-verify: {{.*}}argmap-this.cpp:31:5: invalid annotation "cancel-verify:cancel:handle=this" on function 'ns::not_a_member(ns::Handle*)' is ignored: 'this' is used, but 'ns::not_a_member(ns::Handle*)' is not a member function
// CHECK-LABEL: cancel-verify model of module '{{.*}}'
// CHECK-NEXT: function _ZN2ns7Context5resetEv (ns::Context::reset())
// CHECK-NEXT:   cancel handle=this (IR arg0)  [annotation {{.*}}argmap-this.cpp:28]
// CHECK-NEXT: function _ZN2ns7Context8defer_inEiPNS_6HandleE (ns::Context::defer_in(int, ns::Handle*))
// CHECK-NEXT:   defer handle=arg1 (IR arg2)  [annotation {{.*}}argmap-this.cpp:29]
// CHECK-NEXT: function _Z3usePN2ns7ContextEPNS_6HandleERNS_5ScopeE (use(ns::Context*, ns::Handle*, ns::Scope&)): no roles
// CHECK-NEXT: function _ZN2ns7ContextC1EPS0_ (ns::Context::Context(ns::Context*))
// CHECK-NEXT:   create handle=this (IR arg0) parent=arg0 (IR arg1) success=always  [annotation {{.*}}argmap-this.cpp:19]
// CHECK-NEXT: function _ZN2ns7Context5childEiPPNS_6HandleE (ns::Context::child(int, ns::Handle**))
// CHECK-NEXT:   create handle=arg1 (IR arg2) parent=this (IR arg0) success=always  [annotation {{.*}}argmap-this.cpp:20]
// CHECK-NEXT: function _ZNK2ns7Context12cancel_otherEPNS_6HandleE (ns::Context::cancel_other(ns::Handle*) const)
// CHECK-NEXT:   cancel handle=arg0 (IR arg1)  [annotation {{.*}}argmap-this.cpp:22]
// CHECK-NEXT: function _ZN2ns7Context13cancel_staticEPNS_6HandleE (ns::Context::cancel_static(ns::Handle*))
// CHECK-NEXT:   cancel handle=arg0 (IR arg0)  [annotation {{.*}}argmap-this.cpp:24]
// CHECK-NEXT: function _ZN2ns12not_a_memberEPNS_6HandleE (ns::not_a_member(ns::Handle*)): no roles
// CHECK-NEXT: function _ZN2ns5Scope10defer_selfEv (ns::Scope::defer_self()): no roles
// CHECK-NEXT: function _ZN2ns7Context6cancelEv (ns::Context::cancel())
// CHECK-NEXT:   cancel handle=this (IR arg0)  [annotation {{.*}}argmap-this.cpp:21]
// CHECK-NEXT: function _ZNK2ns7Context4doneEv (ns::Context::done() const)
// CHECK-NEXT:   observe  [annotation {{.*}}argmap-this.cpp:23]
// The model ends here; remarks may follow.
// CHECK-NOT: {{^(function |global |field |annotated field |  [a-z].*  \[)}}
