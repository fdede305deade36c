/* Incident 6, fixed: every layer discharges what it created or was handed.
 *
 * The service registers its cancel with the request's deferred-cleanup list
 * (Go's `defer cancel()`) right after creating it, so the cache-hit return
 * is covered too.
 *
 * CancelVerify reports, per layer:
 *   db_begin       CancelVerified (transferred to caller)
 *   load_profile   CancelVerified (deferred) at cv_with_cancel,
 *                  CancelVerified (cancelled) at the db_begin call
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
int load_profile(cv_ctx_t *ctx, cv_defers_t *defers, int user,
                 struct profile *out) {
  cv_ctx_t *sctx, *qctx;
  cv_cancel_t *cancel = cv_with_cancel(ctx, &sctx);
  cv_defer(defers, cancel); /* Go's `defer cancel()` */
  if (cache_lookup(sctx, user, out) == 0)
    return 0;
  cv_cancel_t *query_cancel = db_begin(sctx, &qctx);
  int rc = db_query(qctx, user, out);
  cv_cancel(query_cancel);
  return rc;
}

/* Handler: one second for the whole request. */
int handle_profile(cv_ctx_t *req, cv_defers_t *defers, int user,
                   struct profile *out) {
  cv_ctx_t *ctx;
  cv_cancel_t *cancel = cv_with_timeout(req, 1000, &ctx);
  int rc = load_profile(ctx, defers, user, out);
  cv_cancel(cancel);
  return rc;
}
