/* Incident 3, buggy: the handler derives its work from the root context.
 *
 * Go: `ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)`
 * in a handler that was given r.Context(). When the client goes away the
 * request's context is cancelled, but the report keeps rendering for up to
 * five seconds: nothing connects the two.
 *
 * CancelVerify reports DetachedContext at the cv_with_timeout call: its
 * parent is a root although req_ctx is at hand. The handle itself is
 * cancelled on every path, but a detached creation is not reported as
 * verified.
 */
#include "cv_context.h"

int authorized(cv_ctx_t *ctx, int client);
int render_report(cv_ctx_t *ctx, int client, int report_id);

/* GET /report/{id}: renders a report with a 5 s budget. */
int handle_report(cv_ctx_t *req_ctx, int client, int report_id) {
  if (!authorized(req_ctx, client))
    return 403;
  cv_ctx_t *ctx;
  cv_cancel_t *cancel = cv_with_timeout(cv_background(), 5000, &ctx);
  int status = render_report(ctx, client, report_id);
  cv_cancel(cancel);
  return status;
}
