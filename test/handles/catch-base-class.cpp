// A catch clause for a base class catches a derived exception: for the
// standard exceptions by the standard's hierarchy, for the module's own
// classes by their type info. The type thrown is known from a throw in the
// function or from a callee that lets out one type only. A clause for an
// unrelated class does not catch it, and the handle leaves with the
// exception.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include <stdexcept>
#include "cv_context.h"

struct AppError {
  virtual ~AppError() {}
};
struct NetError : AppError {};

__attribute__((noinline)) void fail_std(int code) {
  if (code)
    throw std::runtime_error("failed");
}
__attribute__((noinline)) void fail_app(int code) {
  if (code)
    throw NetError();
}

int standard_base(cv_ctx_t *parent, int code) {
  cv_ctx_t *child;
  // CHECK: catch-base-class.cpp:[[@LINE+1]]:20: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+6]]{{$}}
  cv_cancel_t *c = cv_with_cancel(parent, &child);
  try {
    fail_std(code);
  } catch (const std::exception &) {
  }
  cv_cancel(c);
  return 0;
}

int own_base(cv_ctx_t *parent, int code) {
  cv_ctx_t *child;
  // CHECK: catch-base-class.cpp:[[@LINE+1]]:20: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+6]]{{$}}
  cv_cancel_t *c = cv_with_cancel(parent, &child);
  try {
    fail_app(code);
  } catch (const AppError &) {
  }
  cv_cancel(c);
  return 0;
}

// Positive: a runtime_error is not a logic_error.
int unrelated_clause(cv_ctx_t *parent, int code) {
  cv_ctx_t *child;
  // CHECK: catch-base-class.cpp:[[@LINE+1]]:20: remark: LostCancel: leaves by an exception at {{.*}}catch-base-class.cpp:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *c = cv_with_cancel(parent, &child);
  try {
    fail_std(code);
  } catch (const std::logic_error &) {
  }
  cv_cancel(c);
  return 0;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
