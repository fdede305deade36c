// A guard whose destructor cancels runs while an exception unwinds the
// scope: the throw is covered, and the creation is verified (guarded).
// An explicit cancel in a catch-all handler that rethrows covers the
// exception path as well.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O2 --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);

struct Failure {
  int code;
};

class CancelGuard {
public:
  explicit CancelGuard(cv_cancel_t *cancel) : cancel_(cancel) {}
  CancelGuard(const CancelGuard &) = delete;
  ~CancelGuard() { cv_cancel(cancel_); }

private:
  cv_cancel_t *cancel_;
};

// The throw leaves through the guard's destructor.
int guarded_throw(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: exception-guard-ok.cpp:[[@LINE+3]]:17: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'cv_with_cancel' is guarded on every path: the destructor 'CancelGuard::~CancelGuard{{(\(\))?}}' cancels it at scope exit
  // O0-SAME: {{ }}(cancelled by 'cv_cancel' at line 20){{$}}
  // O2-SAME: {{ }}(cancelled by 'cv_cancel' at line {{[0-9]+}}){{$}}
  CancelGuard g(cv_with_cancel(parent, &child));
  int rc = work(child);
  if (rc < 0)
    throw Failure{rc};
  return rc;
}

// The guard lives in an outer scope; the throw comes from a nested block.
int guarded_nested_throw(cv_ctx_t *parent, int n) {
  cv_ctx_t *child;
  // CHECK: exception-guard-ok.cpp:[[@LINE+3]]:25: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'cv_with_timeout' is guarded on every path: the destructor 'CancelGuard::~CancelGuard{{(\(\))?}}' cancels it at scope exit
  // O0-SAME: {{ }}(cancelled by 'cv_cancel' at line 20){{$}}
  // O2-SAME: {{ }}(cancelled by 'cv_cancel' at line {{[0-9]+}}){{$}}
  cv_cancel_t *cancel = cv_with_timeout(parent, 100, &child);
  CancelGuard g(cancel);
  for (int i = 0; i < n; ++i) {
    if (work(child) < 0)
      throw Failure{i};
  }
  return 0;
}

// A catch-all handler cancels and rethrows; the normal path cancels too.
int cancel_and_rethrow(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: exception-guard-ok.cpp:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: {{.*}}{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc;
  try {
    rc = work(child);
    if (rc < 0)
      throw Failure{rc};
  } catch (...) {
    cv_cancel(cancel);
    throw;
  }
  cv_cancel(cancel);
  return rc;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
