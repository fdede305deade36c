// A guard object whose destructor cancels the handle it holds covers every
// way out of its scope: CancelVerified (guarded), naming the destructor.
// A guard made on one branch only covers that branch. std::unique_ptr with
// a deleter that cancels is such a guard too.
//
// At -O0 the cancel is named inside the destructor; at -O2 the destructor
// is inlined and the cancel sits at the closing brace of the guarded scope.
// The destructor is spelled from the symbol at -O0 and from the inlined
// scope's debug info at -O2.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O2 --implicit-check-not=remark
#include <memory>
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);

class CancelGuard {
public:
  explicit CancelGuard(cv_cancel_t *cancel) : cancel_(cancel) {}
  CancelGuard(const CancelGuard &) = delete;
  CancelGuard &operator=(const CancelGuard &) = delete;
  ~CancelGuard() { cv_cancel(cancel_); }

private:
  cv_cancel_t *cancel_;
};

// The guard takes the handle straight from the creator.
int guarded(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: raii-guard.cpp:[[@LINE+3]]:17: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'cv_with_cancel' is guarded on every path: the destructor 'CancelGuard::~CancelGuard{{(\(\))?}}' cancels it at scope exit
  // O0-SAME: {{ }}(cancelled by 'cv_cancel' at line 24){{$}}
  // O2-SAME: {{ }}(cancelled by 'cv_cancel' at line [[@LINE+5]]){{$}}
  CancelGuard g(cv_with_cancel(parent, &child));
  if (work(child) < 0)
    return report_failure(child);
  return work(parent);
}

// The handle goes through a local first.
int guarded_from_local(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: raii-guard.cpp:[[@LINE+3]]:25: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'cv_with_timeout' is guarded on every path: the destructor 'CancelGuard::~CancelGuard{{(\(\))?}}' cancels it at scope exit
  // O0-SAME: {{ }}(cancelled by 'cv_cancel' at line 24){{$}}
  // O2-SAME: {{ }}(cancelled by 'cv_cancel' at line [[@LINE+4]]){{$}}
  cv_cancel_t *cancel = cv_with_timeout(parent, 100, &child);
  CancelGuard g(cancel);
  return work(child);
}

// std::unique_ptr with a deleter type that cancels.
struct Canceller {
  void operator()(cv_cancel_t *cancel) const { cv_cancel(cancel); }
};

int unique_ptr_guard(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: raii-guard.cpp:[[@LINE+3]]:45: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'cv_with_cancel' is guarded on every path: the destructor '{{(std::)?}}unique_ptr<cv_cancel, Canceller>::~unique_ptr{{(\(\))?}}' cancels it at scope exit
  // O0-SAME: {{ }}(cancelled by 'cv_cancel' at line 55){{$}}
  // O2-SAME: {{ }}(cancelled by 'cv_cancel' at line [[@LINE+5]]){{$}}
  std::unique_ptr<cv_cancel_t, Canceller> g(cv_with_cancel(parent, &child));
  if (work(child) < 0)
    return report_failure(child);
  return work(parent);
}

// Positive: the guard is made on one branch only.
int guarded_on_one_branch(cv_ctx_t *parent, bool fast) {
  cv_ctx_t *child;
  // CHECK: raii-guard.cpp:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}raii-guard.cpp:[[@LINE+6]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (fast) {
    CancelGuard g(cancel);
    return work(child);
  }
  return report_failure(parent);
}

// Positive: a guard that holds something else; the handle is not in it.
// -O2 runs the other guard's destructor on the way out and names the
// closing brace as the exit.
int guard_holds_other(cv_ctx_t *parent, cv_cancel_t *other) {
  cv_ctx_t *child;
  CancelGuard g(other);
  // O0: raii-guard.cpp:[[@LINE+2]]:25: remark: LostCancel: returns at {{.*}}raii-guard.cpp:[[@LINE+4]] without cancelling the handle created at line [[@LINE+2]] by 'cv_with_cancel'{{$}}
  // O2: raii-guard.cpp:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}raii-guard.cpp:[[@LINE+6]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
