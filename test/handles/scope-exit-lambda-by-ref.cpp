// A scope-exit object runs a lambda when the scope ends, like Go's
// `defer func() { cancel() }()`. Captured by reference, the lambda cancels
// whatever the variable holds at exit: it guards the handle on every path,
// but a handle assigned to the variable later replaces the first one,
// which is then never cancelled (OverwrittenCancel).
//
// At -O0 the cancel is named inside the lambda; at -O2 the destructor and
// the lambda are inlined and the cancel sits at the end of the scope.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O2 --implicit-check-not=remark
#include "Inputs/scope_exit.h"
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);

// Guarded; the early return is covered.
int guarded(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: scope-exit-lambda-by-ref.cpp:[[@LINE+3]]:25: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'cv_with_cancel' is guarded on every path: the destructor 'ScopeExit<{{.*}}>::~ScopeExit{{(\(\))?}}' cancels it at scope exit
  // O0-SAME: {{ }}(cancelled by 'cv_cancel' at line [[@LINE+3]]){{$}}
  // O2-SAME: {{ }}(cancelled by 'cv_cancel' at line [[@LINE+6]]){{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  ScopeExit done([&] { cv_cancel(cancel); });
  if (work(child) < 0)
    return report_failure(child);
  return work(parent);
}

// The lambda is made before the handle exists and tests it for null.
int guard_first(cv_ctx_t *parent, bool bounded) {
  cv_cancel_t *cancel = nullptr;
  ScopeExit done([&] {
    if (cancel)
      cv_cancel(cancel);
  });
  cv_ctx_t *ctx = parent;
  if (bounded)
    // CHECK: scope-exit-lambda-by-ref.cpp:[[@LINE+3]]:14: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'cv_with_timeout' is guarded on every path: the destructor 'ScopeExit<{{.*}}>::~ScopeExit{{(\(\))?}}' cancels it at scope exit
    // O0-SAME: {{ }}(cancelled by 'cv_cancel' at line [[@LINE-5]]){{$}}
    // O2-SAME: {{ }}(cancelled by 'cv_cancel' at line [[@LINE+3]]){{$}}
    cancel = cv_with_timeout(parent, 100, &ctx);
  return work(ctx);
}

// Positive: the variable is reassigned after the guard was made; the
// guard cancels the second handle, the first one is lost.
int reassigned(cv_ctx_t *parent) {
  cv_ctx_t *request, *dial;
  cv_cancel_t *cancel = cv_with_timeout(parent, 2000, &request);
  ScopeExit done([&] { cv_cancel(cancel); });
  // CHECK: scope-exit-lambda-by-ref.cpp:[[@LINE+4]]:12: remark: OverwrittenCancel: the handle created at line [[@LINE-2]] by 'cv_with_timeout' is overwritten at line [[@LINE+4]] before it was cancelled{{$}}
  // CHECK: scope-exit-lambda-by-ref.cpp:[[@LINE+3]]:12: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'cv_with_timeout' is guarded on every path: the destructor 'ScopeExit<{{.*}}>::~ScopeExit{{(\(\))?}}' cancels it at scope exit
  // O0-SAME: {{ }}(cancelled by 'cv_cancel' at line [[@LINE-3]]){{$}}
  // O2-SAME: {{ }}(cancelled by 'cv_cancel' at line [[@LINE+3]]){{$}}
  cancel = cv_with_timeout(request, 200, &dial);
  return work(dial);
}

// Positive: the guard comes after an early return.
int guard_too_late(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: scope-exit-lambda-by-ref.cpp:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}scope-exit-lambda-by-ref.cpp:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  ScopeExit done([&] { cv_cancel(cancel); });
  return work(parent);
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
