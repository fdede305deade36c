// A guard held in a std::optional: the optional's destructor destroys the
// guard it holds, as the standard says, and the guard cancels. How the
// optional knows it holds one (its engaged flag, set inside emplace) is
// library state its callers cannot see, so what a standard library
// destructor does on some paths is taken as done. A class of the program's
// own is judged by its code: a guard disarmed before its destructor runs
// cancels nothing, and a raw handle in an optional is destroyed, not
// cancelled.
//
// RUN: %cv-remarks O0 %s -I %examples/include -std=c++17 > %t.O0.out
// RUN: FileCheck %s < %t.O0.out
// RUN: grep -c 'remark: CancelVerified' %t.O0.out | grep -x 2
// RUN: grep -c 'remark: LostCancel' %t.O0.out | grep -x 2
// RUN: grep -c remark %t.O0.out | grep -x 4
// RUN: %cv-remarks O2 %s -I %examples/include -std=c++17 > %t.O2.out
// RUN: FileCheck %s < %t.O2.out
// RUN: grep -c 'remark: CancelVerified' %t.O2.out | grep -x 2
// RUN: grep -c -E 'remark: (LostCancel|DiscardedCancel)' %t.O2.out | grep -x 2
// RUN: grep -c remark %t.O2.out | grep -x 4
#include <optional>
#include "cv_context.h"

int work(cv_ctx_t *ctx);

class Guard {
public:
  explicit Guard(cv_cancel_t *c) : c_(c) {}
  Guard(Guard &&o) noexcept : c_(o.c_) { o.c_ = nullptr; }
  Guard(const Guard &) = delete;
  ~Guard() {
    if (c_)
      cv_cancel(c_);
  }

private:
  cv_cancel_t *c_;
};

int guarded_when_wanted(cv_ctx_t *parent, bool want) {
  cv_ctx_t *child = parent;
  std::optional<Guard> g;
  // CHECK: std-optional-guard.cpp:[[@LINE+2]]:15: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'cv_with_cancel' is guarded on every path: the destructor '{{.*}}~{{.*}}' cancels it at scope exit
  if (want)
    g.emplace(cv_with_cancel(parent, &child));
  return work(child);
}

int guarded(cv_ctx_t *parent) {
  cv_ctx_t *child;
  std::optional<Guard> g;
  // CHECK: std-optional-guard.cpp:[[@LINE+1]]:13: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is guarded on every path: the destructor '{{.*}}~{{.*}}' cancels it at scope exit
  g.emplace(cv_with_cancel(parent, &child));
  return work(child);
}

// Positive: an optional of a raw handle destroys the pointer only.
int raw_handle(cv_ctx_t *parent) {
  cv_ctx_t *child;
  std::optional<cv_cancel_t *> h;
  // CHECK: std-optional-guard.cpp:[[@LINE+1]]:13: remark: {{LostCancel|DiscardedCancel}}: {{.*}}'cv_with_cancel'
  h.emplace(cv_with_cancel(parent, &child));
  return work(child);
}

class ArmedGuard {
public:
  explicit ArmedGuard(cv_cancel_t *c) : c_(c) {}
  ArmedGuard(const ArmedGuard &) = delete;
  void disarm() { armed_ = false; }
  ~ArmedGuard() {
    if (armed_)
      cv_cancel(c_);
  }

private:
  cv_cancel_t *c_;
  bool armed_ = true;
};

// Positive: the program's own guard, disarmed, and nothing else cancels.
int disarmed(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: std-optional-guard.cpp:[[@LINE+1]]:16: remark: {{LostCancel|DiscardedCancel}}: {{.*}}'cv_with_cancel'
  ArmedGuard g(cv_with_cancel(parent, &child));
  int rc = work(child);
  g.disarm();
  return rc;
}
