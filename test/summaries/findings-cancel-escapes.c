// CancelEscapes as data: "escape: KIND" (global, unknown-memory,
// unknown-callee, indirect-call; a heap object this function allocated is
// followed, and escapes where a pointer to it goes), with "through 'F'" for each helper of the
// module on the way, and the place it escapes as a related location (the
// call of the helper, in the caller). The variable is named when the handle
// is in one; -O2 loses it where the handle goes straight from the creator
// into a store through an unknown pointer (O0 line). The helper is
// noinline; but for that variable, -O2 prints the same findings as -O0.
//
// RUN: %clang -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %cv_opt -cancel-verify-print-findings -disable-output %t.O0.ll 2>&1 | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=finding
// RUN: %clang -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %cv_opt -cancel-verify-print-findings -disable-output %t.O2.ll 2>&1 | FileCheck %s --check-prefixes=CHECK --implicit-check-not=finding
#include <stdlib.h>
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx(void);
void keep(cv_cancel_t *cancel);
cv_cancel_t **slot_for(int id);
cv_cancel_t *saved;
struct job;
struct job *queued;

struct job {
  cv_ctx_t *ctx;
  cv_cancel_t *cancel;
};

__attribute__((noinline)) void remember(cv_cancel_t *cancel) {
  saved = cancel;
}

int to_global(void) {
  cv_ctx_t *child;
  // CHECK: {{^}}finding CancelEscapes at {{.*}}findings-cancel-escapes.c:[[@LINE+5]]:11 in 'to_global'{{$}}
  // CHECK-NEXT: {{^}}  creator: 'cv_with_cancel'{{$}}
  // CHECK-NEXT: {{^}}  escape: global{{$}}
  // CHECK-NEXT: {{^}}  related escape at {{.*}}findings-cancel-escapes.c:[[@LINE+2]]:9{{$}}
  // CHECK-NOT: {{^ }}
  saved = cv_with_cancel(request_ctx(), &child);
  return work(child);
}

int to_heap(void) {
  struct job *j = malloc(sizeof *j);
  // CHECK: {{^}}finding CancelEscapes at {{.*}}findings-cancel-escapes.c:[[@LINE+5]]:15 in 'to_heap'{{$}}
  // CHECK-NEXT: {{^}}  creator: 'cv_with_cancel'{{$}}
  // CHECK-NEXT: {{^}}  escape: global{{$}}
  // CHECK-NEXT: {{^}}  related escape at {{.*}}findings-cancel-escapes.c:[[@LINE+3]]:{{[0-9]+}}{{$}}
  // CHECK-NOT: {{^ }}
  j->cancel = cv_with_cancel(request_ctx(), &j->ctx);
  queued = j;
  return work(j->ctx);
}

int to_unknown_memory(int id) {
  cv_ctx_t *child;
  // CHECK: {{^}}finding CancelEscapes at {{.*}}findings-cancel-escapes.c:[[@LINE+6]]:25 in 'to_unknown_memory'{{$}}
  // CHECK-NEXT: {{^}}  creator: 'cv_with_cancel'{{$}}
  // O0-NEXT: {{^}}  variable: cancel{{$}}
  // CHECK-NEXT: {{^}}  escape: unknown-memory{{$}}
  // CHECK-NEXT: {{^}}  related escape at {{.*}}findings-cancel-escapes.c:[[@LINE+3]]:17{{$}}
  // CHECK-NOT: {{^ }}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  *slot_for(id) = cancel;
  return work(child);
}

int to_unknown_callee(void) {
  cv_ctx_t *child;
  // CHECK: {{^}}finding CancelEscapes at {{.*}}findings-cancel-escapes.c:[[@LINE+6]]:25 in 'to_unknown_callee'{{$}}
  // CHECK-NEXT: {{^}}  creator: 'cv_with_timeout'{{$}}
  // CHECK-NEXT: {{^}}  variable: cancel{{$}}
  // CHECK-NEXT: {{^}}  escape: unknown-callee{{$}}
  // CHECK-NEXT: {{^}}  related escape at {{.*}}findings-cancel-escapes.c:[[@LINE+3]]:3{{$}}
  // CHECK-NOT: {{^ }}
  cv_cancel_t *cancel = cv_with_timeout(request_ctx(), 100, &child);
  keep(cancel);
  return work(child);
}

int to_indirect_call(void (*callback)(cv_cancel_t *)) {
  cv_ctx_t *child;
  // CHECK: {{^}}finding CancelEscapes at {{.*}}findings-cancel-escapes.c:[[@LINE+6]]:25 in 'to_indirect_call'{{$}}
  // CHECK-NEXT: {{^}}  creator: 'cv_with_cancel'{{$}}
  // CHECK-NEXT: {{^}}  variable: cancel{{$}}
  // CHECK-NEXT: {{^}}  escape: indirect-call{{$}}
  // CHECK-NEXT: {{^}}  related escape at {{.*}}findings-cancel-escapes.c:[[@LINE+3]]:3{{$}}
  // CHECK-NOT: {{^ }}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  callback(cancel);
  return work(child);
}

int through_helper(void) {
  cv_ctx_t *child;
  // CHECK: {{^}}finding CancelEscapes at {{.*}}findings-cancel-escapes.c:[[@LINE+6]]:25 in 'through_helper'{{$}}
  // CHECK-NEXT: {{^}}  creator: 'cv_with_cancel'{{$}}
  // CHECK-NEXT: {{^}}  variable: cancel{{$}}
  // CHECK-NEXT: {{^}}  escape: global through 'remember'{{$}}
  // CHECK-NEXT: {{^}}  related escape at {{.*}}findings-cancel-escapes.c:[[@LINE+3]]:3{{$}}
  // CHECK-NOT: {{^ }}
  cv_cancel_t *cancel = cv_with_cancel(request_ctx(), &child);
  remember(cancel);
  return work(child);
}
