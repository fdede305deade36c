// An indirect call through a slot of a constant table reaches only the
// functions of its initializer: a single modelled function is a call of
// that function, several are each asked (all must cancel). A table that
// can be written (another unit may store into it), an entry without model
// or body, and a table the function was given stay escapes.
//
// RUN: %cv-remarks O0 %s -I %examples/include > %t.O0.out
// RUN: FileCheck %s < %t.O0.out && grep remark %t.O0.out | count 7
// RUN: %cv-remarks O2 %s -I %examples/include > %t.O2.out
// RUN: FileCheck %s < %t.O2.out && grep remark %t.O2.out | count 7
#include "cv_context.h"

void stash(cv_cancel_t *cancel);
int work(cv_ctx_t *ctx);

struct ops {
  void (*stop)(cv_cancel_t *);
};
static const struct ops OPS = {cv_cancel};
struct ops g_ops = {cv_cancel};
static void keep(cv_cancel_t *cancel) { (void)cancel; }
static void drop(cv_cancel_t *cancel) { cv_cancel(cancel); }
static const struct ops BOTH_CANCEL[2] = {{cv_cancel}, {drop}};
static const struct ops ONE_KEEPS[2] = {{cv_cancel}, {keep}};
static const struct ops UNMODELLED = {stash};

void const_table(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: constant-table-cancel.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  work(child);
  OPS.stop(cancel);
}

void const_table_lost(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // Optimized code keeps no instruction of the `return;`: the test is named.
  // CHECK: constant-table-cancel.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}constant-table-cancel.c:{{40|41}} without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return;
  OPS.stop(cancel);
}

void writable_table(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: constant-table-cancel.c:[[@LINE+1]]:25: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'cv_with_cancel' escapes: passed to an indirect call at line [[@LINE+3]]; it cannot be followed{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  work(child);
  g_ops.stop(cancel);
}

void indexed_all_cancel(cv_ctx_t *parent, int i) {
  cv_ctx_t *child;
  // CHECK: constant-table-cancel.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line 22 (through 'drop' at line [[@LINE+3]]){{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  work(child);
  BOTH_CANCEL[i & 1].stop(cancel);
}

void indexed_one_keeps(cv_ctx_t *parent, int i) {
  cv_ctx_t *child;
  // CHECK: constant-table-cancel.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}constant-table-cancel.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  work(child);
  ONE_KEEPS[i & 1].stop(cancel);
}

void unmodelled_entry(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: constant-table-cancel.c:[[@LINE+1]]:25: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'cv_with_cancel' escapes: passed to 'stash', which has no model and no body here at line [[@LINE+3]]; it cannot be followed{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  work(child);
  UNMODELLED.stop(cancel);
}

void given_table(cv_ctx_t *parent, const struct ops *o) {
  cv_ctx_t *child;
  // CHECK: constant-table-cancel.c:[[@LINE+1]]:25: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'cv_with_cancel' escapes: passed to an indirect call at line [[@LINE+3]]; it cannot be followed{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  work(child);
  o->stop(cancel);
}

// RUN: %cv-remarks clang-O2 %s -I %examples/include > %t.clang.out
// RUN: FileCheck %s < %t.clang.out && grep remark %t.clang.out | count 7
