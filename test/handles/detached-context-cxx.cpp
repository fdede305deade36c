// C++ contexts are objects: a root returned by value (through the return
// slot) and passed by reference to the creator is a root parent, and a
// parameter that refers to a context object is a context at hand. A
// function without one may start from a root.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark
#include <functional>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
struct ctx_impl;
class Context {
public:
  Context() : impl_(nullptr), refs_(nullptr) {}
  Context(const Context &o) : impl_(o.impl_), refs_(o.refs_) {}
  ~Context() {}

private:
  ctx_impl *impl_;
  int *refs_;
};
using CancelFn = std::function<void()>;
CV("root") Context Background();
CV("create:handle=ret,parent=arg0")
CancelFn WithCancel(const Context &parent, Context *child);
int Work(const Context &ctx);

// Positive: the request's context is at hand, the work starts from the root.
int detached(const Context &ctx) {
  Context child;
  // CHECK: detached-context-cxx.cpp:[[@LINE+1]]:17: remark: DetachedContext: the parent of this context is the root context from 'Background()' at line [[@LINE+1]] although 'detached(Context const&)' has a context at hand ('ctx'); cancelling the caller will not reach this work{{$}}
  auto cancel = WithCancel(Background(), &child);
  int rc = Work(child);
  cancel();
  return rc;
}

int derived_from_caller(const Context &ctx) {
  Context child;
  // CHECK: detached-context-cxx.cpp:[[@LINE+1]]:17: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'WithCancel(Context const&, Context*)' is called on every path (called at line [[@LINE+3]]){{$}}
  auto cancel = WithCancel(ctx, &child);
  int rc = Work(child);
  cancel();
  return rc;
}

// No context at hand: a background job may start from the root.
int background_job() {
  Context child;
  // CHECK: detached-context-cxx.cpp:[[@LINE+1]]:17: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'WithCancel(Context const&, Context*)' is called on every path (called at line [[@LINE+3]]){{$}}
  auto cancel = WithCancel(Background(), &child);
  int rc = Work(child);
  cancel();
  return rc;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s | FileCheck %s --implicit-check-not=remark
