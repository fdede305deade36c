/* Incident 4, fixed (retry loop): each attempt cancels its own handle
 * before the next one is made.
 *
 * CancelVerify reports CancelVerified (cancelled) at the cv_with_timeout
 * call in the loop.
 */
#include "cv_context.h"

int send_msg(cv_ctx_t *ctx, int fd, const char *msg, long len);

/* Sends one message, trying up to three times with 200 ms per attempt. */
int send_with_retry(cv_ctx_t *ctx, int fd, const char *msg, long len) {
  int rc = -1;
  for (int attempt = 0; attempt < 3 && rc != 0; attempt++) {
    cv_ctx_t *actx;
    cv_cancel_t *cancel = cv_with_timeout(ctx, 200, &actx);
    rc = send_msg(actx, fd, msg, len);
    cv_cancel(cancel);
  }
  return rc;
}
