// A handle given to a std::shared_ptr whose deleter cancels it belongs to
// the shared owners: copies and moves share it, and the last owner to be
// destroyed or reset() runs the deleter. The deleter is a function pointer,
// a functor or a lambda; one that leaves the handle alone adopts nothing,
// and one that cannot be followed is an escape. At -O2 the owners'
// destructors are inlined and cannot be followed to the last: the handle
// is the owner's from the adoption on.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
#include <memory>
#include <utility>
#include "cv_context.h"

int work(cv_ctx_t *ctx);
void release_later(cv_cancel_t *c);

struct Canceller {
  void operator()(cv_cancel_t *c) const { cv_cancel(c); }
};

using Shared = std::shared_ptr<cv_cancel_t>;

int with_function(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: shared-ptr-owner.cpp:[[@LINE+2]]:12: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'cv_with_cancel' is guarded on every path: the destructor 'std::shared_ptr<cv_cancel>::~shared_ptr()' cancels it at scope exit (cancelled by 'cv_cancel' at line [[@LINE+2]]){{$}}
  // O2: shared-ptr-owner.cpp:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+1]]{{$}}
  Shared p(cv_with_cancel(parent, &child), cv_cancel);
  return work(child);
}

int with_functor(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: shared-ptr-owner.cpp:[[@LINE+2]]:12: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'cv_with_cancel' is guarded on every path: the destructor 'std::shared_ptr<cv_cancel>::~shared_ptr()' cancels it at scope exit (cancelled by 'cv_cancel' at line 19){{$}}
  // O2: shared-ptr-owner.cpp:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+1]]{{$}}
  Shared p(cv_with_cancel(parent, &child), Canceller());
  return work(child);
}

int with_lambda(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: shared-ptr-owner.cpp:[[@LINE+2]]:12: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'cv_with_cancel' is guarded on every path: the destructor 'std::shared_ptr<cv_cancel>::~shared_ptr()' cancels it at scope exit (cancelled by 'cv_cancel' at line [[@LINE+3]]){{$}}
  // O2: shared-ptr-owner.cpp:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+1]]{{$}}
  Shared p(cv_with_cancel(parent, &child),
           [](cv_cancel_t *c) { cv_cancel(c); });
  return work(child);
}

// Copies and moves share the handle; the last of them cancels it.
int shared_by_copies(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: shared-ptr-owner.cpp:[[@LINE+2]]:12: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'cv_with_cancel' is guarded on every path: the destructor 'std::shared_ptr<cv_cancel>::~shared_ptr()' cancels it at scope exit (cancelled by 'cv_cancel' at line [[@LINE+2]]){{$}}
  // O2: shared-ptr-owner.cpp:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+1]]{{$}}
  Shared p(cv_with_cancel(parent, &child), cv_cancel);
  Shared q = p;
  Shared r = std::move(q);
  Shared s;
  s = r;
  s.swap(q);
  return work(child);
}

int given_by_reset(cv_ctx_t *parent) {
  cv_ctx_t *child;
  Shared p;
  // O0: shared-ptr-owner.cpp:[[@LINE+2]]:11: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'cv_with_cancel' is guarded on every path: the destructor 'std::shared_ptr<cv_cancel>::~shared_ptr()' cancels it at scope exit (cancelled by 'cv_cancel' at line 19){{$}}
  // O2: shared-ptr-owner.cpp:[[@LINE+1]]:11: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+1]]{{$}}
  p.reset(cv_with_cancel(parent, &child), Canceller());
  return work(child);
}

// Released early by the only owner.
int reset_early(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: shared-ptr-owner.cpp:[[@LINE+2]]:12: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+2]] (through 'std::__shared_ptr<cv_cancel, (__gnu_cxx::_Lock_policy)2>::reset()' at line [[@LINE+4]]){{$}}
  // O2: shared-ptr-owner.cpp:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+1]]{{$}}
  Shared p(cv_with_cancel(parent, &child), cv_cancel);
  int rc = work(child);
  p.reset();
  return rc + work(child);
}

// A helper that gives up the owner it is passed.
__attribute__((noinline)) void drop(Shared &p) { p.reset(); }
int dropped_by_helper(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: shared-ptr-owner.cpp:[[@LINE+2]]:12: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'cv_with_cancel' is cancelled on every path: cancelled (through 'drop(std::shared_ptr<cv_cancel>&)' at line [[@LINE+4]]){{$}}
  // O2: shared-ptr-owner.cpp:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+1]]{{$}}
  Shared p(cv_with_cancel(parent, &child), cv_cancel);
  int rc = work(child);
  drop(p);
  return rc;
}

// Returned by value: the owner is built in the caller's return slot, and
// the shared pointer is what the caller holds, not the handle.
__attribute__((noinline)) Shared derive(cv_ctx_t *parent, cv_ctx_t **child) {
  // CHECK: shared-ptr-owner.cpp:[[@LINE+1]]:17: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+1]]{{$}}
  return Shared(cv_with_cancel(parent, child), cv_cancel);
}
int owner_from_helper(cv_ctx_t *parent) {
  cv_ctx_t *child;
  Shared p = derive(parent, &child);
  return work(child);
}

// Positive: the deleter does not cancel.
int deleter_keeps(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // (The exit is where the owner is destroyed, at the closing brace.)
  // CHECK: shared-ptr-owner.cpp:[[@LINE+1]]:12: remark: LostCancel: returns at {{.*}}shared-ptr-owner.cpp:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  Shared p(cv_with_cancel(parent, &child), [](cv_cancel_t *) {});
  return work(child);
}

// Positive: the early return leaves before any owner has it.
int owner_too_late(cv_ctx_t *parent, int fast) {
  cv_ctx_t *child;
  // CHECK: shared-ptr-owner.cpp:[[@LINE+1]]:20: remark: LostCancel: returns at {{.*}}shared-ptr-owner.cpp:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *h = cv_with_cancel(parent, &child);
  if (fast)
    return work(child);
  Shared p(h, cv_cancel);
  return work(child);
}

// A deleter without a body or a model cannot be followed.
int unknown_deleter(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: shared-ptr-owner.cpp:[[@LINE+1]]:12: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'cv_with_cancel' escapes: given to a std::shared_ptr whose deleter cannot be followed at line [[@LINE+1]]; it cannot be followed{{$}}
  Shared p(cv_with_cancel(parent, &child), release_later);
  return work(child);
}

// A copy kept in a global outlives the function: at -O0 it escapes; at
// -O2 the adoption already decided.
static Shared Kept;
int copy_kept(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: shared-ptr-owner.cpp:[[@LINE+2]]:12: remark: CancelEscapes: the handle created at line [[@LINE+2]] by 'cv_with_cancel' escapes: stored in global '_ZL4Kept' at line [[@LINE+3]]; it cannot be followed{{$}}
  // O2: shared-ptr-owner.cpp:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+1]]{{$}}
  Shared p(cv_with_cancel(parent, &child), cv_cancel);
  Kept = p;
  return work(child);
}
