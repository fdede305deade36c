// For the option tests: an API without annotations that a model file
// (plain-api.yaml) describes, and loops blocking in read() (a wait of the
// posix catalog): one stopped by a volatile flag, one by a plain global,
// one never.
#include <signal.h>
#include <unistd.h>

typedef struct op op_t;
op_t *op_begin(void);
void op_end(op_t *op);
int step(void);
int fail(void);

int run(void) {
  op_t *op = op_begin();
  if (step() < 0)
    return fail();
  op_end(op);
  return 0;
}

volatile sig_atomic_t g_stop;

void read_until_stopped(int fd) {
  char buf[16];
  while (!g_stop)
    read(fd, buf, sizeof buf);
}

int g_done;

void read_until_done(int fd) {
  char buf[16];
  while (!g_done)
    read(fd, buf, sizeof buf);
}

void read_forever(int fd) {
  char buf[16];
  for (;;)
    read(fd, buf, sizeof buf);
}
