// Without debug info a C++ function's mangled name still gives its source
// parameters and their types, so argN after a by-value struct maps exactly
// where only one layout fits the IR arguments. Where two fit (a struct whose
// size the name does not tell next to one that splits), a warning says so,
// and with -g the same role maps.
// REQUIRES: x86_64
// RUN: %clang_cv -c -O0 %s -o /dev/null -mllvm -cancel-verify-print-model \
// RUN:     2>&1 | FileCheck %s --check-prefix=NODEBUG \
// RUN:       --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %clang_cv -c -O1 -g %s -o /dev/null -mllvm -cancel-verify-print-model \
// RUN:     2>&1 | FileCheck %s --check-prefix=DEBUG \
// RUN:       --implicit-check-not=warning: --implicit-check-not=error:

#define CV(s) __attribute__((annotate("cancel-verify:" s)))

struct Pair {
  long a, b;
};
struct CancelToken {
  void *impl;
};
struct Handle;

CV("cancel:handle=arg1") void cancel_after_pair(Pair p, Handle *h);
CV("cancel:handle=arg2") void cancel_third(int n, Pair p, Handle *h);
namespace ns {
CV("cancel:handle=arg1") void cancel_in_ns(Pair p, Handle *h);
CV("cancel:handle=arg1") void cancel_token(Pair reason, CancelToken t);
} // namespace ns

void use(Handle *h, CancelToken t) {
  Pair p = {1, 2};
  cancel_after_pair(p, h);
  cancel_third(0, p, h);
  ns::cancel_in_ns(p, h);
  ns::cancel_token(p, t);
}

// The diagnostics, then the printed model in module order.
// NODEBUG: warning: cancel-verify: {{.*}}argmap-cxx-mangled.cpp:28:5: invalid annotation "cancel-verify:cancel:handle=arg1" on function 'ns::cancel_token(Pair, CancelToken)' is ignored: cannot map 'arg1' of 'ns::cancel_token(Pair, CancelToken)' without debug info: a struct passed by value may occupy one or two IR arguments; compile with -g or name the IR argument with irargN
// NODEBUG-LABEL: cancel-verify model of module '{{.*}}'
// NODEBUG-NEXT: function _Z3useP6Handle11CancelToken (use(Handle*, CancelToken)): no roles
// NODEBUG-NEXT: function _Z17cancel_after_pair4PairP6Handle (cancel_after_pair(Pair, Handle*))
// NODEBUG-NEXT:   cancel handle=arg1 (IR arg2)  [annotation {{.*}}argmap-cxx-mangled.cpp:24]
// NODEBUG-NEXT: function _Z12cancel_thirdi4PairP6Handle (cancel_third(int, Pair, Handle*))
// NODEBUG-NEXT:   cancel handle=arg2 (IR arg3)  [annotation {{.*}}argmap-cxx-mangled.cpp:25]
// NODEBUG-NEXT: function _ZN2ns12cancel_in_nsE4PairP6Handle (ns::cancel_in_ns(Pair, Handle*))
// NODEBUG-NEXT:   cancel handle=arg1 (IR arg2)  [annotation {{.*}}argmap-cxx-mangled.cpp:27]
// NODEBUG-NEXT: function _ZN2ns12cancel_tokenE4Pair11CancelToken (ns::cancel_token(Pair, CancelToken)): no roles
// NODEBUG-NEXT: 1 warning generated.
// NODEBUG-NOT: {{.}}

// DEBUG-LABEL: cancel-verify model of module '{{.*}}'
// DEBUG-NEXT: function _Z3useP6Handle11CancelToken (use(Handle*, CancelToken)): no roles
// DEBUG-NEXT: function _Z17cancel_after_pair4PairP6Handle (cancel_after_pair(Pair, Handle*))
// DEBUG-NEXT:   cancel handle=arg1 (IR arg2)  [annotation {{.*}}argmap-cxx-mangled.cpp:24]
// DEBUG-NEXT: function _Z12cancel_thirdi4PairP6Handle (cancel_third(int, Pair, Handle*))
// DEBUG-NEXT:   cancel handle=arg2 (IR arg3)  [annotation {{.*}}argmap-cxx-mangled.cpp:25]
// DEBUG-NEXT: function _ZN2ns12cancel_in_nsE4PairP6Handle (ns::cancel_in_ns(Pair, Handle*))
// DEBUG-NEXT:   cancel handle=arg1 (IR arg2)  [annotation {{.*}}argmap-cxx-mangled.cpp:27]
// DEBUG-NEXT: function _ZN2ns12cancel_tokenE4Pair11CancelToken (ns::cancel_token(Pair, CancelToken))
// DEBUG-NEXT:   cancel handle=arg1 (IR arg2)  [annotation {{.*}}argmap-cxx-mangled.cpp:28]
// DEBUG-NOT: {{.}}
