// A std::function cancel assigned again. The assignment destroys the copy
// it replaces: a handle held only there and not yet called is overwritten
// (two_deadlines); one already called, or kept in another copy, is not. A
// lambda or guard that captured the variable by reference before the
// assignment calls whatever it holds at the time, so it calls the new
// handle. On optimized IR the move-assignment is inlined as a swap of the
// storage and the replaced handle's destruction is not seen: two_deadlines
// is verified there (docs/limitations.md).
//
// RUN: %cv-remarks O0 %s -std=c++17 | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s -std=c++17 | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
#include <functional>
#define CV(s) __attribute__((annotate("cancel-verify:" s)))
struct Ctx;
CV("create:handle=ret,parent=arg0")
std::function<void()> WithTimeout(Ctx *parent, int ms, Ctx **child);
int Work(Ctx *ctx);

template <class F> struct ScopeExit {
  F f;
  ~ScopeExit() { f(); }
};
template <class F> ScopeExit<F> on_exit(F f) { return ScopeExit<F>{f}; }

int two_deadlines(Ctx *ctx) {
  Ctx *c;
  // O0-DAG: reassign-std-function.cpp:[[@LINE+5]]:10: remark: OverwrittenCancel: the handle created at line [[@LINE+2]] by 'WithTimeout(Ctx*, int, Ctx**)' is overwritten at line [[@LINE+5]] before it was cancelled
  // O2-DAG: reassign-std-function.cpp:[[@LINE+1]]:34: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'WithTimeout(Ctx*, int, Ctx**)' is called on every path (called at line [[@LINE+6]])
  std::function<void()> cancel = WithTimeout(ctx, 50, &c);
  int rc = Work(c);
  // CHECK-DAG: reassign-std-function.cpp:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'WithTimeout(Ctx*, int, Ctx**)' is called on every path (called at line [[@LINE+3]])
  cancel = WithTimeout(ctx, 200, &c);
  rc += Work(c);
  cancel();
  return rc;
}

int cancel_then_reassign(Ctx *ctx) {
  Ctx *c;
  // CHECK-DAG: reassign-std-function.cpp:[[@LINE+1]]:34: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'WithTimeout(Ctx*, int, Ctx**)' is called on every path
  std::function<void()> cancel = WithTimeout(ctx, 50, &c);
  int rc = Work(c);
  cancel();
  // CHECK-DAG: reassign-std-function.cpp:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'WithTimeout(Ctx*, int, Ctx**)' is called on every path
  cancel = WithTimeout(ctx, 200, &c);
  rc += Work(c);
  cancel();
  return rc;
}

int kept_copy(Ctx *ctx) {
  Ctx *c;
  // CHECK-DAG: reassign-std-function.cpp:[[@LINE+1]]:34: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'WithTimeout(Ctx*, int, Ctx**)' is called on every path
  std::function<void()> cancel = WithTimeout(ctx, 50, &c);
  std::function<void()> first = cancel;
  int rc = Work(c);
  // CHECK-DAG: reassign-std-function.cpp:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'WithTimeout(Ctx*, int, Ctx**)' is called on every path
  cancel = WithTimeout(ctx, 200, &c);
  rc += Work(c);
  cancel();
  first();
  return rc;
}

int guard_by_reference(Ctx *ctx) {
  Ctx *c;
  // CHECK-DAG: reassign-std-function.cpp:[[@LINE+1]]:34: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'WithTimeout(Ctx*, int, Ctx**)' is called on every path
  std::function<void()> cancel = WithTimeout(ctx, 50, &c);
  auto g = on_exit([&] { cancel(); });
  if (Work(c) < 0) {
    cancel();
  // CHECK-DAG: reassign-std-function.cpp:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'WithTimeout(Ctx*, int, Ctx**)' is guarded on every path: the destructor 'ScopeExit<{{.*}}>::~ScopeExit{{(\(\))?}}' cancels it at scope exit
    cancel = WithTimeout(ctx, 500, &c);
    return Work(c);
  }
  return 0;
}

int lambda_skipped(Ctx *ctx) {
  Ctx *c;
  // CHECK-DAG: reassign-std-function.cpp:[[@LINE+1]]:34: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'WithTimeout(Ctx*, int, Ctx**)' is called on every path
  std::function<void()> cancel = WithTimeout(ctx, 50, &c);
  auto fin = [&] { cancel(); };
  cancel();
  // CHECK-DAG: reassign-std-function.cpp:[[@LINE+1]]:12: remark: LostCancel: returns at {{.*}}reassign-std-function.cpp:{{[0-9]+}} without cancelling the handle created at line [[@LINE+1]] by 'WithTimeout(Ctx*, int, Ctx**)'
  cancel = WithTimeout(ctx, 500, &c);
  if (Work(c) < 0)
    return -1;
  fin();
  return 0;
}
