// A cancel API that hands out its cancel as a std::function (Go's
// CancelFunc): the object itself is the handle. Calling it cancels; a copy
// or a move (into a lambda capture, a member, a pair, the heap, another
// variable through a temporary, the caller's return slot) is another name
// for the same handle; destroying it does nothing. Its members call through
// pointers the creator stored, which cannot be followed: they are known by
// name at -O0 and by their inlined frames at -O2. A lambda copy destroyed
// uncalled leaves the scope at its closing brace, which is named as the exit.
// At -O2 the lambda is inlined and its call is placed where it is called,
// the wrapper is inlined and the creator named is the one it called, and an
// early return shares the destructor at the closing brace, named as the exit.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
#include <functional>
#include <utility>
#include "cv_context.h"

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
using CancelFn = std::function<void()>;
CV("create:handle=ret") CancelFn Derive(cv_ctx_t *parent, cv_ctx_t **child);
int work(cv_ctx_t *ctx);

struct Guard {
  CancelFn f;
  ~Guard() { f(); }
};

int called(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: std-function-handle.cpp:[[@LINE+1]]:15: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'Derive(cv_ctx*, cv_ctx**)' is called on every path (called at line [[@LINE+3]]){{$}}
  auto stop = Derive(parent, &child);
  int rc = work(child);
  stop();
  return rc;
}

int captured_by_value(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: std-function-handle.cpp:[[@LINE+2]]:15: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'Derive(cv_ctx*, cv_ctx**)' is called on every path (called at line [[@LINE+3]] (through '{{.*}}captured_by_value{{.*}}operator()() const' at line [[@LINE+5]])){{$}}
  // O2: std-function-handle.cpp:[[@LINE+1]]:15: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'Derive(cv_ctx*, cv_ctx**)' is called on every path (called at line [[@LINE+4]]){{$}}
  auto stop = Derive(parent, &child);
  auto fin = [stop] { stop(); };
  int rc = work(child);
  fin();
  return rc;
}

int captured_by_reference(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: std-function-handle.cpp:[[@LINE+2]]:15: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'Derive(cv_ctx*, cv_ctx**)' is called on every path (called at line [[@LINE+3]] (through '{{.*}}captured_by_reference{{.*}}operator()() const' at line [[@LINE+5]])){{$}}
  // O2: std-function-handle.cpp:[[@LINE+1]]:15: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'Derive(cv_ctx*, cv_ctx**)' is called on every path (called at line [[@LINE+4]]){{$}}
  auto stop = Derive(parent, &child);
  auto fin = [&stop] { stop(); };
  int rc = work(child);
  fin();
  return rc;
}

int moved(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: std-function-handle.cpp:[[@LINE+1]]:15: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'Derive(cv_ctx*, cv_ctx**)' is called on every path (called at line [[@LINE+4]]){{$}}
  auto stop = Derive(parent, &child);
  CancelFn other = std::move(stop);
  int rc = work(child);
  other();
  return rc;
}

int guard_member(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: std-function-handle.cpp:[[@LINE+3]]:11: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'Derive(cv_ctx*, cv_ctx**)' is guarded on every path: the destructor 'Guard::~Guard{{(\(\))?}}' cancels it at scope exit
  // O0-SAME: {{ }}(called at line 26){{$}}
  // O2-SAME: {{ }}(called at line [[@LINE+3]]){{$}}
  Guard g{Derive(parent, &child)};
  return work(child);
}

int assigned_through_temporary(cv_ctx_t *parent) {
  cv_ctx_t *child;
  CancelFn x;
  // CHECK: std-function-handle.cpp:[[@LINE+1]]:7: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'Derive(cv_ctx*, cv_ctx**)' is called on every path (called at line [[@LINE+3]]){{$}}
  x = Derive(parent, &child);
  int rc = work(child);
  x();
  return rc;
}

int heap_copy(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: std-function-handle.cpp:[[@LINE+1]]:15: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'Derive(cv_ctx*, cv_ctx**)' is called on every path (called at line [[@LINE+4]]){{$}}
  auto stop = Derive(parent, &child);
  auto *h = new CancelFn(stop);
  int rc = work(child);
  (*h)();
  delete h;
  return rc;
}

int in_pair(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: std-function-handle.cpp:[[@LINE+1]]:30: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'Derive(cv_ctx*, cv_ctx**)' is called on every path (called at line [[@LINE+3]]){{$}}
  auto p = std::make_pair(1, Derive(parent, &child));
  int rc = work(child);
  p.second();
  return rc;
}

// Returned by value: the caller owes it, and a caller that forgets it on
// one path loses it.
CancelFn wrap(cv_ctx_t *parent, cv_ctx_t **child) {
  // CHECK: std-function-handle.cpp:[[@LINE+1]]:10: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'Derive(cv_ctx*, cv_ctx**)' is transferred to the caller (returned to the caller at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
  return Derive(parent, child);
}

int wrapped_lost(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: std-function-handle.cpp:[[@LINE+2]]:15: remark: LostCancel: returns at {{.*}}std-function-handle.cpp:[[@LINE+5]] without cancelling the handle created at line [[@LINE+2]] by 'wrap(cv_ctx*, cv_ctx**)' ('wrap(cv_ctx*, cv_ctx**)', which creates it with 'Derive(cv_ctx*, cv_ctx**)' at line [[@LINE-5]]){{$}}
  // O2: std-function-handle.cpp:[[@LINE+1]]:15: remark: LostCancel: returns at {{.*}}std-function-handle.cpp:[[@LINE+7]] without cancelling the handle created at line [[@LINE+1]] by 'Derive(cv_ctx*, cv_ctx**)'{{$}}
  auto stop = wrap(parent, &child);
  int rc = work(child);
  if (rc < 0)
    return rc;
  stop();
  return rc;
}

// Positive: called on the success path only.
int called_on_some_paths(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: std-function-handle.cpp:[[@LINE+2]]:15: remark: LostCancel: returns at {{.*}}std-function-handle.cpp:[[@LINE+5]] without cancelling the handle created at line [[@LINE+2]] by 'Derive(cv_ctx*, cv_ctx**)'{{$}}
  // O2: std-function-handle.cpp:[[@LINE+1]]:15: remark: LostCancel: returns at {{.*}}std-function-handle.cpp:[[@LINE+7]] without cancelling the handle created at line [[@LINE+1]] by 'Derive(cv_ctx*, cv_ctx**)'{{$}}
  auto stop = Derive(parent, &child);
  int rc = work(child);
  if (rc < 0)
    return rc;
  stop();
  return rc;
}

// Positive: kept in a variable and destroyed, never called.
int never_called(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: std-function-handle.cpp:[[@LINE+1]]:15: remark: DiscardedCancel: the cancel handle from 'Derive(cv_ctx*, cv_ctx**)' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  auto stop = Derive(parent, &child);
  return work(child);
}

// Positive: the copy in the lambda is destroyed without being called.
int copy_never_called(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: std-function-handle.cpp:[[@LINE+1]]:15: remark: LostCancel: returns at {{.*}}std-function-handle.cpp:[[@LINE+4]] without cancelling the handle created at line [[@LINE+1]] by 'Derive(cv_ctx*, cv_ctx**)'{{$}}
  auto stop = Derive(parent, &child);
  auto fin = [stop] { stop(); };
  return work(child);
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
