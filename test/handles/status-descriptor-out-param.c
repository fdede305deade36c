// A descriptor a helper opens into its caller's variable carries open's
// condition (`success=ret>=0`) with it: the caller's `if (fd != -1)
// close(fd);` closes every descriptor there is, also through a helper
// that passes the out-parameter on, or returns what a helper stored. A
// path that tests and forgets, or never closes, is still lost.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/open-nonnegative.yaml > %t.O0.out
// RUN: FileCheck %s < %t.O0.out
// RUN: grep -c 'remark: CancelVerified' %t.O0.out | grep -x 6
// RUN: grep -c 'remark: LostCancel' %t.O0.out | grep -x 2
// RUN: grep -c remark %t.O0.out | grep -x 8
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/open-nonnegative.yaml > %t.O2.out
// RUN: FileCheck %s < %t.O2.out
// RUN: grep -c -E 'remark: (LostCancel|DiscardedCancel)' %t.O2.out | grep -x 2
// RUN: grep -c remark %t.O2.out | grep -x 8
#include <fcntl.h>
#include <unistd.h>

// The helpers hand their descriptors up: CancelVerified (transferred).
// CHECK-DAG: status-descriptor-out-param.c:[[@LINE+1]]:33: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'open'
void open_into(int *fd) { *fd = open("data", O_RDONLY); }
// CHECK-DAG: status-descriptor-out-param.c:[[@LINE+1]]:36: remark: CancelVerified: the handle created at line [[@LINE+1]] by '{{open_into|open}}'
void open_twice_removed(int *fd) { open_into(fd); }
int open_returned(void) {
  int fd;
  // CHECK-DAG: status-descriptor-out-param.c:[[@LINE+1]]:3: remark: CancelVerified: the handle created at line [[@LINE+1]] by '{{open_into|open}}'
  open_into(&fd);
  return fd;
}

void closed_when_open(void) {
  int fd = -1;
  // CHECK-DAG: status-descriptor-out-param.c:[[@LINE+1]]:3: remark: CancelVerified: the handle created at line [[@LINE+1]] by '{{open_into|open}}'{{.*}} is cancelled on every path
  open_into(&fd);
  if (fd != -1)
    close(fd);
}

void closed_when_nonnegative(void) {
  int fd;
  // CHECK-DAG: status-descriptor-out-param.c:[[@LINE+1]]:3: remark: CancelVerified: the handle created at line [[@LINE+1]] by '{{open_twice_removed|open}}'{{.*}} is cancelled on every path
  open_twice_removed(&fd);
  if (fd >= 0)
    close(fd);
}

void returned_then_closed(void) {
  // CHECK-DAG: status-descriptor-out-param.c:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by '{{open_returned|open}}'{{.*}} is cancelled on every path
  int fd = open_returned();
  if (fd == -1)
    return;
  close(fd);
}

// Positive: fd 0 is a descriptor, and `fd > 0` does not close it.
void closed_only_when_positive(void) {
  int fd = -1;
  // CHECK-DAG: status-descriptor-out-param.c:[[@LINE+1]]:3: remark: LostCancel: returns at {{.*}}status-descriptor-out-param.c:{{[0-9]+}} without cancelling the handle created at line [[@LINE+1]] by '{{open_into|open}}'
  open_into(&fd);
  if (fd > 0)
    close(fd);
}

// Positive: tested, and the open descriptor kept nowhere.
int tested_and_forgotten(void) {
  int fd = -1;
  // CHECK-DAG: status-descriptor-out-param.c:[[@LINE+1]]:3: remark: {{LostCancel|DiscardedCancel}}: {{.*}}'{{open_into|open}}'
  open_into(&fd);
  if (fd == -1)
    return -1;
  return 0;
}
