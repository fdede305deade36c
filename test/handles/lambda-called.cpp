// A lambda that cancels, called on every path, discharges the handle it
// reaches, whether it captured the handle by reference or by value, or
// takes it as a parameter. A lambda that is only made, never called, or
// called on some paths, does not.
//
// At -O0 the message names the cancel inside the lambda and the call of
// the lambda; at -O2 the lambda is inlined and the cancel sits at the
// call.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O2 --implicit-check-not=remark
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);

// Captured by reference, called at the end.
int by_reference(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: lambda-called.cpp:[[@LINE+3]]:25: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line
  // O0-SAME: {{ }}[[@LINE+3]] (through 'by_reference(cv_ctx*)::$_0::operator()() const' at line [[@LINE+5]]){{$}}
  // O2-SAME: {{ }}[[@LINE+4]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  auto finish = [&] { cv_cancel(cancel); };
  int rc = work(child);
  finish();
  return rc;
}

// Captured by value, called on both paths.
int by_value(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: lambda-called.cpp:[[@LINE+3]]:25: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'cv_with_timeout' is cancelled on every path: cancelled by 'cv_cancel'
  // O0-SAME: {{ }}at line [[@LINE+3]] (through 'by_value(cv_ctx*)::$_0::operator()() const' at line [[@LINE+5]]) and cancelled by 'cv_cancel' at line [[@LINE+3]] (through 'by_value(cv_ctx*)::$_0::operator()() const' at line [[@LINE+8]]){{$}}
  // O2-SAME: {{$}}
  cv_cancel_t *cancel = cv_with_timeout(parent, 100, &child);
  auto finish = [cancel] { cv_cancel(cancel); };
  if (work(child) < 0) {
    finish();
    return report_failure(child);
  }
  finish();
  return 0;
}

// The handle is the lambda's parameter.
int as_parameter(cv_ctx_t *parent) {
  cv_ctx_t *child;
  auto release = [](cv_cancel_t *c) { cv_cancel(c); };
  // CHECK: lambda-called.cpp:[[@LINE+3]]:25: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line
  // O0-SAME: {{ }}[[@LINE-2]] (through 'as_parameter(cv_ctx*)::$_0::operator()(cv_cancel*) const' at line [[@LINE+4]]){{$}}
  // O2-SAME: {{ }}[[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = work(child);
  release(cancel);
  return rc;
}

// Positive: the lambda is called only when the work succeeded.
int called_on_success(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: lambda-called.cpp:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}lambda-called.cpp:[[@LINE+4]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  auto finish = [&] { cv_cancel(cancel); };
  if (work(child) < 0)
    return report_failure(child);
  finish();
  return 0;
}

// Positive: the lambda is made and never called; nothing ever reads the
// handle.
int never_called(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: lambda-called.cpp:[[@LINE+1]]:25: remark: DiscardedCancel: the cancel handle from 'cv_with_cancel' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  auto finish = [&] { cv_cancel(cancel); };
  return work(child);
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
