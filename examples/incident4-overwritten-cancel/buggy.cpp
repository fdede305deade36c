// Incident 4, buggy (C++): a scope_exit that cancels `cancel` by reference,
// and `cancel` is reassigned.
//
// Go: `defer func() { cancel() }()` and a later `ctx, cancel =
// context.WithTimeout(...)`. The lambda reads `cancel` when the scope ends,
// so it cancels the 200 ms connect budget; the 2 s request budget it was
// written for is lost.
//
// CancelVerify reports OverwrittenCancel at the second cv_with_timeout call,
// and CancelVerified (guarded) for the second handle.
#include "cv_context.hpp"

int upstream_connect(cv_ctx_t *ctx, const char *host);
int relay(cv_ctx_t *ctx, int client, int upstream);

// Proxies one request: 2 s for the whole request, 200 ms for the connect.
int proxy(cv_ctx_t *ctx, int client, const char *host) {
  cv_ctx_t *rctx, *cctx;
  cv_cancel_t *cancel = cv_with_timeout(ctx, 2000, &rctx);
  cv::scope_exit release([&] { cv_cancel(cancel); });
  cancel = cv_with_timeout(rctx, 200, &cctx);
  int upstream = upstream_connect(cctx, host);
  if (upstream < 0)
    return -1;
  return relay(rctx, client, upstream);
}
