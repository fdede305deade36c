// A std::function<void()> holding a lambda that cancels, and invoked on
// every path, discharges the handle the lambda captured: CancelVerified.
// Invoked on some paths only, the handle is lost.
//
// At -O0 the call goes through std::function<void()>::operator() and the
// invoker pointer its constructor stored in this object; several
// std::functions in one module each reach their own lambda.
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O2 --implicit-check-not=remark
#include <functional>
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);

// Captured by value, invoked at the end.
int invoked(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: std-function.cpp:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel'{{.*}}{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  std::function<void()> stop = [cancel] { cv_cancel(cancel); };
  int rc = work(child);
  stop();
  return rc;
}

// Captured by reference, invoked on both paths.
int invoked_on_both_paths(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: std-function.cpp:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel'{{.*}}{{$}}
  cv_cancel_t *cancel = cv_with_timeout(parent, 100, &child);
  std::function<void()> stop = [&] { cv_cancel(cancel); };
  if (work(child) < 0) {
    stop();
    return report_failure(child);
  }
  stop();
  return 0;
}

// Positive: invoked only when the work succeeded. At -O2 the early return
// shares the std::function's destructor at the closing brace, which is
// named as the exit.
int invoked_on_success(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: std-function.cpp:[[@LINE+2]]:25: remark: LostCancel: returns at {{.*}}std-function.cpp:[[@LINE+5]] without cancelling the handle created at line [[@LINE+2]] by 'cv_with_cancel'{{$}}
  // O2: std-function.cpp:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}std-function.cpp:[[@LINE+7]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  std::function<void()> stop = [cancel] { cv_cancel(cancel); };
  if (work(child) < 0)
    return report_failure(child);
  stop();
  return 0;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
