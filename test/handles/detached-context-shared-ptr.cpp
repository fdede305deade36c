// Contexts held by std::shared_ptr, derived as Go's `ctx, cancel :=
// WithCancel(parent)` into a std::pair: the context has no source variable
// of its own (the pair's members are bound by `auto [c, cancel]`), so the
// class of the creator's parent parameter says what a context is. A
// function with a parameter of that class has a context at hand, and one
// that starts from the root instead is detached.
//
// RUN: %cv-remarks O0 %s -std=c++17 > %t.O0.out
// RUN: FileCheck %s < %t.O0.out
// RUN: grep -c 'remark: DetachedContext' %t.O0.out | grep -x 2
// RUN: grep -c remark %t.O0.out | grep -x 4
// RUN: %cv-remarks O2 %s -std=c++17 > %t.O2.out
// RUN: FileCheck %s < %t.O2.out
// RUN: grep -c 'remark: DetachedContext' %t.O2.out | grep -x 2
// RUN: grep -c remark %t.O2.out | grep -x 4
#include <functional>
#include <memory>
#include <utility>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
namespace ctx {
struct Impl;
using Context = std::shared_ptr<Impl>;
using CancelFunc = std::function<void()>;
CV("root") Context Background();
CV("create:handle=ret,parent=arg0")
std::pair<Context, CancelFunc> WithCancel(const Context &parent);
} // namespace ctx
int step(const ctx::Context &c);

// Positive: the caller's context is at hand and unused.
int detached(const ctx::Context &parent) {
  // CHECK: detached-context-shared-ptr.cpp:[[@LINE+1]]:22: remark: DetachedContext: the parent of this context is the root context from 'ctx::Background()' at line [[@LINE+1]] although 'detached(std::shared_ptr<ctx::Impl> const&)' has a context at hand ('parent'); cancelling the caller will not reach this work{{$}}
  auto [c, cancel] = ctx::WithCancel(ctx::Background());
  int rc = step(c);
  cancel();
  return rc;
}

// Positive: a context held by value is at hand too.
int detached_by_value(ctx::Context parent) {
  // CHECK: detached-context-shared-ptr.cpp:[[@LINE+1]]:12: remark: DetachedContext: the parent of this context is the root context from 'ctx::Background()' at line [[@LINE+1]] although 'detached_by_value(std::shared_ptr<ctx::Impl>)' has a context at hand ('parent'); cancelling the caller will not reach this work{{$}}
  auto p = ctx::WithCancel(ctx::Background());
  int rc = step(p.first);
  p.second();
  return rc;
}

// Negative: derived from the caller's context.
int derived(const ctx::Context &parent) {
  // CHECK: detached-context-shared-ptr.cpp:[[@LINE+1]]:22: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'ctx::WithCancel(std::shared_ptr<ctx::Impl> const&)' is called on every path (called at line [[@LINE+3]]){{$}}
  auto [c, cancel] = ctx::WithCancel(parent);
  int rc = step(c);
  cancel();
  return rc;
}

// Negative: no context at hand (an int is not one), the root is right.
int background_job(int n) {
  // CHECK: detached-context-shared-ptr.cpp:[[@LINE+1]]:22: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'ctx::WithCancel(std::shared_ptr<ctx::Impl> const&)' is called on every path (called at line [[@LINE+3]]){{$}}
  auto [c, cancel] = ctx::WithCancel(ctx::Background());
  int rc = step(c) + n;
  cancel();
  return rc;
}
