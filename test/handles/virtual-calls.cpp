// A virtual call reaches the override of the object's dynamic type when
// the object was constructed before the call in the same function (its
// vtable is the one the constructor installed): a virtual `stop()` that
// cancels, a virtual destructor run by `delete`. `new` never returns null,
// so the null test `delete` makes leaves no path without the object. An
// override that does not cancel is followed too. An object whose type is
// not known here leaves the call unknown: the handle escapes. Deleting an
// object that still holds the handle drops it with the memory.
//
// At -O2 the constructors are inlined and the handle is stored straight
// into the object `new` returned: memory of this function's own, followed
// with the object, so the verdicts are the same.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);

struct Stopper {
  virtual ~Stopper() {}
  virtual void stop() = 0;
};
struct CtxStopper : Stopper {
  cv_cancel_t *h;
  explicit CtxStopper(cv_cancel_t *c) : h(c) {}
  void stop() override { cv_cancel(h); }
};
struct LazyStopper : Stopper {
  cv_cancel_t *h;
  explicit LazyStopper(cv_cancel_t *c) : h(c) {}
  void stop() override {}
};
struct Owner {
  virtual ~Owner() {}
};
struct CtxOwner : Owner {
  cv_cancel_t *h;
  explicit CtxOwner(cv_cancel_t *c) : h(c) {}
  ~CtxOwner() override { cv_cancel(h); }
};

int virtual_stop(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: virtual-calls.cpp:[[@LINE+1]]:31: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line 27 (through 'CtxStopper::stop{{(\(\))?}}' at line [[@LINE+3]]){{$}}
  Stopper *s = new CtxStopper(cv_with_cancel(parent, &child));
  work(child);
  s->stop();
  delete s;
  return 0;
}

int virtual_destructor(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: virtual-calls.cpp:[[@LINE+1]]:27: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line 40 (through 'CtxOwner::~CtxOwner{{(\(\))?}}' at line [[@LINE+3]]){{$}}
  Owner *o = new CtxOwner(cv_with_cancel(parent, &child));
  work(child);
  delete o;
  return 0;
}

// Positive: the override does nothing.
int lazy_override(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: virtual-calls.cpp:[[@LINE+1]]:32: remark: LostCancel: returns at {{.*}}virtual-calls.cpp:[[@LINE+5]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  Stopper *s = new LazyStopper(cv_with_cancel(parent, &child));
  work(child);
  s->stop();
  delete s;
  return 0;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
