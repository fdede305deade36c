/* Incident 5, buggy: a socket read loop that never looks at its context.
 *
 * Go: `for { n, err := conn.Read(buf); ... }` in a goroutine that has a
 * ctx but never selects on ctx.Done(). The connection handler blocks in
 * read() until the peer sends or hangs up; cancelling ctx cannot reach it.
 *
 * CancelVerify reports LoopIgnoresCancel at the `for`, naming the blocking
 * call, 'read' inside read_request(), and the call chain to it.
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
    long n = read_request(fd, buf, sizeof buf);
    if (n <= 0)
      return n == 0 ? 0 : -1;
    if (handle_request(ctx, fd, buf, n) != 0)
      return -1;
  }
}
