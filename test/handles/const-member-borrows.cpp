// A member function qualified `const` is given `this` as a pointer to
// const: it borrows the object, like any pointer-to-const parameter, so
// calling an accessor of a handle object that has no body here does not
// let the handle escape, and a path that forgets to close it is lost. So
// does a parameter that is a reference to a const template instance
// (`const std::function<void()> &`): its template arguments say nothing of
// its own constness. A member function that is not const, or a reference
// to a template instance that is not const, may keep what it is given.
//
// RUN: %cv-remarks O0 %s -std=c++17 > %t.O0.out
// RUN: FileCheck %s < %t.O0.out
// RUN: grep -c 'remark: CancelVerified' %t.O0.out | grep -x 2
// RUN: grep -c 'remark: LostCancel' %t.O0.out | grep -x 2
// RUN: grep -c 'remark: CancelEscapes' %t.O0.out | grep -x 2
// RUN: %cv-remarks O2 %s -std=c++17 > %t.O2.out
// RUN: FileCheck %s < %t.O2.out
// RUN: grep -c 'remark: CancelVerified' %t.O2.out | grep -x 2
// RUN: grep -c 'remark: LostCancel' %t.O2.out | grep -x 2
// RUN: grep -c 'remark: CancelEscapes' %t.O2.out | grep -x 2
#include <functional>
#include <memory>
#include <utility>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
struct State;
using Context = std::shared_ptr<State>;
using CancelFunc = std::function<void()>;
int Step(const Context &c);

class Scope {
public:
  CV("create:handle=ret,parent=arg0") static Scope *Open(const Context &parent);
  CV("cancel:handle=this") void Close();
  const Context &ctx() const;
  void Rename(const char *name);
};

CV("create:handle=ret,parent=arg0")
std::pair<Context, CancelFunc> WithCancel(const Context &parent);
void Describe(const CancelFunc &f);
void Keep(CancelFunc &f);

int scope_closed(const Context &parent) {
  // CHECK-DAG: const-member-borrows.cpp:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'Scope::Open(std::shared_ptr<State> const&)' is cancelled on every path
  Scope *s = Scope::Open(parent);
  int rc = Step(s->ctx());
  s->Close();
  return rc;
}

int described_then_called(const Context &parent) {
  // CHECK-DAG: const-member-borrows.cpp:[[@LINE+1]]:22: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'WithCancel(std::shared_ptr<State> const&)'
  auto [c, cancel] = WithCancel(parent);
  Describe(cancel);
  int rc = Step(c);
  cancel();
  return rc;
}

// Positive: the early return forgets to close.
int scope_left_open(const Context &parent) {
  // CHECK-DAG: const-member-borrows.cpp:[[@LINE+1]]:14: remark: LostCancel: returns at {{.*}}const-member-borrows.cpp:{{[0-9]+}} without cancelling the handle created at line [[@LINE+1]] by 'Scope::Open(std::shared_ptr<State> const&)'
  Scope *s = Scope::Open(parent);
  int rc = Step(s->ctx());
  if (rc < 0)
    return rc;
  s->Close();
  return rc;
}

// Positive: described, never called.
int described_only(const Context &parent) {
  // CHECK-DAG: const-member-borrows.cpp:[[@LINE+1]]:22: remark: LostCancel: returns at {{.*}}const-member-borrows.cpp:{{[0-9]+}} without cancelling the handle created at line [[@LINE+1]] by 'WithCancel(std::shared_ptr<State> const&)'
  auto [c, cancel] = WithCancel(parent);
  Describe(cancel);
  return Step(c);
}

// Negative: a member function that is not const may keep its object.
int scope_renamed(const Context &parent) {
  // CHECK-DAG: const-member-borrows.cpp:[[@LINE+1]]:14: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'Scope::Open(std::shared_ptr<State> const&)' escapes: passed to 'Scope::Rename(char const*)'
  Scope *s = Scope::Open(parent);
  s->Rename("worker");
  return Step(s->ctx());
}

// Negative: a reference to a callable that is not const may be kept.
int kept(const Context &parent) {
  // CHECK-DAG: const-member-borrows.cpp:[[@LINE+1]]:22: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'WithCancel(std::shared_ptr<State> const&)' escapes: passed to 'Keep(std::function<void ()>&)'
  auto [c, cancel] = WithCancel(parent);
  Keep(cancel);
  return Step(c);
}
