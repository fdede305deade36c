// A function that fills the same slot of the object its caller passed on
// every path, with a different creation on each branch (`if (name)
// s->name = malloc(n); else s->name = malloc(1);`), creates on every call:
// its callers owe what it put there (create-if-absent.c has a slot filled
// on one branch only, which is no creation).
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/descriptors.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/descriptors.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
#include <stdlib.h>
#include <string.h>

struct named {
  char *name;
};
void show(const char *s);

void name_init(struct named *n, const char *name) {
  if (name) {
    // CHECK: filled-on-every-branch.c:[[@LINE+1]]:15: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'malloc' is transferred to the caller (stored for the caller at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
    n->name = malloc(strlen(name) + 1);
    if (!n->name)
      exit(1);
    strcpy(n->name, name);
  } else {
    // CHECK: filled-on-every-branch.c:[[@LINE+1]]:15: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'malloc' is transferred to the caller (stored for the caller at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
    n->name = malloc(1);
    if (!n->name)
      exit(1);
    n->name[0] = '\0';
  }
}

void shown_and_dropped(void) {
  struct named n;
  // O0: filled-on-every-branch.c:[[@LINE+2]]:3: remark: LostCancel: returns at {{.*}}filled-on-every-branch.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+2]] by 'name_init' ('name_init', which creates it with 'malloc' at line [[@LINE-15]]){{$}}
  // O2: filled-on-every-branch.c:[[@LINE+1]]:3: remark: LostCancel: returns at {{.*}}filled-on-every-branch.c:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'malloc'{{$}}
  name_init(&n, "x");
  show(n.name);
}

void shown_and_freed(void) {
  struct named n;
  // O0: filled-on-every-branch.c:[[@LINE+2]]:3: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'name_init' ('name_init', which creates it with 'malloc' at line [[@LINE-23]]) is cancelled on every path: cancelled by 'free' at line [[@LINE+4]]{{$}}
  // O2: filled-on-every-branch.c:[[@LINE+1]]:3: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'malloc' is cancelled on every path: cancelled by 'free' at line [[@LINE+3]]{{$}}
  name_init(&n, "x");
  show(n.name);
  free(n.name);
}
