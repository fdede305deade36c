// With `success=ret>=0`, a test of a copy of the descriptor against -1
// decides the status: `fd != -1` leaves only descriptors (>= 0), and the
// copy here is reloaded from variables assigned more than once.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/open-nonnegative.yaml | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/open-nonnegative.yaml | FileCheck %s --implicit-check-not=remark
#include <fcntl.h>
#include <unistd.h>

void copied_through_pointers(void) {
  int fd = -1;
  int *first = &fd, *second = &fd;
  {
    int d = *first;
    // CHECK: status-nonnegative-copies.c:[[@LINE+1]]:9: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'open' is cancelled on every path: cancelled by 'close' at line [[@LINE+7]]{{$}}
    d = open("data", O_RDONLY);
    *first = d;
  }
  {
    int d = *second;
    if (d != -1)
      close(d);
  }
}

void closed_only_when_positive(void) {
  int fd = -1;
  // CHECK: status-nonnegative-copies.c:[[@LINE+1]]:8: remark: LostCancel: returns at {{.*}}status-nonnegative-copies.c:{{[0-9]+}} without cancelling the handle created at line [[@LINE+1]] by 'open'{{$}}
  fd = open("data", O_RDONLY);
  if (fd > 0)
    close(fd);
}
