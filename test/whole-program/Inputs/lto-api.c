// The context API's implementation, linked as an ordinary object: to the
// verifier its functions are what ctx-api.h's annotations say.
#include "ctx-api.h"
int ctx_with_cancel(ctx_t *p, ctx_t **c, cancel_t **k) {
  *c = p;
  *k = 0;
  return 0;
}
void cancel_call(cancel_t *c) { (void)c; }
int ctx_done(ctx_t *c) { return c == 0; }
long conn_read(int fd, char *b, long n) { return fd + (b != 0) + n; }
ctx_t *ctx_background(void) { return 0; }
