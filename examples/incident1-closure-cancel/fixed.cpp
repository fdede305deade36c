// Incident 1, fixed (C++): the scope owns the cancel, not the outcome.
//
// Same handler as buggy.cpp, but the handle goes into a cv::cancel_guard
// whose destructor cancels when handle_get returns or unwinds. The
// completion only reports; it no longer decides whether the context lives.
//
// CancelVerify follows the handle into the guard and reports CancelVerified
// (guarded) at the cv_with_timeout call.
#include "cv_context.hpp"

#include <unistd.h>

void log_failure(const char *what, int status);

// Reads one reply from fd and tells `done` how it went; never throws.
template <class Done>
long fetch(int fd, char *buf, long len, Done done) noexcept {
  long n = read(fd, buf, len);
  done(n < 0 ? -1 : 0);
  return n;
}

long handle_get(cv_ctx_t *ctx, int fd, char *buf, long len) {
  cv_ctx_t *child;
  cv::cancel_guard cancel(cv_with_timeout(ctx, 500, &child));
  return fetch(fd, buf, len, [](int status) {
    if (status != 0)
      log_failure("fetch", status);
  });
}
