// A C++ reference names one object. Go's `ctx, cancel := WithCancel(p)`
// as a std::pair of a shared context and a CancelFunc: passing the context
// on by `const Context &` to a function without a body gives it the first
// member of the pair, not the cancel function beside it. The handle is
// neither borrowed nor let escape there, and the paths that forget the
// cancel are found.
//
// Not so when the callee can reach the rest of the object: a reference to
// a polymorphic base (its virtual functions reach the derived object), a
// pointer (arithmetic reaches the neighbours), a reference to the whole
// pair.
//
// RUN: %cv-remarks O0 %s -std=c++17 > %t.O0.out
// RUN: FileCheck %s --check-prefixes=CHECK,O0 < %t.O0.out
// RUN: grep -cE 'remark: (LostCancel|DiscardedCancel)' %t.O0.out | grep -x 3
// RUN: grep -c 'remark: CancelEscapes' %t.O0.out | grep -x 3
// RUN: grep -c 'remark: CancelVerified' %t.O0.out | grep -x 2
// RUN: %cv-remarks O2 %s -std=c++17 > %t.O2.out
// RUN: FileCheck %s --check-prefixes=CHECK,O2 < %t.O2.out
// RUN: grep -cE 'remark: (LostCancel|DiscardedCancel)' %t.O2.out | grep -x 3
// RUN: grep -c 'remark: CancelEscapes' %t.O2.out | grep -x 3
// RUN: grep -c 'remark: CancelVerified' %t.O2.out | grep -x 2
#include <functional>
#include <memory>
#include <utility>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
namespace ctx {
struct Impl;
using Context = std::shared_ptr<Impl>;
using CancelFunc = std::function<void()>;
CV("create:handle=ret,parent=arg0")
std::pair<Context, CancelFunc> WithCancel(const Context &parent);
} // namespace ctx

int step(const ctx::Context &c);
int step_ptr(const ctx::Context *c);
int inspect(const std::pair<ctx::Context, ctx::CancelFunc> &p);

int cancelled_on_every_path(const ctx::Context &parent) {
  // CHECK: reference-to-member.cpp:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'ctx::WithCancel(std::shared_ptr<ctx::Impl> const&)' is called on every path
  auto p = ctx::WithCancel(parent);
  if (step(p.first) < 0) {
    p.second();
    return -1;
  }
  p.second();
  return 0;
}

int bound_and_cancelled(const ctx::Context &parent) {
  // CHECK: reference-to-member.cpp:[[@LINE+1]]:22: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'ctx::WithCancel(std::shared_ptr<ctx::Impl> const&)' is called on every path
  auto [c, cancel] = ctx::WithCancel(parent);
  int rc = step(c);
  cancel();
  return rc;
}

int early_return(const ctx::Context &parent) {
  // O0: reference-to-member.cpp:[[@LINE+2]]:22: remark: LostCancel: returns at {{.*}}reference-to-member.cpp:[[@LINE+4]] without cancelling the handle created at line [[@LINE+2]] by 'ctx::WithCancel(std::shared_ptr<ctx::Impl> const&)'{{$}}
  // O2: reference-to-member.cpp:[[@LINE+1]]:22: remark: LostCancel: returns at {{.*}}reference-to-member.cpp:{{[0-9]+}} without cancelling the handle created at line [[@LINE+1]] by 'ctx::WithCancel(std::shared_ptr<ctx::Impl> const&)'{{$}}
  auto [c, cancel] = ctx::WithCancel(parent);
  if (step(c) < 0)
    return -1;
  cancel();
  return 0;
}

int never_cancelled(const ctx::Context &parent) {
  // CHECK: reference-to-member.cpp:[[@LINE+1]]:12: remark: {{LostCancel|DiscardedCancel}}: {{.*}}'ctx::WithCancel(std::shared_ptr<ctx::Impl> const&)'
  auto p = ctx::WithCancel(parent);
  return step(p.first);
}

// A member beside the handle, in a struct of the program's own.
struct Conn {
  ctx::Context ctx;
  ctx::CancelFunc stop;
};
int member_of_struct(const ctx::Context &parent) {
  // CHECK: reference-to-member.cpp:[[@LINE+2]]:21: remark: LostCancel: returns at {{.*}}reference-to-member.cpp:{{[0-9]+}} without cancelling the handle created at line [[@LINE+2]] by 'ctx::WithCancel(std::shared_ptr<ctx::Impl> const&)'{{$}}
  Conn c;
  auto [cx, stop] = ctx::WithCancel(parent);
  c.ctx = cx;
  c.stop = stop;
  if (step(c.ctx) < 0)
    return -1;
  c.stop();
  return 0;
}

// The callee can reach the handle: it escapes, and nothing is reported
// lost.
int through_pointer(const ctx::Context &parent) {
  // CHECK: reference-to-member.cpp:[[@LINE+1]]:12: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'ctx::WithCancel(std::shared_ptr<ctx::Impl> const&)' escapes: passed to 'step_ptr(std::shared_ptr<ctx::Impl> const*)'
  auto p = ctx::WithCancel(parent);
  return step_ptr(&p.first);
}

int whole_pair(const ctx::Context &parent) {
  // CHECK: reference-to-member.cpp:[[@LINE+1]]:12: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'ctx::WithCancel(std::shared_ptr<ctx::Impl> const&)' escapes: passed to 'inspect(std::pair<std::shared_ptr<ctx::Impl>, std::function<void ()>> const&)'
  auto p = ctx::WithCancel(parent);
  return inspect(p);
}

struct Runnable {
  virtual ~Runnable() {}
  virtual void run() = 0;
  int id = 0;
};
void submit(Runnable &r);
struct Task : Runnable {
  ctx::CancelFunc stop;
  void run() override { stop(); }
};
void polymorphic_base(const ctx::Context &parent) {
  Task t;
  // CHECK: reference-to-member.cpp:[[@LINE+1]]:22: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'ctx::WithCancel(std::shared_ptr<ctx::Impl> const&)' escapes: passed to 'submit(Runnable&)'
  auto [c, cancel] = ctx::WithCancel(parent);
  t.stop = cancel;
  submit(t);
}
