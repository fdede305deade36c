// A YAML model file matches C++ functions by globs over their demangled
// names: member functions (`this` and const members), free functions,
// template instances with or without the return type in the glob, brace
// alternatives. A lambda inside a matching function does not match, nor does
// a function of the same name in another namespace.
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/cxx-api.yaml \
// RUN:     -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

namespace ns {
struct Ctx;
struct Cancel;
class Worker {
public:
  int poll_once(Ctx *c);
  int poll_all(Ctx *c) const;
  void stop();
};
Cancel *with_cancel(Ctx *parent, Ctx **child);
void cancel(Cancel *c);
template <class T> T wait_value(Ctx *c, T dflt);
template <class T> int drain(T &q) {
  auto pop = [&] { return q; };
  return pop();
}
void flush(Ctx *c);
void sync(Ctx *c);
void async(Ctx *c);
} // namespace ns

namespace other {
int poll_once(ns::Ctx *c);
}

int use(ns::Worker &w, ns::Ctx *c) {
  ns::Ctx *child;
  ns::Cancel *k = ns::with_cancel(c, &child);
  int r = w.poll_once(child) + w.poll_all(child) + other::poll_once(child);
  r += ns::wait_value<int>(child, 0) + (int)ns::wait_value<long>(child, 0);
  r += ns::drain(r);
  ns::flush(c);
  ns::sync(c);
  ns::async(c);
  w.stop();
  ns::cancel(k);
  return r;
}

// The printed model, in module order.
// CHECK-LABEL: cancel-verify model of module '{{.*}}'
// CHECK-NEXT: function _Z3useRN2ns6WorkerEPNS_3CtxE (use(ns::Worker&, ns::Ctx*)): no roles
// CHECK-NEXT: function _ZN2ns11with_cancelEPNS_3CtxEPS1_ (ns::with_cancel(ns::Ctx*, ns::Ctx**))
// CHECK-NEXT:   create handle=ret (ret) parent=arg0 (IR arg0) success=always  [model {{.*}}cxx-api.yaml:5:5]
// CHECK-NEXT: function _ZN2ns6Worker9poll_onceEPNS_3CtxE (ns::Worker::poll_once(ns::Ctx*))
// CHECK-NEXT:   wait  [model {{.*}}cxx-api.yaml:3:5]
// CHECK-NEXT:   observe (cancellable wait)  [model {{.*}}cxx-api.yaml:3:5]
// CHECK-NEXT: function _ZNK2ns6Worker8poll_allEPNS_3CtxE (ns::Worker::poll_all(ns::Ctx*) const)
// CHECK-NEXT:   wait  [model {{.*}}cxx-api.yaml:3:5]
// CHECK-NEXT:   observe (cancellable wait)  [model {{.*}}cxx-api.yaml:3:5]
// CHECK-NEXT: function _ZN5other9poll_onceEPN2ns3CtxE (other::poll_once(ns::Ctx*)): no roles
// CHECK-NEXT: function _ZN2ns10wait_valueIiEET_PNS_3CtxES1_ (int ns::wait_value<int>(ns::Ctx*, int))
// CHECK-NEXT:   wait  [model {{.*}}cxx-api.yaml:12:5]
// CHECK-NEXT:   observe (cancellable wait)  [model {{.*}}cxx-api.yaml:15:5]
// CHECK-NEXT: function _ZN2ns10wait_valueIlEET_PNS_3CtxES1_ (long ns::wait_value<long>(ns::Ctx*, long))
// CHECK-NEXT:   wait  [model {{.*}}cxx-api.yaml:12:5]
// CHECK-NEXT: function _ZN2ns5drainIiEEiRT_ (int ns::drain<int>(int&))
// CHECK-NEXT:   wait  [model {{.*}}cxx-api.yaml:17:5]
// CHECK-NEXT: function _ZN2ns5flushEPNS_3CtxE (ns::flush(ns::Ctx*))
// CHECK-NEXT:   wait  [model {{.*}}cxx-api.yaml:20:5]
// CHECK-NEXT: function _ZN2ns4syncEPNS_3CtxE (ns::sync(ns::Ctx*))
// CHECK-NEXT:   wait  [model {{.*}}cxx-api.yaml:20:5]
// CHECK-NEXT: function _ZN2ns5asyncEPNS_3CtxE (ns::async(ns::Ctx*)): no roles
// CHECK-NEXT: function _ZN2ns6Worker4stopEv (ns::Worker::stop())
// CHECK-NEXT:   cancel handle=this (IR arg0)  [model {{.*}}cxx-api.yaml:9:5]
// CHECK-NEXT: function _ZN2ns6cancelEPNS_6CancelE (ns::cancel(ns::Cancel*))
// CHECK-NEXT:   cancel handle=arg0 (IR arg0)  [model {{.*}}cxx-api.yaml:7:5]
// CHECK-NEXT: function _ZZN2ns5drainIiEEiRT_ENKUlvE_clEv (int ns::drain<int>(int&)::'lambda'()::operator()() const): no roles
// The model ends here; remarks may follow.
// CHECK-NOT: {{^(function |global |field |annotated field |  [a-z].*  \[)}}
