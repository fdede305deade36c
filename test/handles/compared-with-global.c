// A live handle is held by no global: storing it in one is an escape. So a
// pointer handle compared equal with what a global holds (`stdin`, a
// global's value, a global's address) is not a live handle on that edge,
// as if it were null: `if (in != stdin) fclose(in)` closes every stream
// this function opened. A test that cancels only where the two are equal
// cancels nothing.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/stdio.yaml -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/stdio.yaml -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
#include <stdio.h>
#include <stdlib.h>

// In a helper: the caller's fresh stream is never stdin.
static void finish(FILE *in) {
  if (in != stdin)
    fclose(in);
}

int closes_unless_stdin(const char *name) {
  // O0: compared-with-global.c:[[@LINE+2]]:14: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'fopen' is cancelled on every path: cancelled by 'fclose' at line [[@LINE-4]] (through 'finish' at line [[@LINE+6]]){{$}}
  // O2: compared-with-global.c:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'fopen' is cancelled on every path: cancelled by 'fclose' at line [[@LINE+5]]{{$}}
  FILE *in = fopen(name, "rb");
  if (in == NULL)
    return -1;
  int c = fgetc(in);
  finish(in);
  return c;
}

// Inline, against a global's value.
static FILE *log_file;

int closes_unless_log(const char *name) {
  // CHECK: compared-with-global.c:[[@LINE+1]]:15: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'fopen' is cancelled on every path: cancelled by 'fclose' at line [[@LINE+6]]{{$}}
  FILE *out = fopen(name, "w");
  if (!out)
    return -1;
  fputs("x", out);
  if (out != log_file)
    fclose(out);
  return 0;
}

// Positive: closes only a stream that is stdin, which this one is not.
// (On -O2 IR the exit is named at the test.)
int closes_only_if_stdin(const char *name) {
  // O0: compared-with-global.c:[[@LINE+2]]:14: remark: LostCancel: returns at {{.*}}compared-with-global.c:[[@LINE+8]] without cancelling the handle created at line [[@LINE+2]] by 'fopen'{{$}}
  // O2: compared-with-global.c:[[@LINE+1]]:14: remark: LostCancel: returns at {{.*}}compared-with-global.c:[[@LINE+5]] without cancelling the handle created at line [[@LINE+1]] by 'fopen'{{$}}
  FILE *in = fopen(name, "rb");
  if (in == NULL)
    return -1;
  int c = fgetc(in);
  if (in == stdin)
    fclose(in);
  return c;
}

// Against a global's address: a static fallback buffer is never freed.
static char fallback[16];
void show(const char *s);
void release(char *p) {
  if (p != fallback)
    free(p);
}

int frees_unless_fallback(int n) {
  // O0: compared-with-global.c:[[@LINE+2]]:13: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'malloc' is cancelled on every path: cancelled by 'free' at line [[@LINE-4]] (through 'release' at line [[@LINE+7]]){{$}}
  // O2: compared-with-global.c:[[@LINE+1]]:13: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'malloc' is cancelled on every path: cancelled by 'free' at line [[@LINE+6]]{{$}}
  char *p = malloc(n);
  if (!p)
    return -1;
  p[0] = 1;
  show(p);
  release(p);
  return 0;
}
