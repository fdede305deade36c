// A local assigned more than once (as -O0 code keeps every variable) is
// read as the value of the one assignment that every path to the read
// ends with: `data = -1; data = open(...)` passes the descriptor, and a
// helper that tests its parameter before reusing the variable for a file
// of its own is judged on the descriptor it was given.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/descriptors.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/descriptors.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
#include <fcntl.h>
#include <unistd.h>

static void close_then_reuse(int data) {
  if (data != -1)
    close(data);
  // CHECK-DAG: reassigned-local-status.c:[[@LINE+1]]:10: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'open' is cancelled on every path: cancelled by 'close' at line [[@LINE+3]]{{$}}
  data = open("second.txt", O_RDWR | O_CREAT, 0600);
  if (data != -1)
    close(data);
}

void handed_to_helper(void) {
  int data;
  data = -1;
  // O0-DAG: reassigned-local-status.c:[[@LINE+2]]:10: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'open' is cancelled on every path: cancelled by 'close' at line [[@LINE-10]] (through 'close_then_reuse' at line [[@LINE+3]]){{$}}
  // O2-DAG: reassigned-local-status.c:[[@LINE+1]]:10: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'open' is cancelled on every path: cancelled by 'close' at line [[@LINE+2]]{{$}}
  data = open("first.txt", O_RDWR | O_CREAT, 0600);
  close_then_reuse(data);
}

static void close_unless_kept(int fd, int keep) {
  int skip = 0;
  skip = keep;
  if (skip)
    return;
  close(fd);
}

void kept_open(void) {
  // O0: reassigned-local-status.c:[[@LINE+2]]:12: remark: LostCancel: returns at {{.*}}reassigned-local-status.c:[[@LINE+6]] without cancelling the handle created at line [[@LINE+2]] by 'open'{{$}}
  // O2: reassigned-local-status.c:[[@LINE+1]]:12: remark: DiscardedCancel: the cancel handle from 'open' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  int fd = open("first.txt", O_RDONLY);
  if (fd < 0)
    return;
  close_unless_kept(fd, 1);
}

void closed(void) {
  // O0: reassigned-local-status.c:[[@LINE+2]]:12: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'open' is cancelled on every path: cancelled by 'close' at line [[@LINE-13]] (through 'close_unless_kept' at line [[@LINE+5]]){{$}}
  // O2: reassigned-local-status.c:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'open' is cancelled on every path: cancelled by 'close' at line [[@LINE+4]]{{$}}
  int fd = open("first.txt", O_RDONLY);
  if (fd < 0)
    return;
  close_unless_kept(fd, 0);
}
