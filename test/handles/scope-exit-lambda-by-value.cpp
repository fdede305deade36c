// A scope-exit object whose lambda captures the handle by value cancels
// the handle the variable held when the lambda was made: it guards that
// handle on every path, whatever happens to the variable afterwards. A
// handle assigned to the variable later is not guarded, and a lambda made
// before the handle existed captured nothing.
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
  // CHECK: scope-exit-lambda-by-value.cpp:[[@LINE+3]]:25: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'cv_with_cancel' is guarded on every path: the destructor 'ScopeExit<{{.*}}>::~ScopeExit{{(\(\))?}}' cancels it at scope exit
  // O0-SAME: {{ }}(cancelled by 'cv_cancel' at line [[@LINE+3]]){{$}}
  // O2-SAME: {{ }}(cancelled by 'cv_cancel' at line [[@LINE+6]]){{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  ScopeExit done([cancel] { cv_cancel(cancel); });
  if (work(child) < 0)
    return report_failure(child);
  return work(parent);
}

// Captured under another name, from the creator's result directly.
int init_capture(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: scope-exit-lambda-by-value.cpp:[[@LINE+3]]:23: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'cv_with_timeout' is guarded on every path: the destructor 'ScopeExit<{{.*}}>::~ScopeExit{{(\(\))?}}' cancels it at scope exit
  // O0-SAME: {{ }}(cancelled by 'cv_cancel' at line [[@LINE+2]]){{$}}
  // O2-SAME: {{ }}(cancelled by 'cv_cancel' at line [[@LINE+3]]){{$}}
  ScopeExit done([c = cv_with_timeout(parent, 100, &child)] { cv_cancel(c); });
  return work(child);
}

// The variable is reassigned after the capture: the lambda's copy of the
// first handle is still cancelled at exit; nothing ever reads the second.
int reassigned(cv_ctx_t *parent) {
  cv_ctx_t *request, *dial;
  // CHECK: scope-exit-lambda-by-value.cpp:[[@LINE+3]]:25: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'cv_with_timeout' is guarded on every path: the destructor 'ScopeExit<{{.*}}>::~ScopeExit{{(\(\))?}}' cancels it at scope exit
  // O0-SAME: {{ }}(cancelled by 'cv_cancel' at line [[@LINE+3]]){{$}}
  // O2-SAME: {{ }}(cancelled by 'cv_cancel' at line [[@LINE+6]]){{$}}
  cv_cancel_t *cancel = cv_with_timeout(parent, 2000, &request);
  ScopeExit done([cancel] { cv_cancel(cancel); });
  // CHECK: scope-exit-lambda-by-value.cpp:[[@LINE+1]]:12: remark: DiscardedCancel: the cancel handle from 'cv_with_timeout' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  cancel = cv_with_timeout(request, 200, &dial);
  return work(dial);
}

// Positive: the lambda captured the variable before it held the handle.
int captured_too_early(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = nullptr;
  ScopeExit done([cancel] {
    if (cancel)
      cv_cancel(cancel);
  });
  // CHECK: scope-exit-lambda-by-value.cpp:[[@LINE+1]]:12: remark: LostCancel: returns at {{.*}}scope-exit-lambda-by-value.cpp:[[@LINE+4]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cancel = cv_with_cancel(parent, &child);
  if (!cancel)
    return report_failure(parent);
  return work(child);
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
