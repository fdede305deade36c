// cv_context.hpp - C++ guards over cv_context.h: Go's `defer cancel()` as RAII.
//
// cv::cancel_guard owns one cancel handle and cancels it when the scope ends,
// on every return and every exception. cv::scope_exit runs any callable at
// scope exit, like Go's `defer func() { ... }()`. CancelVerify follows the
// handle into the guard and its destructor and reports the creation as
// guarded.
#ifndef CV_CONTEXT_HPP
#define CV_CONTEXT_HPP

#include "cv_context.h"

#include <utility>

namespace cv {

// Cancels the handle it was given when it goes out of scope. Neither copyable
// nor movable: the scope that creates the handle is the one that releases it.
class cancel_guard {
public:
  explicit cancel_guard(cv_cancel_t *cancel) noexcept : cancel_(cancel) {}
  cancel_guard(const cancel_guard &) = delete;
  cancel_guard &operator=(const cancel_guard &) = delete;
  ~cancel_guard() { cv_cancel(cancel_); }

private:
  cv_cancel_t *cancel_;
};

// Calls f at scope exit. A lambda that captures by reference sees the
// variables as they are at exit, not as they were when the guard was made.
template <class F> class scope_exit {
public:
  explicit scope_exit(F f) noexcept : f_(std::move(f)) {}
  scope_exit(const scope_exit &) = delete;
  scope_exit &operator=(const scope_exit &) = delete;
  ~scope_exit() { f_(); }

private:
  F f_;
};

} // namespace cv

#endif // CV_CONTEXT_HPP
