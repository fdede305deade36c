// Incident 1, handed to an executor (C++): a std::function completion that
// owns the cancel runs at a time nobody here controls.
//
// Go: `go func() { defer cancel(); ... }()`, or a callback queued on a
// worker pool. The lambda cancels on every path, but submit() keeps the
// std::function and runs it on another thread, later, or never.
//
// CancelVerify cannot follow the handle into the queue and does not call it
// verified: it reports CancelEscapes at the cv_with_cancel call
// (-cancel-verify-strict turns that into LostCancel).
#include "cv_context.h"

#include <functional>

// Queues a fetch on the I/O pool; `done` runs on a pool thread when it ends.
// Never throws: when the queue is full, `done` runs with an error.
void submit_fetch(cv_ctx_t *ctx, int fd,
                  std::function<void(int)> done) noexcept;
void log_failure(const char *what, int status);

void start_fetch(cv_ctx_t *ctx, int fd) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(ctx, &child);
  submit_fetch(child, fd, [cancel](int status) {
    if (status != 0)
      log_failure("fetch", status);
    cv_cancel(cancel);
  });
}
