// A scope-exit guard for the handle tests: runs a callable when the scope
// ends, like Go's `defer func() { ... }()`.
#ifndef CV_TEST_SCOPE_EXIT_H
#define CV_TEST_SCOPE_EXIT_H

#include <utility>

template <class F> class ScopeExit {
public:
  explicit ScopeExit(F f) : f_(std::move(f)) {}
  ScopeExit(const ScopeExit &) = delete;
  ~ScopeExit() { f_(); }

private:
  F f_;
};

#endif // CV_TEST_SCOPE_EXIT_H
