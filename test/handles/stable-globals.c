// Two tests of the same global read one value when nothing in the function
// may write it between them: `if (g) create; ...; if (g) cancel;` is
// correct. A library call (which cannot reach the program's globals unless
// given their address) and a call of a function without a body keep the
// value; a store to the global, or a call of a function of this module that
// may write it, does not. A constant global never changes.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/descriptors.yaml | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/descriptors.yaml | FileCheck %s --implicit-check-not=remark
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern int tracing;
extern const int mode;
void note(const char *what);
int tracing_level(void);
static void toggle(void) { tracing = !tracing; }

void same_flag_across_library_calls(void) {
  FILE *f = NULL;
  // CHECK: stable-globals.c:[[@LINE+2]]:9: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'fopen' is cancelled on every path: cancelled by 'fclose' at line [[@LINE+5]]{{$}}
  if (tracing)
    f = fopen("trace.log", "w");
  note("opened");
  if (tracing && f != NULL)
    fclose(f);
}

void constant_flag(void) {
  char *p = NULL;
  // CHECK: stable-globals.c:[[@LINE+2]]:9: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'malloc' is cancelled on every path: cancelled by 'free' at line [[@LINE+5]]{{$}}
  if (mode == 5)
    p = malloc(8);
  note(p);
  if (mode == 5)
    free(p);
}

void flag_stored_between(void) {
  FILE *f = NULL;
  // CHECK: stable-globals.c:[[@LINE+2]]:9: remark: LostCancel: returns at {{.*}}stable-globals.c:[[@LINE+6]] without cancelling the handle created at line [[@LINE+2]] by 'fopen'{{$}}
  if (tracing)
    f = fopen("trace.log", "w");
  tracing = tracing_level();
  if (tracing && f != NULL)
    fclose(f);
}

void flag_written_by_helper(void) {
  FILE *f = NULL;
  // CHECK: stable-globals.c:[[@LINE+2]]:9: remark: LostCancel: returns at {{.*}}stable-globals.c:[[@LINE+6]] without cancelling the handle created at line [[@LINE+2]] by 'fopen'{{$}}
  if (tracing)
    f = fopen("trace.log", "w");
  toggle();
  if (tracing && f != NULL)
    fclose(f);
}
