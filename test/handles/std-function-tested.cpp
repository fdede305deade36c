// A std::function handle that holds its target is not empty: testing it
// (`if (stop)`, `stop != nullptr`, a guard's `if (stop_) stop_();`) takes
// the branch that calls it, at -O0 (the members are calls) and at -O2 (an
// inlined comparison of its manager with null). A handle only tested,
// never called, is discarded.
//
// A creator may return the CancelFunc beside other things (Go's
// `ctx, cancel := WithCancel(parent)` as a std::pair or a struct of the
// API): the one std::function inside is the handle, the rest owes nothing.
//
// RUN: %cv-remarks O0 %s -I %examples/include -std=c++17 > %t.O0.out
// RUN: FileCheck %s --check-prefixes=CHECK,O0 < %t.O0.out && grep remark %t.O0.out | count 8
// RUN: %cv-remarks O2 %s -I %examples/include -std=c++17 > %t.O2.out
// RUN: FileCheck %s --check-prefixes=CHECK,O2 < %t.O2.out && grep remark %t.O2.out | count 8
#include <functional>
#include <utility>
#include "cv_context.h"

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
using CancelFn = std::function<void()>;
CV("create:handle=ret") CancelFn Derive(cv_ctx_t *parent, cv_ctx_t **child);
struct Derived {
  cv_ctx_t *ctx;
  CancelFn cancel;
};
CV("create:handle=ret") Derived DeriveBoth(cv_ctx_t *parent);
CV("create:handle=ret")
std::pair<cv_ctx_t *, CancelFn> DerivePair(cv_ctx_t *parent);
int work(cv_ctx_t *ctx);

struct Job {
  CancelFn stop;
  ~Job() {
    if (stop)
      stop();
  }
};

int guard_tests_member(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // Optimized code inlines the destructor: the call is placed at the
  // closing brace and the destructor spelled from the debug info.
  // O0: std-function-tested.cpp:[[@LINE+2]]:9: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'Derive(cv_ctx*, cv_ctx**)' is guarded on every path: the destructor 'Job::~Job()' cancels it at scope exit (called at line 35){{$}}
  // O2: std-function-tested.cpp:[[@LINE+1]]:9: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'Derive(cv_ctx*, cv_ctx**)' is guarded on every path: the destructor 'Job::~Job' cancels it at scope exit (called at line [[@LINE+3]]){{$}}
  Job j{Derive(parent, &child)};
  return work(child);
}

int tested_then_called(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: std-function-tested.cpp:[[@LINE+1]]:15: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'Derive(cv_ctx*, cv_ctx**)' is called on every path (called at line [[@LINE+4]]){{$}}
  auto stop = Derive(parent, &child);
  int rc = work(child);
  if (stop)
    stop();
  return rc;
}

int compared_with_nullptr(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: std-function-tested.cpp:[[@LINE+1]]:15: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'Derive(cv_ctx*, cv_ctx**)' is called on every path (called at line [[@LINE+5]]){{$}}
  auto stop = Derive(parent, &child);
  int rc = work(child);
  if (stop == nullptr)
    return rc;
  stop();
  return rc;
}

int tested_never_called(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: std-function-tested.cpp:[[@LINE+1]]:15: remark: DiscardedCancel: the cancel handle from 'Derive(cv_ctx*, cv_ctx**)' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  auto stop = Derive(parent, &child);
  int rc = work(child);
  if (!stop)
    rc = -1;
  return rc;
}

int struct_member_called(cv_ctx_t *parent) {
  // CHECK: std-function-tested.cpp:[[@LINE+1]]:15: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'DeriveBoth(cv_ctx*)' is called on every path (called at line [[@LINE+3]]){{$}}
  Derived d = DeriveBoth(parent);
  int rc = work(d.ctx);
  d.cancel();
  return rc;
}

int struct_member_lost(cv_ctx_t *parent) {
  // -O2 merges the two returns: the exit is named at the closing brace.
  // O0: std-function-tested.cpp:[[@LINE+2]]:15: remark: LostCancel: returns at {{.*}}std-function-tested.cpp:[[@LINE+4]] without cancelling the handle created at line [[@LINE+2]] by 'DeriveBoth(cv_ctx*)'{{$}}
  // O2: std-function-tested.cpp:[[@LINE+1]]:15: remark: LostCancel: returns at {{.*}}std-function-tested.cpp:[[@LINE+6]] without cancelling the handle created at line [[@LINE+1]] by 'DeriveBoth(cv_ctx*)'{{$}}
  Derived d = DeriveBoth(parent);
  if (work(d.ctx) < 0)
    return -1;
  d.cancel();
  return 0;
}

int pair_second_called(cv_ctx_t *parent) {
  // CHECK: std-function-tested.cpp:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'DerivePair(cv_ctx*)' is called on every path (called at line [[@LINE+3]]){{$}}
  auto p = DerivePair(parent);
  int rc = work(p.first);
  p.second();
  return rc;
}

int pair_dropped(cv_ctx_t *parent) {
  // The pair, and the CancelFunc in it, is destroyed at the closing brace,
  // named as the exit; -O2 keeps nothing of it but its destruction.
  // O0: std-function-tested.cpp:[[@LINE+2]]:12: remark: LostCancel: returns at {{.*}}std-function-tested.cpp:[[@LINE+4]] without cancelling the handle created at line [[@LINE+2]] by 'DerivePair(cv_ctx*)'{{$}}
  // O2: std-function-tested.cpp:[[@LINE+1]]:12: remark: DiscardedCancel: the cancel handle from 'DerivePair(cv_ctx*)' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  auto p = DerivePair(parent);
  return work(p.first);
}

// RUN: %cv-remarks clang-O2 %s -I %examples/include -std=c++17 > %t.clang.out
// RUN: FileCheck %s --check-prefixes=CHECK,O0 < %t.clang.out && grep remark %t.clang.out | count 8
