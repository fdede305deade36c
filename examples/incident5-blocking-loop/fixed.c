/* Incident 5, fixed: the loop waits with its context before it reads.
 *
 * cv_wait_ready() blocks until fd is readable and returns non-zero early
 * when ctx is cancelled; the loop returns on that. The read() that follows
 * finds data waiting.
 *
 * CancelVerify reports LoopObservesCancel at the `for`.
 */
#include "cv_context.h"

#include <unistd.h>

int handle_request(cv_ctx_t *ctx, int fd, const char *req, long len);

/* Reads whatever part of the next request has arrived. */
static long read_request(int fd, char *buf, long cap) {
  return read(fd, buf, cap);
}

/* Serves requests on one connection until the peer closes it. */
int serve_conn(cv_ctx_t *ctx, int fd) {
  char buf[1024];
  for (;;) {
    if (cv_wait_ready(ctx, fd) != 0)
      return -1; /* cancelled */
    long n = read_request(fd, buf, sizeof buf);
    if (n <= 0)
      return n == 0 ? 0 : -1;
    if (handle_request(ctx, fd, buf, n) != 0)
      return -1;
  }
}
