// Uses the helpers of helpers.c, declared here without annotations.
#include "ctx-api.h"
cancel_t *start_op(ctx_t *parent, ctx_t **child);
int begin_op(ctx_t *parent, ctx_t **child, cancel_t **out);
void finish_op(cancel_t *c);
long read_some(int fd, char *buf);
int should_stop(ctx_t *c);
extern volatile int g_state;
int step(ctx_t *c);

int good(ctx_t *parent) {
  ctx_t *child;
  cancel_t *c = start_op(parent, &child);
  if (!c)
    return -1;
  int r = step(child);
  finish_op(c);
  return r;
}

int bad(ctx_t *parent) {
  ctx_t *child;
  cancel_t *c = start_op(parent, &child);
  if (!c)
    return -1;
  if (step(child) < 0)
    return -2;
  finish_op(c);
  return 0;
}

int out_param(ctx_t *parent) {
  ctx_t *child;
  cancel_t *c;
  if (begin_op(parent, &child, &c) != 0)
    return -1;
  return step(child);
}

void pump(ctx_t *c, int fd) {
  char buf[64];
  while (!should_stop(c))
    read_some(fd, buf);
}

void pump_flag(int fd) {
  char buf[64];
  while (!g_state)
    read_some(fd, buf);
}

void pump_forever(int fd) {
  char buf[64];
  for (;;)
    read_some(fd, buf);
}

// Derived from the root through the helper although a context is at hand.
int detached(ctx_t *req) {
  ctx_t *child;
  cancel_t *c = start_op(ctx_background(), &child);
  if (!c)
    return -1;
  int r = step(child);
  finish_op(c);
  return r;
}
