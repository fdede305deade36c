/* Incident 6, buggy: a middle layer of a context chain forgets its cancel on
 * one path.
 *
 * Three layers: the handler derives a 1 s request context, the profile
 * service derives its own child, and the database client derives a 50 ms
 * query context whose cancel it hands up to the service. The service
 * returns early on a cache hit without cancelling its child: the chain is
 * cut in the middle, and that child lives until the request context dies.
 *
 * CancelVerify reports, per layer:
 *   db_begin       CancelVerified (transferred to caller): the service owes it
 *   load_profile   LostCancel at cv_with_cancel, naming the `return 0;` of
 *                  the cache hit; CancelVerified (cancelled) at the db_begin
 *                  call, whose handle the service does cancel
 *   handle_profile CancelVerified (cancelled)
 */
#include "cv_context.h"

struct profile;
int cache_lookup(cv_ctx_t *ctx, int user, struct profile *out);
int db_query(cv_ctx_t *ctx, int user, struct profile *out);

/* Database client: a per-query deadline; the caller cancels it. */
cv_cancel_t *db_begin(cv_ctx_t *ctx, cv_ctx_t **qctx) {
  return cv_with_timeout(ctx, 50, qctx);
}

/* Profile service: the cache first, then the database. */
int load_profile(cv_ctx_t *ctx, int user, struct profile *out) {
  cv_ctx_t *sctx, *qctx;
  cv_cancel_t *cancel = cv_with_cancel(ctx, &sctx);
  if (cache_lookup(sctx, user, out) == 0)
    return 0;
  cv_cancel_t *query_cancel = db_begin(sctx, &qctx);
  int rc = db_query(qctx, user, out);
  cv_cancel(query_cancel);
  cv_cancel(cancel);
  return rc;
}

/* Handler: one second for the whole request. */
int handle_profile(cv_ctx_t *req, int user, struct profile *out) {
  cv_ctx_t *ctx;
  cv_cancel_t *cancel = cv_with_timeout(req, 1000, &ctx);
  int rc = load_profile(ctx, user, out);
  cv_cancel(cancel);
  return rc;
}
