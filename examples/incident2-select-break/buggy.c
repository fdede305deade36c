/* Incident 2, buggy: the loop sees cancellation and keeps going.
 *
 * Go: `for { select { case <-ctx.Done(): log(...); break; default: } ... }`,
 * where `break` leaves the select, not the loop. C's switch has the same
 * trap: the `break` after the log leaves the switch and the pump goes back
 * to reading from a connection whose request is gone.
 *
 * CancelVerify reports LoopCancelNotActedOn at the `while`: the loop
 * observes cancellation (cv_done) but nothing that follows from it leads
 * out of the loop.
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
      break; /* leaves the switch, not the loop */
    }
    long n = cv_conn_read(conn, buf, sizeof buf);
    if (n <= 0)
      return (int)n;
    forward(out, buf, n);
  }
}
