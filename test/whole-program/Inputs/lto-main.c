// The program's entry for the LTO tests: calls what main.c defines, so the
// link keeps it.
#include "ctx-api.h"
int step(ctx_t *c) { return c != 0; }
int good(ctx_t *), bad(ctx_t *), out_param(ctx_t *), detached(ctx_t *);
void pump(ctx_t *, int), pump_flag(int), pump_forever(int);
int main(int argc, char **argv) {
  ctx_t *c = (ctx_t *)argv;
  if (argc > 5) {
    pump(c, 0);
    pump_flag(0);
    pump_forever(0);
  }
  return good(c) + bad(c) + out_param(c) + detached(c);
}
