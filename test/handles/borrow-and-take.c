// Ownership: passing a handle to a function without a body borrows it when
// the function cannot keep it, and the caller still owes the cancel; it
// escapes when the function may keep it; a `take` role hands it over.
//
// - LLVM's facts about the C library, inferred for declarations at every
//   -O level: strlen and puts only read their argument (borrow), strcpy
//   returns its destination (borrow, and the result is the handle too);
//   printf and fprintf only read their variadic arguments; the
//   wide-character functions are their narrow counterparts.
// - A pointer to const borrows: the declaration's debug info says so in
//   optimized code built with -g; at -O0 (no declaration described) its
//   prototype in the source does (declared-parameters.c has more).
// - A function declared to take ownership (`take`) discharges the caller.
// - A modelled function borrows what it is not modelled to create, cancel,
//   defer or take: a creator given the handle's context as its parent.
// - A creator writing its new handle into the variable that holds an owed
//   one overwrites it.
//
// RUN: %cv-remarks O0 %s -I %examples/include -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s -I %examples/include -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "cv_context.h"

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
void show(const char *s);
void keep(char *s);
CV("take") void adopt(cv_cancel_t *cancel);
int work(cv_ctx_t *ctx);

int borrowed_then_freed(void) {
  // CHECK: borrow-and-take.c:[[@LINE+1]]:13: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'malloc' is cancelled on every path: cancelled by 'free' at line [[@LINE+6]]{{$}}
  char *p = malloc(16);
  if (!p)
    return -1;
  strcpy(p, "hi");
  puts(p);
  free(p);
  return 0;
}

int borrowed_and_lost(const char *s) {
  // At -O2 the two returns are merged, and the exit is named at the test.
  // O0: borrow-and-take.c:[[@LINE+2]]:13: remark: LostCancel: returns at {{.*}}borrow-and-take.c:[[@LINE+7]] without cancelling the handle created at line [[@LINE+2]] by 'malloc'{{$}}
  // O2: borrow-and-take.c:[[@LINE+1]]:13: remark: LostCancel: returns at {{.*}}borrow-and-take.c:[[@LINE+2]] without cancelling the handle created at line [[@LINE+1]] by 'malloc'{{$}}
  char *p = malloc(64);
  if (!p)
    return -1;
  strcpy(p, s);
  int n = (int)strlen(p);
  return n;
}

int const_parameter(void) {
  // CHECK: borrow-and-take.c:[[@LINE+1]]:13: remark: LostCancel: returns at {{.*}}borrow-and-take.c:[[@LINE+5]] without cancelling the handle created at line [[@LINE+1]] by 'malloc'{{$}}
  char *p = malloc(16);
  if (!p)
    return -1;
  show(p);
  return 0;
}

int kept_elsewhere(void) {
  // CHECK: borrow-and-take.c:[[@LINE+1]]:13: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'malloc' escapes: passed to 'keep', which has no model and no body here at line [[@LINE+4]]; it cannot be followed{{$}}
  char *p = malloc(16);
  if (!p)
    return -1;
  keep(p);
  return 0;
}

int handed_over(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: borrow-and-take.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is taken on every path: taken by 'adopt' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  work(child);
  adopt(cancel);
  return 0;
}

int overwritten_by_creator(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel;
  if (cv_try_with_cancel(parent, &child, &cancel) != 0)
    return -1;
  // CHECK: borrow-and-take.c:[[@LINE+2]]:7: remark: OverwrittenCancel: the handle created at line [[@LINE-2]] by 'cv_try_with_cancel' is overwritten at line [[@LINE+2]] before it was cancelled{{$}}
  // CHECK: borrow-and-take.c:[[@LINE+1]]:7: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_try_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  if (cv_try_with_cancel(parent, &child, &cancel) != 0)
    return -1;
  cv_cancel(cancel);
  return 0;
}

// The C library's formatted I/O reads its variadic arguments during the
// call and keeps none: the handle printed is still owed.
int printed_not_freed(void) {
  // CHECK: borrow-and-take.c:[[@LINE+1]]:13: remark: LostCancel: returns at {{.*}}borrow-and-take.c:[[@LINE+6]] without cancelling the handle created at line [[@LINE+1]] by 'malloc'{{$}}
  char *p = malloc(16);
  if (!p)
    return -1;
  strcpy(p, "hi");
  printf("%s %p\n", p, (void *)p);
  return 0;
}

int printed_then_freed(FILE *out) {
  // CHECK: borrow-and-take.c:[[@LINE+1]]:13: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'malloc' is cancelled on every path: cancelled by 'free' at line [[@LINE+6]]{{$}}
  char *p = malloc(16);
  if (!p)
    return -1;
  strcpy(p, "hi");
  fprintf(out, "%s\n", p);
  free(p);
  return 0;
}

// A variadic function of the program's own, without a body here, may keep
// what it is given: the handle escapes.
void log_later(const char *fmt, ...);
int logged(void) {
  // CHECK: borrow-and-take.c:[[@LINE+1]]:13: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'malloc' escapes: passed to 'log_later', which has no model and no body here at line [[@LINE+4]]; it cannot be followed{{$}}
  char *p = malloc(16);
  if (!p)
    return -1;
  log_later("%s", p);
  return 0;
}

// The wide-character functions do with their pointers what their narrow
// counterparts do: wcscpy returns its destination, fputws and wprintf
// only read.
int wide_not_freed(void) {
  // CHECK: borrow-and-take.c:[[@LINE+1]]:16: remark: LostCancel: returns at {{.*}}borrow-and-take.c:[[@LINE+7]] without cancelling the handle created at line [[@LINE+1]] by 'malloc'{{$}}
  wchar_t *w = malloc(16 * sizeof(wchar_t));
  if (!w)
    return -1;
  wcscpy(w, L"hi");
  fputws(w, stdout);
  wprintf(L"%ls\n", w);
  return 0;
}

int wide_freed(void) {
  // CHECK: borrow-and-take.c:[[@LINE+1]]:16: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'malloc' is cancelled on every path: cancelled by 'free' at line [[@LINE+6]]{{$}}
  wchar_t *w = malloc(16 * sizeof(wchar_t));
  if (!w)
    return -1;
  wchar_t *end = wcscpy(w, L"hi");
  fputws(end, stdout);
  free(w);
  return 0;
}
