// A function that returns either a new handle or a pointer it did not
// create (a global's value such as stdout) hands its creation to the
// caller, but its calls are not creations: the caller cannot tell which it
// got, and `if (!is_stdout) fclose(f)` is how it tells. One that returns a
// new handle or null is a creation that succeeds where the result is not
// null. A function whose result may come from another function of the
// module that returns such a pointer is no creator either; one that
// returns a creator's result is.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/stdio.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/stdio.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
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

// The pointer that is not a creation comes from a function of the module:
// still not a creation on every call.
__attribute__((noinline)) FILE *fallback(void) { return stdout; }

__attribute__((noinline)) FILE *open_dst_or_fallback(const char *name) {
  if (strcmp(name, "-") == 0)
    return fallback();
  // CHECK: returns-global-or-fresh.c:[[@LINE+1]]:10: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'fopen' is transferred to the caller (returned to the caller at line [[@LINE+1]]){{$}}
  return fopen(name, "wb");
}

int write_fallback(const char *name) {
  FILE *f = open_dst_or_fallback(name);
  if (!f)
    return -1;
  fputs("x", f);
  if (strcmp(name, "-") != 0)
    fclose(f);
  return 0;
}

// A wrapper that returns a creator's result is a creator too.
__attribute__((noinline)) FILE *open_log(void) {
  // CHECK: returns-global-or-fresh.c:[[@LINE+1]]:10: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'open_or_null' ('open_or_null', which creates it with 'fopen' at line [[@LINE-42]]) is transferred to the caller (returned to the caller at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
  return open_or_null("log");
}

int log_leaky(int n) {
  // O0: returns-global-or-fresh.c:[[@LINE+2]]:13: remark: LostCancel: returns at {{.*}}returns-global-or-fresh.c:[[@LINE+6]] without cancelling the handle created at line [[@LINE+2]] by 'open_log' ('open_log', which creates it with 'open_or_null' at line [[@LINE-4]]){{$}}
  // O2: returns-global-or-fresh.c:[[@LINE+1]]:13: remark: LostCancel: returns at {{.*}}returns-global-or-fresh.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+1]] by 'open_log' ('open_log', which creates it with 'open_or_null' at line [[@LINE-5]]){{$}}
  FILE *f = open_log();
  if (!f)
    return -1;
  if (n < 0)
    return -2;
  fclose(f);
  return 0;
}

// The stream is compared with stdout before it is returned: the path that
// took stdout then knows "no handle here", but what it returns is still
// not a creation.
__attribute__((noinline)) FILE *open_dst_sparse(const char *name, int sparse) {
  FILE *f;
  if (strcmp(name, "-") == 0) {
    f = stdout;
  } else {
    // O0: returns-global-or-fresh.c:[[@LINE+2]]:9: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'fopen' is transferred to the caller (returned to the caller at line [[@LINE+8]]){{$}}
    // O2: returns-global-or-fresh.c:[[@LINE+1]]:9: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'fopen' is transferred to the caller (returned to the caller at line [[@LINE+2]]){{$}}
    f = fopen(name, "wb");
    if (f == NULL)
      return NULL;
  }
  if (sparse - (f == stdout) > 0)
    fputs("", f);
  return f;
}

int write_sparse(const char *name) {
  FILE *f = open_dst_sparse(name, 1);
  if (!f)
    return -1;
  fputs("x", f);
  if (strcmp(name, "-") != 0)
    fclose(f);
  return 0;
}
