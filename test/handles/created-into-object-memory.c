// A helper that creates a handle into a field of the object it is given
// hands it to its caller; when that object is not the caller's own (a
// node from an allocator, a global), the handle now lives where others
// reach it: it escapes there, it is not "never used". (The static helper
// is emitted after its callers, and its remark with it.)
//
// --implicit-check-not does not look between or after CHECK-DAG matches;
// counting the remarks makes "no other remark" hold there too.
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml > %t.O0.out
// RUN: FileCheck %s --implicit-check-not=remark < %t.O0.out
// RUN: grep remark %t.O0.out | count 3
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml > %t.O2.out
// RUN: FileCheck %s --implicit-check-not=remark < %t.O2.out
// RUN: grep remark %t.O2.out | count 3
#include <stdlib.h>
#include <string.h>

struct node {
  char *name;
};

struct node *node_new(void);

__attribute__((noinline)) static void node_set(struct node *n, const char *s) {
  // CHECK-DAG: created-into-object-memory.c:[[@LINE+1]]:21: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'malloc' is transferred to the caller (stored for the caller at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
  n->name = (char *)malloc(strlen(s) + 1);
  if (n->name)
    strcpy(n->name, s);
}

struct node *make(const char *s) {
  struct node *n = node_new();
  // CHECK-DAG: created-into-object-memory.c:[[@LINE+1]]:3: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'node_set' ('node_set', which creates it with 'malloc' at line [[@LINE-7]]) escapes: stored in memory the verifier cannot follow at line [[@LINE+1]]; it cannot be followed{{$}}
  node_set(n, s);
  return n;
}

static struct node current;

void set_current(const char *s) {
  // CHECK-DAG: created-into-object-memory.c:[[@LINE+1]]:3: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'node_set' ('node_set', which creates it with 'malloc' at line [[@LINE-15]]) escapes: stored in global 'current' at line [[@LINE+1]]; it cannot be followed{{$}}
  node_set(&current, s);
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -mllvm -cancel-verify-model=%S/Inputs/malloc.yaml > %t.clang-O2.out
// RUN: FileCheck %s --implicit-check-not=remark < %t.clang-O2.out
// RUN: grep remark %t.clang-O2.out | count 3
