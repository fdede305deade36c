// A guard that is given a copy of the cancel function (by value, then
// moved into its member) and whose destructor calls it only `if (f_)`:
// optimized code copies the std::function inline, testing the original's
// manager (a member of the returned pair, not its first field) and merging
// the copied manager with null in a phi that the inlined destructor tests.
// The test of the original is a test of the handle, and the phi is null
// exactly where the handle is empty, so the destructor's call is taken on
// every path that holds a handle. A member cleared by Stop() before the
// destructor runs is the same. A guard that cancels only after the work
// succeeded still loses it.
//
// RUN: %cv-remarks O0 %s -std=c++17 > %t.O0.out
// RUN: FileCheck %s < %t.O0.out
// RUN: grep -c 'remark: CancelVerified' %t.O0.out | grep -x 4
// RUN: grep -c 'remark: LostCancel' %t.O0.out | grep -x 1
// RUN: grep -c remark %t.O0.out | grep -x 5
// RUN: %cv-remarks O2 %s -std=c++17 > %t.O2.out
// RUN: FileCheck %s < %t.O2.out
// RUN: grep -c 'remark: CancelVerified' %t.O2.out | grep -x 4
// RUN: grep -c 'remark: LostCancel' %t.O2.out | grep -x 1
// RUN: grep -c remark %t.O2.out | grep -x 5
#include <functional>
#include <memory>
#include <utility>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
struct State;
using Context = std::shared_ptr<State>;
using CancelFunc = std::function<void()>;
CV("create:handle=ret,parent=arg0")
std::pair<Context, CancelFunc> WithCancel(const Context &parent);
int Step(const Context &c);

class CancelGuard {
public:
  explicit CancelGuard(CancelFunc f) : f_(std::move(f)) {}
  ~CancelGuard() {
    if (f_)
      f_();
  }
  void Disarm() { f_ = nullptr; }

private:
  CancelFunc f_;
};

int guarded(const Context &parent) {
  // CHECK-DAG: std-function-guard-copy.cpp:[[@LINE+1]]:22: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'WithCancel(std::shared_ptr<State> const&)' is guarded on every path: the destructor 'CancelGuard::~CancelGuard{{(\(\))?}}' cancels it at scope exit
  auto [c, cancel] = WithCancel(parent);
  CancelGuard g(cancel);
  if (Step(c) < 0)
    return -1;
  return Step(c);
}

int guarded_by_move(const Context &parent) {
  // CHECK-DAG: std-function-guard-copy.cpp:[[@LINE+1]]:22: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'WithCancel(std::shared_ptr<State> const&)' is guarded on every path
  auto [c, cancel] = WithCancel(parent);
  CancelGuard g(std::move(cancel));
  return Step(c);
}

class Client {
public:
  void Start(const Context &parent) {
    auto [c, cancel] = WithCancel(parent);
    ctx_ = c;
    // CHECK-DAG: std-function-guard-copy.cpp:[[@LINE-2]]:24: remark: CancelVerified: the handle created at line [[@LINE-2]] by 'WithCancel(std::shared_ptr<State> const&)' is transferred to the caller
    cancel_ = cancel;
  }
  void Stop() {
    if (cancel_) {
      cancel_();
      cancel_ = nullptr;
    }
  }
  ~Client() { Stop(); }

private:
  Context ctx_;
  CancelFunc cancel_;
};

void client_lifetime(const Context &parent) {
  Client c;
  // CHECK-DAG: std-function-guard-copy.cpp:[[@LINE+1]]:5: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'Client::Start(std::shared_ptr<State> const&)'{{.*}} is {{cancelled|guarded}} on every path
  c.Start(parent);
}

class LateGuard {
public:
  explicit LateGuard(CancelFunc f) : f_(std::move(f)) {}
  ~LateGuard() {
    if (f_ && done_)
      f_();
  }
  bool done_ = false;

private:
  CancelFunc f_;
};

// Positive: the guard cancels only once the work succeeded.
int guarded_late(const Context &parent) {
  // CHECK-DAG: std-function-guard-copy.cpp:[[@LINE+1]]:22: remark: LostCancel: returns at {{.*}}std-function-guard-copy.cpp:{{[0-9]+}} without cancelling the handle created at line [[@LINE+1]] by 'WithCancel(std::shared_ptr<State> const&)'
  auto [c, cancel] = WithCancel(parent);
  LateGuard g(cancel);
  int rc = Step(c);
  if (rc > 0)
    g.done_ = true;
  return rc;
}
