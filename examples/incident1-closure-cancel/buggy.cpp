// Incident 1, buggy (C++): a lambda captures the cancel and calls it only on
// success.
//
// Go: `cancel` captured by a completion closure that cancels only when the
// fetch succeeds. fetch() calls its completion with the status; the lambda
// cancels on status 0 and does nothing otherwise, so a failed read leaves
// the 500 ms child context running.
//
// CancelVerify follows the handle into the lambda through fetch() and
// reports LostCancel at the cv_with_timeout call, naming the return it
// reaches without a cancel.
#include "cv_context.h"

#include <unistd.h>

// Reads one reply from fd and tells `done` how it went; never throws.
template <class Done>
long fetch(int fd, char *buf, long len, Done done) noexcept {
  long n = read(fd, buf, len);
  done(n < 0 ? -1 : 0);
  return n;
}

long handle_get(cv_ctx_t *ctx, int fd, char *buf, long len) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_timeout(ctx, 500, &child);
  return fetch(fd, buf, len, [cancel](int status) {
    if (status == 0)
      cv_cancel(cancel);
  });
}
