// Incident 4, fixed (C++): one guard per handle.
//
// Each budget is owned by its own cv::cancel_guard; the connect budget's
// guard lives in the block around the connect, so it is released as soon as
// the connect is done.
//
// CancelVerify reports CancelVerified (guarded) at both cv_with_timeout
// calls.
#include "cv_context.hpp"

int upstream_connect(cv_ctx_t *ctx, const char *host);
int relay(cv_ctx_t *ctx, int client, int upstream);

// Proxies one request: 2 s for the whole request, 200 ms for the connect.
int proxy(cv_ctx_t *ctx, int client, const char *host) {
  cv_ctx_t *rctx;
  cv::cancel_guard request_budget(cv_with_timeout(ctx, 2000, &rctx));
  int upstream;
  {
    cv_ctx_t *cctx;
    cv::cancel_guard connect_budget(cv_with_timeout(rctx, 200, &cctx));
    upstream = upstream_connect(cctx, host);
  }
  if (upstream < 0)
    return -1;
  return relay(rctx, client, upstream);
}
