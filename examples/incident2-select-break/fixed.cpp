// Incident 2, fixed (C++): cancellation is checked where it can leave the
// loop.
//
// The catch-all still keeps one bad update from stopping the poller, but
// cancellation no longer travels through it: the loop checks cv_done before
// each round and returns.
//
// CancelVerify reports LoopObservesCancel at the `for`.
#include "cv_context.h"

void apply_update(const char *buf, long len);
void log_error(const char *msg) noexcept;

void poll_feed(cv_ctx_t *ctx, int conn) {
  char buf[512];
  for (;;) {
    if (cv_done(ctx))
      return;
    try {
      long n = cv_conn_read(conn, buf, sizeof buf);
      if (n <= 0)
        return;
      apply_update(buf, n);
    } catch (...) {
      log_error("poll_feed: round failed, polling again");
    }
  }
}
