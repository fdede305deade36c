// Helpers one translation unit defines and another uses, none of them
// annotated: what they do is inferred by the summaries.
#include "ctx-api.h"
#include <stddef.h>

cancel_t *start_op(ctx_t *parent, ctx_t **child) {
  cancel_t *c;
  if (ctx_with_cancel(parent, child, &c) != 0)
    return NULL;
  return c;
}

int begin_op(ctx_t *parent, ctx_t **child, cancel_t **out) {
  return ctx_with_cancel(parent, child, out);
}

void finish_op(cancel_t *c) { cancel_call(c); }

long read_some(int fd, char *buf) { return conn_read(fd, buf, 64); }

int should_stop(ctx_t *c) { return ctx_done(c); }

volatile int g_state;
void request_shutdown(void) { g_state = 1; }

// Internal helpers are nobody else's business.
static void quiet(cancel_t *c) { cancel_call(c); }
void finish_quietly(cancel_t *c) { quiet(c); }
