// The same creation in both arms of an if is hoisted by the optimizer into
// one call that has no line of its own (line 0). The finding is placed
// where the scope both arms share begins, never at line 0 or "line ?".
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark --check-prefix=O0
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark --check-prefix=O2
#include <stdlib.h>

int pick(void);
void show(const char *s);

void both_arms_leak(void) {
  char *p;
  // O2: merged-creation-location.c:[[@LINE+1]]:{{[0-9]+}}: remark: LostCancel: returns at {{.*}}merged-creation-location.c:[[@LINE+11]] without cancelling the handle created at line [[@LINE+1]] by 'malloc'{{$}}
  if (pick()) {
    // O0: merged-creation-location.c:[[@LINE+1]]:9: remark: LostCancel: returns at {{.*}}merged-creation-location.c:[[@LINE+9]] without cancelling the handle created at line [[@LINE+1]] by 'malloc'{{$}}
    p = malloc(8);
  } else {
    // O0: merged-creation-location.c:[[@LINE+1]]:9: remark: LostCancel: returns at {{.*}}merged-creation-location.c:[[@LINE+6]] without cancelling the handle created at line [[@LINE+1]] by 'malloc'{{$}}
    p = malloc(8);
  }
  if (!p)
    return;
  show(p);
}
