/* Ticket handling in C: one leaked handle, one loop that never looks at
 * cancellation, and their correct twins. */
#include "tickets.h"

int handle_ticket(tk_ctx *ctx, int fd) {
  tk_cancel *cancel;
  tk_ctx *child = tk_derive(ctx, &cancel);
  char buf[64];
  if (tk_next_request(fd, buf, sizeof buf) < 0)
    return -1; /* the child is never released on this path */
  tk_release(cancel);
  return tk_cancelled(child);
}

int serve(tk_ctx *ctx, int fd) {
  char buf[64];
  int served = 0;
  while (tk_next_request(fd, buf, sizeof buf) > 0) /* never checks ctx */
    ++served;
  (void)ctx;
  return served;
}

int serve_until_cancelled(tk_ctx *ctx, int fd) {
  char buf[64];
  int served = 0;
  while (!tk_cancelled(ctx) && tk_next_request(fd, buf, sizeof buf) > 0)
    ++served;
  return served;
}
