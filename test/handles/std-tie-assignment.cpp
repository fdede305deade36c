// `std::tie(ctx, cancel) = WithCancel(parent)` assigns through a tuple of
// references: at -O0 the tuple's accessors return the reference they
// hold, a pointer loaded from the tuple. A function that writes nothing
// but its own locals returns what is at that place after the call too, so
// the assignment reaches the caller's variable (or member) and the later
// call of it cancels. A variable assigned by std::tie and never called is
// still lost.
//
// RUN: %cv-remarks O0 %s -std=c++17 > %t.O0.out
// RUN: FileCheck %s < %t.O0.out
// RUN: grep -c 'remark: CancelVerified' %t.O0.out | grep -x 3
// RUN: grep -c 'remark: LostCancel' %t.O0.out | grep -x 1
// RUN: grep -c remark %t.O0.out | grep -x 4
// RUN: %cv-remarks O2 %s -std=c++17 > %t.O2.out
// RUN: FileCheck %s < %t.O2.out
// RUN: grep -c 'remark: CancelVerified' %t.O2.out | grep -x 3
// RUN: grep -c -E 'remark: (LostCancel|DiscardedCancel)' %t.O2.out | grep -x 1
// RUN: grep -c remark %t.O2.out | grep -x 4
#include <functional>
#include <memory>
#include <tuple>
#include <utility>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
struct State;
using Context = std::shared_ptr<State>;
using CancelFunc = std::function<void()>;
CV("create:handle=ret,parent=arg0")
std::pair<Context, CancelFunc> WithCancel(const Context &parent);
int Step(const Context &c);

int tied_then_called(const Context &parent) {
  Context c;
  CancelFunc cancel;
  // CHECK-DAG: std-tie-assignment.cpp:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'WithCancel(std::shared_ptr<State> const&)' is called on every path (called at line [[@LINE+3]])
  std::tie(c, cancel) = WithCancel(parent);
  int rc = Step(c);
  cancel();
  return rc;
}

class Worker {
public:
  void Start(const Context &parent) {
    // CHECK-DAG: std-tie-assignment.cpp:[[@LINE+1]]:{{31|35}}: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'WithCancel(std::shared_ptr<State> const&)' is transferred to the caller
    std::tie(ctx_, cancel_) = WithCancel(parent);
  }
  ~Worker() {
    if (cancel_)
      cancel_();
  }

private:
  Context ctx_;
  CancelFunc cancel_;
};

void worker_lifetime(const Context &parent) {
  Worker w;
  // CHECK-DAG: std-tie-assignment.cpp:[[@LINE+1]]:5: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'Worker::Start(std::shared_ptr<State> const&)'{{.*}} is {{cancelled|guarded}} on every path
  w.Start(parent);
}

// Positive: tied, used, never called.
int tied_only(const Context &parent) {
  Context c;
  CancelFunc cancel;
  // CHECK-DAG: std-tie-assignment.cpp:[[@LINE+1]]:25: remark: {{LostCancel|DiscardedCancel}}: {{.*}}the handle created at line [[@LINE+1]] by 'WithCancel(std::shared_ptr<State> const&)'
  std::tie(c, cancel) = WithCancel(parent);
  return Step(c);
}
