/* Incident 3, fixed: the deadline is derived from the request's context.
 *
 * The 5 s budget still applies, and the client going away now cancels the
 * rendering too.
 *
 * CancelVerify reports CancelVerified (cancelled) at the cv_with_timeout
 * call, and no DetachedContext.
 */
#include "cv_context.h"

int authorized(cv_ctx_t *ctx, int client);
int render_report(cv_ctx_t *ctx, int client, int report_id);

/* GET /report/{id}: renders a report with a 5 s budget. */
int handle_report(cv_ctx_t *req_ctx, int client, int report_id) {
  if (!authorized(req_ctx, client))
    return 403;
  cv_ctx_t *ctx;
  cv_cancel_t *cancel = cv_with_timeout(req_ctx, 5000, &ctx);
  int status = render_report(ctx, client, report_id);
  cv_cancel(cancel);
  return status;
}
