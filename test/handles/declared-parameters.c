// A pointer to const borrows: the caller still owes the cancel. At -O0
// clang describes no declaration in the debug info, so the prototypes are
// read from the source: here from a header included with quotes. A
// prototype in a comment is not one; a const pointer (`char *const`) and a
// plain pointer may keep the handle; a name declared two different ways
// (in two branches of an #ifdef, which are not evaluated) is not known.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark
#include <stdlib.h>
#include "Inputs/declared.h"

int shown(void) {
  // CHECK: declared-parameters.c:[[@LINE+1]]:13: remark: LostCancel: returns at {{.*}}declared-parameters.c:[[@LINE+5]] without cancelling the handle created at line [[@LINE+1]] by 'malloc'{{$}}
  char *p = malloc(16);
  if (!p)
    return -1;
  show(p);
  return 0;
}

void shown_then_freed(void) {
  // CHECK: declared-parameters.c:[[@LINE+1]]:13: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'malloc' is cancelled on every path: cancelled by 'free' at line [[@LINE+5]]{{$}}
  char *p = malloc(16);
  if (!p)
    return;
  show_after(p);
  free(p);
}

void declared_twice_alike(void) {
  // CHECK: declared-parameters.c:[[@LINE+1]]:13: remark: LostCancel: returns at {{.*}}declared-parameters.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+1]] by 'malloc'{{$}}
  char *p = malloc(16);
  if (p)
    twice(p);
}

void stashed(void) {
  // CHECK: declared-parameters.c:[[@LINE+1]]:13: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'malloc' escapes: passed to 'stash', which has no model and no body here at line [[@LINE+3]]; it cannot be followed{{$}}
  char *p = malloc(16);
  if (p)
    stash(p);
}

void pinned(void) {
  // CHECK: declared-parameters.c:[[@LINE+1]]:13: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'malloc' escapes: passed to 'pin', which has no model and no body here at line [[@LINE+3]]; it cannot be followed{{$}}
  char *p = malloc(16);
  if (p)
    pin(p);
}

void in_a_comment(void) {
  // CHECK: declared-parameters.c:[[@LINE+1]]:13: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'malloc' escapes: passed to 'commented', which has no model and no body here at line [[@LINE+3]]; it cannot be followed{{$}}
  char *p = malloc(16);
  if (p)
    commented(p);
}

void declared_two_ways(void) {
  // CHECK: declared-parameters.c:[[@LINE+1]]:13: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'malloc' escapes: passed to 'conflicting', which has no model and no body here at line [[@LINE+3]]; it cannot be followed{{$}}
  char *p = malloc(16);
  if (p)
    conflicting(p);
}
