// What the caller knows of a descriptor reaches a helper that reads it back
// from the object it is given: `c.fd = open(...); conn_close(&c);` with
// `if (c->fd >= 0) close(c->fd);` closes every descriptor open returned,
// and so does a helper testing an array element for -1. The helpers are
// kept out of line so that -O2 asks the same question as -O0. A helper
// that tests something open's status does not decide (`> 2`), or that
// rewrites the field before testing it, still cancels only on some paths.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/open-nonnegative.yaml > %t.O0.out
// RUN: FileCheck %s < %t.O0.out
// RUN: grep -c 'remark: CancelVerified' %t.O0.out | grep -x 3
// RUN: grep -c 'remark: LostCancel' %t.O0.out | grep -x 2
// RUN: grep -c remark %t.O0.out | grep -x 5
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/open-nonnegative.yaml > %t.O2.out
// RUN: FileCheck %s < %t.O2.out
// RUN: grep -c 'remark: CancelVerified' %t.O2.out | grep -x 3
// RUN: grep -c 'remark: LostCancel' %t.O2.out | grep -x 2
// RUN: grep -c remark %t.O2.out | grep -x 5
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

__attribute__((noinline)) void close_slot(int *slots) {
  int fd = slots[2];
  if (fd != -1)
    close(fd);
}

__attribute__((noinline)) void close_high(struct conn *c) {
  if (c->fd > 2)
    close(c->fd);
}

__attribute__((noinline)) void close_unless_reset(struct conn *c, int reset) {
  if (reset)
    c->fd = -1;
  if (c->fd != -1)
    close(c->fd);
}

void field_closed(const char *path) {
  struct conn c;
  c.flags = 0;
  // CHECK-DAG: status-in-passed-object.c:[[@LINE+1]]:10: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'open' is cancelled on every path: cancelled by 'close' at line 29 (through 'conn_close' at line [[@LINE+2]])
  c.fd = open(path, O_RDONLY);
  conn_close(&c);
}

void checked_then_field_closed(const char *path) {
  struct conn c;
  // CHECK-DAG: status-in-passed-object.c:[[@LINE+1]]:10: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'open' is cancelled on every path
  c.fd = open(path, O_RDONLY);
  if (c.fd < 0)
    return;
  c.flags = 1;
  conn_close(&c);
}

void slot_closed(const char *path) {
  int slots[4];
  // CHECK-DAG: status-in-passed-object.c:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'open' is cancelled on every path: cancelled by 'close' at line 35 (through 'close_slot' at line [[@LINE+2]])
  slots[2] = open(path, O_RDONLY);
  close_slot(slots);
}

// Positive: descriptors 0 to 2 are not closed.
void field_closed_when_high(const char *path) {
  struct conn c;
  // CHECK-DAG: status-in-passed-object.c:[[@LINE+1]]:10: remark: LostCancel: returns at {{.*}}status-in-passed-object.c:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'open'; 'close_high' cancels it only on some paths
  c.fd = open(path, O_RDONLY);
  close_high(&c);
}

// Positive: the helper may forget the descriptor before it tests it.
void field_reset_by_helper(const char *path, int reset) {
  struct conn c;
  // CHECK-DAG: status-in-passed-object.c:[[@LINE+1]]:10: remark: LostCancel: returns at {{.*}}status-in-passed-object.c:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'open'; 'close_unless_reset' cancels it only on some paths
  c.fd = open(path, O_RDONLY);
  close_unless_reset(&c, reset);
}
