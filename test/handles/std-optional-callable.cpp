// A cancel function kept in a std::optional, filled on one branch: `if
// (cancel)` says whether the optional holds it, so the branch that skips
// the call is the one on which nothing was created. std::optional's test
// (operator bool, has_value) is read as the test of the handle it holds,
// called or, in optimized code, inlined as a load of its engaged flag.
//
// RUN: %cv-remarks O0 %s -I %examples/include -std=c++17 | FileCheck %s --implicit-check-not=remark --check-prefix=O0
// RUN: %cv-remarks O2 %s -I %examples/include -std=c++17 | FileCheck %s --implicit-check-not=remark --check-prefix=O2
#include <functional>
#include <optional>
#include "cv_context.h"

int work(cv_ctx_t *ctx);

std::function<void()> with_cancel_fn(cv_ctx_t *parent, cv_ctx_t **child) {
  // O0: std-optional-callable.cpp:[[@LINE+2]]:20: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'cv_with_cancel' is transferred to the caller (stored for the caller by 'std::function<void ()>::function<with_cancel_fn(cv_ctx*, cv_ctx**)::$_0, void>(with_cancel_fn(cv_ctx*, cv_ctx**)::$_0&&)' at line [[@LINE+3]]); each call of this function is judged as a creation{{$}}
  // O2: std-optional-callable.cpp:[[@LINE+1]]:20: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is transferred to the caller (stored for the caller at line [[@LINE+2]]); each call of this function is judged as a creation{{$}}
  cv_cancel_t *c = cv_with_cancel(parent, child);
  return [c] { cv_cancel(c); };
}

int cancelled_if_made(cv_ctx_t *parent, bool bounded) {
  cv_ctx_t *child = parent;
  std::optional<std::function<void()>> cancel;
  if (bounded)
    // O0: std-optional-callable.cpp:[[@LINE+2]]:14: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'with_cancel_fn(cv_ctx*, cv_ctx**)' ('with_cancel_fn(cv_ctx*, cv_ctx**)', which creates it with 'cv_with_cancel' at line [[@LINE-8]]) is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE-7]] (through 'std::function<void ()>::operator()() const' at line [[@LINE+5]]){{$}}
    // O2: std-optional-callable.cpp:[[@LINE+1]]:14: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'cv_with_cancel' escapes: passed to an indirect call at line [[@LINE+4]]; it cannot be followed{{$}}
    cancel = with_cancel_fn(parent, &child);
  int rc = work(child);
  if (cancel.has_value())
    (*cancel)();
  return rc;
}

int tested_not_called(cv_ctx_t *parent, bool bounded) {
  cv_ctx_t *child = parent;
  std::optional<std::function<void()>> cancel;
  if (bounded)
    // O0: std-optional-callable.cpp:[[@LINE+2]]:14: remark: LostCancel: returns at {{.*}}std-optional-callable.cpp:[[@LINE+6]] without cancelling the handle created at line [[@LINE+2]] by 'with_cancel_fn(cv_ctx*, cv_ctx**)' ('with_cancel_fn(cv_ctx*, cv_ctx**)', which creates it with 'cv_with_cancel' at line [[@LINE-21]]){{$}}
    // O2: std-optional-callable.cpp:[[@LINE+1]]:14: remark: LostCancel: returns at {{.*}}std-optional-callable.cpp:[[@LINE+2]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
    cancel = with_cancel_fn(parent, &child);
  int rc = work(child);
  if (cancel)
    rc = -rc;
  return rc;
}
