/* Incident 1, buggy: the cancel is owned by a completion that cancels only
 * on success.
 *
 * Go: `ctx, cancel := context.WithTimeout(ctx, d)` and the cancel is called
 * by a callback only when the fetch succeeds. In C the closure is the
 * fetch_op state handed to fetch_done(). A failed fetch leaves the child
 * context and its timer alive until the parent dies.
 *
 * CancelVerify follows the handle into fetch_done(), sees that the failure
 * path returns without cancelling, and reports LostCancel at the
 * cv_with_timeout call in handle_get, naming the `return n;` it reaches.
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
  if (result < 0) {
    log_failure("fetch", result);
    return; /* the failed fetch keeps its deadline */
  }
  cv_cancel(op->cancel);
}

/* GET handler: fetches one object with a 500 ms budget. */
long handle_get(cv_ctx_t *ctx, int fd, char *buf, long len) {
  struct fetch_op op;
  op.cancel = cv_with_timeout(ctx, 500, &op.ctx);
  long n = fetch_object(op.ctx, fd, buf, len);
  fetch_done(&op, n);
  return n;
}
