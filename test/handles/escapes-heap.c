// A handle stored in heap memory the function allocated is followed with
// the object: the handle goes where a pointer to the object goes. Given to
// a function without a body, it escapes (CancelEscapes at the creation);
// returned, the caller holds it. A heap object holding only the child
// context, with the handle cancelled here, is judged as usual.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
#include <stdlib.h>
#include "cv_context.h"

int work(cv_ctx_t *ctx);
void enqueue(void *item);

struct task {
  cv_ctx_t *ctx;
  cv_cancel_t *cancel;
  int id;
};

// The task keeps its handle; the queue's consumer is to cancel it.
int submit(cv_ctx_t *parent, int id) {
  struct task *t = malloc(sizeof *t);
  if (!t)
    return -1;
  t->id = id;
  // CHECK: escapes-heap.c:[[@LINE+1]]:15: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'cv_with_timeout' escapes: passed to 'enqueue', which has no model and no body here at line [[@LINE+2]]; it cannot be followed{{$}}
  t->cancel = cv_with_timeout(parent, 5000, &t->ctx);
  enqueue(t);
  return 0;
}

// Through a local into a calloc'd array that is returned. (At -O2 the
// return is placed at the closing brace where the paths merge.)
cv_cancel_t **make_table(cv_ctx_t *parent, int n) {
  cv_cancel_t **table = calloc(n, sizeof *table);
  cv_ctx_t *child;
  if (!table)
    return 0;
  // O0: escapes-heap.c:[[@LINE+2]]:25: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'cv_with_cancel' is transferred to the caller (returned to the caller at line [[@LINE+5]]); each call of this function is judged as a creation{{$}}
  // O2: escapes-heap.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is transferred to the caller (returned to the caller at line [[@LINE+5]]); each call of this function is judged as a creation{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  table[0] = cancel;
  work(child);
  return table;
}

// Negative: only the context goes to the heap; the handle is cancelled.
int heap_context_only(cv_ctx_t *parent, int id) {
  struct task *t = malloc(sizeof *t);
  if (!t)
    return -1;
  t->id = id;
  // CHECK: escapes-heap.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &t->ctx);
  int rc = work(t->ctx);
  cv_cancel(cancel);
  free(t);
  return rc;
}
