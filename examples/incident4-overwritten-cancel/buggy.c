/* Incident 4, buggy: a variable that a scope-exit cleanup cancels is
 * reassigned.
 *
 * Go: `ctx, cancel := context.WithTimeout(ctx, 2*time.Second)` followed by
 * `defer func() { cancel() }()`, then later `ctx, cancel =
 * context.WithTimeout(ctx, 200*time.Millisecond)` for the connect. The
 * deferred call cancels whatever `cancel` holds at exit: the connect
 * budget. The 2 s request budget is never cancelled.
 *
 * In C the deferred closure is a cleanup attribute on the variable.
 * CancelVerify reports OverwrittenCancel at the second cv_with_timeout call,
 * whose result overwrites the undischarged first handle, and CancelVerified
 * (guarded) for the second handle.
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
  cancel = cv_with_timeout(rctx, 200, &cctx);
  int upstream = upstream_connect(cctx, host);
  if (upstream < 0)
    return -1;
  return relay(rctx, client, upstream);
}
