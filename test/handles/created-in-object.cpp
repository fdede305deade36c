// A handle object created straight into a member of an object the caller
// passed: a constructor's mem-initializer (`cancel_(WithTimeout(...))`,
// the creator's return slot is the member) or a method that calls a
// creator member on its own `this`. The caller's object holds it, as it
// holds a copy: the constructor and Restart() hand it over, and the
// function that owns the object owes it (StageScope cancels it in its
// destructor; Leaky never does).
//
// RUN: %cv-remarks O0 %s -std=c++17 | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s -std=c++17 | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
#include <functional>
#define CV(s) __attribute__((annotate("cancel-verify:" s)))
struct Ctx;
CV("create:handle=ret,parent=arg0")
std::function<void()> WithTimeout(Ctx *parent, long ms, Ctx **child);
int Work(Ctx *c);

class StageScope {
public:
  StageScope(Ctx *parent, long ms);
  ~StageScope() { cancel_(); }
  Ctx *ctx() const { return ctx_; }

private:
  Ctx *ctx_ = nullptr;
  std::function<void()> cancel_;
};

// CHECK-DAG: created-in-object.cpp:[[@LINE+2]]:15: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'WithTimeout(Ctx*, long, Ctx**)' is transferred to the caller (created in the object the caller passed at line [[@LINE+2]])
StageScope::StageScope(Ctx *parent, long ms)
    : cancel_(WithTimeout(parent, ms, &ctx_)) {}

int stage(Ctx *parent) {
  // O0-DAG: created-in-object.cpp:[[@LINE+2]]:14: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'StageScope::StageScope(Ctx*, long)' ('StageScope::StageScope(Ctx*, long)', which creates it with 'WithTimeout(Ctx*, long, Ctx**)' at line 31) is guarded on every path: the destructor 'StageScope::~StageScope()' cancels it at scope exit
  // O2-DAG: created-in-object.cpp:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'WithTimeout(Ctx*, long, Ctx**)' is guarded on every path: the destructor 'StageScope::~StageScope' cancels it at scope exit
  StageScope s(parent, 100);
  return Work(s.ctx());
}

class Leaky {
public:
  // O0-DAG: created-in-object.cpp:[[@LINE+1]]:32: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'WithTimeout(Ctx*, long, Ctx**)' is transferred to the caller (created in the object the caller passed at line [[@LINE+1]])
  Leaky(Ctx *parent) : cancel_(WithTimeout(parent, 5, &ctx_)) {}
  Ctx *ctx() const { return ctx_; }

private:
  Ctx *ctx_ = nullptr;
  std::function<void()> cancel_;
};

int leaky(Ctx *parent) {
  // O0-DAG: created-in-object.cpp:[[@LINE+2]]:9: remark: LostCancel: returns at {{.*}}created-in-object.cpp:[[@LINE+4]] without cancelling the handle created at line [[@LINE+2]] by 'Leaky::Leaky(Ctx*)'
  // O2-DAG: created-in-object.cpp:[[@LINE+1]]:9: remark: DiscardedCancel: the cancel handle from 'WithTimeout(Ctx*, long, Ctx**)' is never used
  Leaky l(parent);
  return Work(l.ctx());
}

class Client {
public:
  // CHECK-DAG: created-in-object.cpp:[[@LINE+1]]:39: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'WithTimeout(Ctx*, long, Ctx**)' is transferred to the caller (copied for the caller at line [[@LINE+1]])
  void Start(Ctx *parent) { cancel_ = WithTimeout(parent, 5, &ctx_); }
  // O0-DAG: created-in-object.cpp:[[@LINE+1]]:31: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'Client::Start(Ctx*)' ('Client::Start(Ctx*)', which creates it with 'WithTimeout(Ctx*, long, Ctx**)' at line 61) is transferred to the caller (created in the object the caller passed at line [[@LINE+1]])
  void Restart(Ctx *parent) { Start(parent); }
  ~Client() {
    if (cancel_)
      cancel_();
  }

private:
  Ctx *ctx_ = nullptr;
  std::function<void()> cancel_;
};

int client(Ctx *parent) {
  Client c;
  // O0-DAG: created-in-object.cpp:[[@LINE+2]]:5: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'Client::Restart(Ctx*)' ('Client::Restart(Ctx*)', which creates it with 'Client::Start(Ctx*)' at line 63) is guarded on every path: the destructor 'Client::~Client()' cancels it at scope exit
  // O2-DAG: created-in-object.cpp:[[@LINE+1]]:5: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'Client::Start(Ctx*)' ('Client::Start(Ctx*)', which creates it with 'WithTimeout(Ctx*, long, Ctx**)' at line 61) is guarded on every path: the destructor 'Client::~Client' cancels it at scope exit
  c.Restart(parent);
  return 0;
}
