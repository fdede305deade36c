/* Incident 1, fixed: the completion cancels on every outcome.
 *
 * Same handler as buggy.c, but fetch_done() releases the deadline first and
 * only then looks at the result, so success and failure both cancel.
 *
 * CancelVerify follows the handle into fetch_done(), finds a cancel on every
 * path, and reports CancelVerified (cancelled) at the cv_with_timeout call.
 */
#include "cv_context.h"

long fetch_object(cv_ctx_t *ctx, int fd, char *buf, long len);
void log_failure(const char *what, long status);

/* The closure's environment: what the completion needs once the fetch ends. */
struct fetch_op {
  cv_ctx_t *ctx;
  cv_cancel_t *cancel;
};

/* Completion: runs once the fetch has finished, with its result. */
static void fetch_done(struct fetch_op *op, long result) {
  cv_cancel(op->cancel); /* every outcome releases the deadline */
  if (result < 0)
    log_failure("fetch", result);
}

/* GET handler: fetches one object with a 500 ms budget. */
long handle_get(cv_ctx_t *ctx, int fd, char *buf, long len) {
  struct fetch_op op;
  op.cancel = cv_with_timeout(ctx, 500, &op.ctx);
  long n = fetch_object(op.ctx, fd, buf, len);
  fetch_done(&op, n);
  return n;
}
