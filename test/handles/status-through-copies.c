// An integer handle (a descriptor) is its creation's status: a test of a
// copy of it, reloaded from a variable assigned more than once, is a status
// check; a callee testing it knows what the caller's path knows; a wrapper
// returning the created value keeps the `success=` condition. Conditions
// joined by && and || (one branch on an and/or at -O2) decide each part.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/descriptors.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/descriptors.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int ready(void);
static int open_data(void);

static void close_if_open(int fd) {
  if (fd != -1)
    close(fd);
}

void callee_tests_status(void) {
  int fd = -1;
  // O0: status-through-copies.c:[[@LINE+2]]:8: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'open' is cancelled on every path: cancelled by 'close' at line 18 (through 'close_if_open' at line [[@LINE+3]]){{$}}
  // O2: status-through-copies.c:[[@LINE+1]]:8: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'open' is cancelled on every path: cancelled by 'close' at line [[@LINE+2]]{{$}}
  fd = open("data", O_RDONLY);
  close_if_open(fd);
}

void wrapper_keeps_status(void) {
  int fd = -1;
  // At -O2 the wrapper is inlined and the creation is its 'open'.
  // O0: status-through-copies.c:[[@LINE+3]]:8: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'open_data' ('open_data', which creates it with 'open' at line {{[0-9]+}}) is cancelled on every path: cancelled by 'close' at line [[@LINE+5]]{{$}}
  // O0: status-through-copies.c:{{[0-9]+}}:8: remark: CancelVerified: the handle created at line {{[0-9]+}} by 'open' is transferred to the caller (returned to the caller at line {{[0-9]+}}); each call of this function is judged as a creation{{$}}
  // O2: status-through-copies.c:[[@LINE+1]]:8: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'open' is cancelled on every path: cancelled by 'close' at line [[@LINE+3]]{{$}}
  fd = open_data();
  if (fd != -1)
    close(fd);
}

void zero_is_a_descriptor(void) {
  int fd = -1;
  // CHECK: status-through-copies.c:[[@LINE+1]]:8: remark: LostCancel: returns at {{.*}}status-through-copies.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+1]] by 'open{{(_data' \('open_data', which creates it with 'open' at line [0-9]+\))?|'}}{{$}}
  fd = open_data();
  if (fd > 0)
    close(fd);
}

void both_parts_decide(int verbose) {
  // CHECK: status-through-copies.c:[[@LINE+1]]:23: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'fopen' is cancelled on every path: cancelled by 'fclose' at line [[@LINE+4]]{{$}}
  FILE *f = verbose ? fopen("log", "w") : NULL;
  if (!verbose || f == NULL)
    return;
  fclose(f);
}

void one_part_unknown(void) {
  // CHECK: status-through-copies.c:[[@LINE+1]]:13: remark: LostCancel: returns at {{.*}}status-through-copies.c:{{[0-9]+}} without cancelling the handle created at line [[@LINE+1]] by 'fopen'{{$}}
  FILE *f = fopen("log", "w");
  if (f != NULL && ready())
    fclose(f);
}

static int open_data(void) {
  int fd = -1;
  fd = open("data", O_RDONLY);
  return fd;
}
