// Incident 6, buggy (C++): the middle layer cancels on the normal path and
// an exception takes the other one.
//
// The handler guards its request context; the profile service derives a
// 50 ms query context and cancels it after the query, by hand. When the
// query throws (not found, timed out), the exception leaves load_profile
// before the cancel: the chain is cut in the middle on every failed query.
//
// CancelVerify reports LostCancel at the service's cv_with_timeout call,
// naming the query call the exception leaves through, and CancelVerified
// (guarded) for the handler's context.
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
  cv_cancel_t *cancel = cv_with_timeout(ctx, 50, &qctx);
  profile p = query_profile(qctx, user);
  cv_cancel(cancel);
  return p;
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
