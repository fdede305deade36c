// A handle stored through a pointer that a local object holds (a list's
// item array, a container's buffer) is in memory other pointers reach by
// paths the verifier does not match: it escapes there rather than being
// followed by one path and reported lost when it is freed through another.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
#include <stdlib.h>

struct bag {
  char **items;
  int count;
};

void show(const char *s);

void freed_through_another_pointer(int grow) {
  char *small[2];
  char *large[8];
  struct bag b = {small, 0};
  if (grow)
    b.items = large;
  // At -O2 the memory is gone and the value is followed to the free.
  // O0: stored-behind-pointer.c:[[@LINE+2]]:13: remark: CancelEscapes: the handle created at line [[@LINE+2]] by 'malloc' escapes: stored in memory the verifier cannot follow at line [[@LINE+3]]; it cannot be followed{{$}}
  // O2: stored-behind-pointer.c:[[@LINE+1]]:13: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'malloc' is cancelled on every path: cancelled by 'free' at line [[@LINE+4]]{{$}}
  char *p = malloc(4);
  b.items[0] = p;
  show(b.items[0]);
  free(grow ? large[0] : small[0]);
}

void kept_in_a_local(void) {
  // CHECK: stored-behind-pointer.c:[[@LINE+1]]:13: remark: LostCancel: returns at {{.*}}stored-behind-pointer.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+1]] by 'malloc'{{$}}
  char *p = malloc(4);
  char *copy = p;
  show(copy);
}
