// A function that returns either a new object or the one it was given
// (appending to a list: a new head when the list is empty, the old head
// otherwise) does not create on every call. Its callers keep the list in
// one variable and reassign it on every call: neither "created again" nor
// "never used". Its own creation is handed to the caller where it
// returns it.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml | FileCheck %s --implicit-check-not=remark
#include <stdlib.h>

struct cell {
  struct cell *link;
  const char *name;
};

void use(struct cell *list);

__attribute__((noinline)) static struct cell *append(struct cell *root,
                                                     const char *name) {
  if (root == NULL) {
    // CHECK: returns-argument-or-fresh.c:[[@LINE+1]]:37: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'malloc' is transferred to the caller (returned to the caller at line {{[0-9]+}}){{$}}
    struct cell *c = (struct cell *)malloc(sizeof *c);
    if (c == NULL)
      abort();
    c->link = NULL;
    c->name = name;
    return c;
  }
  struct cell *tail = root;
  while (tail->link != NULL)
    tail = tail->link;
  tail->link = append(tail->link, name);
  return root;
}

void build(int n, const char **names) {
  struct cell *list = NULL;
  for (int i = 0; i < n; i++)
    list = append(list, names[i]);
  use(list);
}

// A parameter reassigned before it is returned is not what the function
// returns: each call gives a new object (the value the caller passed in is
// overwritten, not handed back).
void show_cell(const struct cell *c);
__attribute__((noinline)) static struct cell *fresh_cell(struct cell *c) {
  // CHECK-DAG: returns-argument-or-fresh.c:[[@LINE+1]]:7: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'malloc' is transferred to the caller (returned to the caller at line [[@LINE+2]]); each call of this function is judged as a creation{{$}}
  c = malloc(sizeof *c);
  return c;
}

void dropped_fresh(void) {
  struct cell *c = NULL;
  // CHECK-DAG: returns-argument-or-fresh.c:[[@LINE+1]]:7: remark: LostCancel: returns at {{.*}}returns-argument-or-fresh.c:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'fresh_cell' ('fresh_cell', which creates it with 'malloc' at line [[@LINE-6]]){{$}}
  c = fresh_cell(c);
  show_cell(c);
}

void freed_fresh(void) {
  struct cell *c = NULL;
  // CHECK: returns-argument-or-fresh.c:[[@LINE+1]]:7: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'fresh_cell' ('fresh_cell', which creates it with 'malloc' at line [[@LINE-13]]) is cancelled on every path: cancelled by 'free' at line [[@LINE+3]]{{$}}
  c = fresh_cell(c);
  show_cell(c);
  free(c);
}
