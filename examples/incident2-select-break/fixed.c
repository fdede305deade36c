/* Incident 2, fixed: the Done case leaves the loop.
 *
 * Go's fix is a labelled `break loop` (or a return); in C it is a `goto`
 * past the loop. The pump stops reading as soon as the request is
 * cancelled.
 *
 * CancelVerify reports LoopObservesCancel at the `while`.
 */
#include "cv_context.h"

void log_msg(const char *msg);
void forward(int out, const char *buf, long len);

/* Copies a client's upload to the backend until the client closes. */
int pump(cv_ctx_t *ctx, int conn, int out) {
  char buf[4096];
  while (1) {
    switch (cv_done(ctx)) {
    case 0:
      break;
    default:
      log_msg("pump: request cancelled");
      goto cancelled; /* Go's `break loop` */
    }
    long n = cv_conn_read(conn, buf, sizeof buf);
    if (n <= 0)
      return (int)n;
    forward(out, buf, n);
  }
cancelled:
  return -1;
}
