// Incident 2, buggy (C++): cancellation thrown into the loop's own catch-all.
//
// The feed poller turns cancellation into an exception, the usual C++ way
// to unwind a request. But the loop wraps each round in `catch (...)` to
// survive bad updates, so the exception lands in that handler, gets logged
// as one more failed round, and the loop polls again: cancellation is seen
// and swallowed, like a Go `select` whose Done case only breaks the select.
//
// CancelVerify reports LoopCancelNotActedOn at the `for`: the observation
// (cv_done) leads only to blocks inside the loop.
#include "cv_context.h"

#include <exception>

struct cancelled : std::exception {
  const char *what() const noexcept override { return "cancelled"; }
};

void apply_update(const char *buf, long len);
void log_error(const char *msg) noexcept;

void poll_feed(cv_ctx_t *ctx, int conn) {
  char buf[512];
  for (;;) {
    try {
      if (cv_done(ctx))
        throw cancelled();
      long n = cv_conn_read(conn, buf, sizeof buf);
      if (n <= 0)
        return;
      apply_update(buf, n);
    } catch (...) {
      log_error("poll_feed: round failed, polling again");
    }
  }
}
