// Ownership that moves out of an object: `release()` takes the handle out
// of a std::unique_ptr (a callee that empties the slot it was given), so
// the destructor no longer cancels it and whoever holds the released
// pointer owes it. A member set by the constructor decides what the
// destructor does: a guard armed by its constructor cancels. At -O2 the
// released handle that nothing uses is discarded.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
#include <memory>
#include "cv_context.h"

int work(cv_ctx_t *ctx);

struct Canceller {
  void operator()(cv_cancel_t *c) const { cv_cancel(c); }
};
using CancelPtr = std::unique_ptr<cv_cancel_t, Canceller>;

int guarded(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: cxx-release-and-members.cpp:[[@LINE+1]]:15: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is guarded on every path: the destructor '{{.*}}unique_ptr{{.*}}' cancels it at scope exit
  CancelPtr p(cv_with_cancel(parent, &child));
  return work(child);
}

// Given to the pointer by reset(): guarded from then on.
int reset_into(cv_ctx_t *parent) {
  cv_ctx_t *child;
  CancelPtr p;
  // CHECK: cxx-release-and-members.cpp:[[@LINE+1]]:11: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is guarded on every path: the destructor '{{.*}}unique_ptr{{.*}}' cancels it at scope exit
  p.reset(cv_with_cancel(parent, &child));
  return work(child);
}

// Positive: released and then forgotten.
int released_and_lost(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: cxx-release-and-members.cpp:[[@LINE+2]]:15: remark: LostCancel: returns at {{.*}}cxx-release-and-members.cpp:[[@LINE+5]] without cancelling the handle created at line [[@LINE+2]] by 'cv_with_cancel'{{$}}
  // O2: cxx-release-and-members.cpp:[[@LINE+1]]:15: remark: DiscardedCancel: the cancel handle from 'cv_with_cancel' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  CancelPtr p(cv_with_cancel(parent, &child));
  cv_cancel_t *h = p.release();
  return work(child);
}

// Released to the caller on success, cancelled by the guard on failure:
// every call of it is a creation for its callers.
__attribute__((noinline)) cv_cancel_t *released(cv_ctx_t *parent,
                                                cv_ctx_t **child) {
  // CHECK: cxx-release-and-members.cpp:[[@LINE+1]]:15: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is
  CancelPtr p(cv_with_cancel(parent, child));
  if (work(*child) < 0)
    return nullptr;
  return p.release();
}

// Positive: the caller of the releasing function forgets it on one path.
// (At -O2 the early return is placed at its condition.)
int released_caller(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: cxx-release-and-members.cpp:[[@LINE+2]]:20: remark: LostCancel: returns at {{.*}}cxx-release-and-members.cpp:[[@LINE+4]] without cancelling the handle created at line [[@LINE+2]] by 'released(cv_ctx*, cv_ctx**)' ('released(cv_ctx*, cv_ctx**)', which creates it with 'cv_with_cancel' at line [[@LINE-10]]){{$}}
  // O2: cxx-release-and-members.cpp:[[@LINE+1]]:20: remark: LostCancel: returns at {{.*}}cxx-release-and-members.cpp:[[@LINE+2]] without cancelling the handle created at line [[@LINE+1]] by 'released(cv_ctx*, cv_ctx**)' ('released(cv_ctx*, cv_ctx**)', which creates it with 'cv_with_cancel' at line [[@LINE-11]]){{$}}
  cv_cancel_t *h = released(parent, &child);
  if (work(child) < 0)
    return -1;
  cv_cancel(h);
  return 0;
}

class Guard {
public:
  explicit Guard(cv_cancel_t *c) : h_(c), active_(true) {}
  ~Guard() {
    if (active_)
      cv_cancel(h_);
  }

private:
  cv_cancel_t *h_;
  bool active_;
};

int armed_by_constructor(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: cxx-release-and-members.cpp:[[@LINE+1]]:11: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is guarded on every path: the destructor 'Guard::~Guard{{(\(\))?}}' cancels it at scope exit
  Guard g(cv_with_cancel(parent, &child));
  return work(child);
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
