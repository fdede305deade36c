// A descriptor stored in a passed object on some paths only: what the
// caller knows of it reaches the helper only when every path to the call
// stored it there. Here the `!want` path keeps the descriptor out of the
// object, so the helper's `if (c->fd >= 0) close(c->fd);` does not close
// it and the descriptor leaks on that path.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/open-nonnegative.yaml > %t.O0.out
// RUN: FileCheck %s < %t.O0.out
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/open-nonnegative.yaml > %t.O2.out
// RUN: FileCheck %s < %t.O2.out
#include <fcntl.h>
#include <unistd.h>

struct conn {
  int flags;
  int fd;
};

__attribute__((noinline)) void conn_close(struct conn *c) {
  if (c->fd >= 0)
    close(c->fd);
}

// Positive: stored only when wanted.
void stored_when_wanted(const char *path, int want) {
  struct conn c;
  c.flags = 0;
  c.fd = -1;
  // CHECK: limits-of-caller-facts.c:[[@LINE+1]]:12: remark: LostCancel: {{.*}}the handle created at line [[@LINE+1]] by 'open'
  int fd = open(path, O_RDONLY);
  if (want)
    c.fd = fd;
  conn_close(&c);
}
