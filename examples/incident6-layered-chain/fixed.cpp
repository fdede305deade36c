// Incident 6, fixed (C++): the middle layer guards its context too.
//
// With a cv::cancel_guard, the query context is cancelled when
// load_profile returns and when the exception from the query unwinds
// through it.
//
// CancelVerify reports CancelVerified (guarded) at both cv_with_timeout
// calls.
#include "cv_context.hpp"

#include <stdexcept>

struct profile {
  int id;
  char name[64];
};

// The storage lookup; null when the user is unknown.
const profile *lookup_profile(cv_ctx_t *ctx, int user);

// Throws std::runtime_error when the query fails.
profile query_profile(cv_ctx_t *ctx, int user) {
  const profile *p = lookup_profile(ctx, user);
  if (!p)
    throw std::runtime_error("no such profile");
  return *p;
}

// Profile service: one query with its own deadline.
profile load_profile(cv_ctx_t *ctx, int user) {
  cv_ctx_t *qctx;
  cv::cancel_guard cancel(cv_with_timeout(ctx, 50, &qctx));
  return query_profile(qctx, user);
}

// Handler: one second for the whole request.
int handle_profile(cv_ctx_t *req, int user, profile &out) {
  cv_ctx_t *ctx;
  cv::cancel_guard cancel(cv_with_timeout(req, 1000, &ctx));
  try {
    out = load_profile(ctx, user);
  } catch (const std::runtime_error &) {
    return -1;
  }
  return 0;
}
