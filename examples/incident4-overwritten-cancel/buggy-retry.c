/* Incident 4, buggy (retry loop): each attempt's creation overwrites the
 * previous attempt's handle.
 *
 * Go: `for ... { ctx, cancel = context.WithTimeout(parent, d); if
 * send(ctx) == nil { break } }` with one `defer cancel()` after the loop.
 * Only the last attempt's handle is cancelled; every failed attempt leaves
 * its timer behind.
 *
 * CancelVerify reports OverwrittenCancel at the cv_with_timeout call in the
 * loop: on the way around, it overwrites a handle nobody cancelled.
 */
#include "cv_context.h"

int send_msg(cv_ctx_t *ctx, int fd, const char *msg, long len);

/* Sends one message, trying up to three times with 200 ms per attempt. */
int send_with_retry(cv_ctx_t *ctx, int fd, const char *msg, long len) {
  cv_ctx_t *actx;
  cv_cancel_t *cancel;
  int attempt = 0, rc;
  do {
    cancel = cv_with_timeout(ctx, 200, &actx);
    rc = send_msg(actx, fd, msg, len);
  } while (rc != 0 && ++attempt < 3);
  cv_cancel(cancel);
  return rc;
}
