// A function that returns either a new handle or a pointer it did not
// create (a global's value such as stdout) hands its creation to the
// caller, but its calls are not creations: the caller cannot tell which it
// got, and `if (!is_stdout) fclose(f)` is how it tells. One that returns a
// new handle or null is a creation that succeeds where the result is not
// null.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/stdio.yaml | FileCheck %s --implicit-check-not=remark --check-prefix=O0
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/stdio.yaml | FileCheck %s --implicit-check-not=remark --check-prefix=O2
#include <stdio.h>
#include <string.h>

__attribute__((noinline)) FILE *open_dst(const char *name) {
  FILE *f;
  if (strcmp(name, "-") == 0)
    f = stdout;
  else
    // O0: returns-global-or-fresh.c:[[@LINE+2]]:9: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'fopen' is transferred to the caller (returned to the caller at line [[@LINE+2]]){{$}}
    // O2: returns-global-or-fresh.c:[[@LINE+1]]:9: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'fopen' is transferred to the caller (returned to the caller at line [[@LINE+2]]){{$}}
    f = fopen(name, "wb");
  return f;
}

int write_out(const char *name) {
  FILE *f = open_dst(name);
  if (!f)
    return -1;
  fputs("x", f);
  if (strcmp(name, "-") != 0)
    fclose(f);
  return 0;
}

__attribute__((noinline)) FILE *open_or_null(const char *name) {
  // O0: returns-global-or-fresh.c:[[@LINE+2]]:13: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'fopen' is transferred to the caller (returned to the caller at line [[@LINE+5]]); each call of this function is judged as a creation{{$}}
  // O2: returns-global-or-fresh.c:[[@LINE+1]]:13: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'fopen' is transferred to the caller (returned to the caller at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
  FILE *f = fopen(name, "wb");
  if (!f)
    return NULL;
  return f;
}

int write_out_leaky(const char *name, int n) {
  // O0: returns-global-or-fresh.c:[[@LINE+2]]:13: remark: LostCancel: returns at {{.*}}returns-global-or-fresh.c:[[@LINE+6]] without cancelling the handle created at line [[@LINE+2]] by 'open_or_null' ('open_or_null', which creates it with 'fopen' at line [[@LINE-7]]){{$}}
  // O2: returns-global-or-fresh.c:[[@LINE+1]]:13: remark: LostCancel: returns at {{.*}}returns-global-or-fresh.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+1]] by 'open_or_null' ('open_or_null', which creates it with 'fopen' at line [[@LINE-8]]){{$}}
  FILE *f = open_or_null(name);
  if (!f)
    return -1;
  if (n < 0)
    return -2;
  fputs("x", f);
  fclose(f);
  return 0;
}
