/* Incident 4, fixed: each budget has its own variable and its own cancel.
 *
 * The request budget keeps the scope-exit cleanup; the connect budget is
 * cancelled as soon as the connect returns, which is when it stops
 * mattering.
 *
 * CancelVerify reports CancelVerified at both cv_with_timeout calls:
 * guarded for the request budget, cancelled for the connect budget.
 */
#include "cv_context.h"

int upstream_connect(cv_ctx_t *ctx, const char *host);
int relay(cv_ctx_t *ctx, int client, int upstream);

static void cancel_at_exit(cv_cancel_t **cancel) { cv_cancel(*cancel); }
/* Cancels the variable's handle when the scope ends, like Go's defer. */
#define CANCEL_AT_EXIT __attribute__((cleanup(cancel_at_exit)))

/* Proxies one request: 2 s for the whole request, 200 ms for the connect. */
int proxy(cv_ctx_t *ctx, int client, const char *host) {
  cv_ctx_t *rctx, *cctx;
  CANCEL_AT_EXIT cv_cancel_t *cancel = cv_with_timeout(ctx, 2000, &rctx);
  cv_cancel_t *connect_cancel = cv_with_timeout(rctx, 200, &cctx);
  int upstream = upstream_connect(cctx, host);
  cv_cancel(connect_cancel);
  if (upstream < 0)
    return -1;
  return relay(rctx, client, upstream);
}
