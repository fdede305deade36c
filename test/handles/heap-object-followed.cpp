// A handle kept in an object this function allocated (new, malloc) is
// followed with the object, at -O0 (the constructor is a call) and at -O2
// (the constructor's stores are inlined into the fresh memory): deleting
// the object runs a destructor that cancels; a pointer to the object
// stored in a global or given to a function without a body takes the
// handle along (CancelEscapes); returned, the caller holds the object; an
// object forgotten with its handle loses it.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
#include <stdlib.h>
#include "cv_context.h"

int work(cv_ctx_t *ctx);

struct Guard {
  cv_cancel_t *h;
  explicit Guard(cv_cancel_t *c) : h(c) {}
  ~Guard() { cv_cancel(h); }
};
void keep(Guard *g);
Guard *Global;

int deleted(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: heap-object-followed.cpp:[[@LINE+2]]:24: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'cv_with_cancel' is guarded on every path: the destructor 'Guard::~Guard()' cancels it at scope exit (cancelled by 'cv_cancel' at line 19){{$}}
  // O2: heap-object-followed.cpp:[[@LINE+1]]:24: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is guarded on every path: the destructor 'Guard::~Guard' cancels it at scope exit (cancelled by 'cv_cancel' at line [[@LINE+3]]){{$}}
  Guard *g = new Guard(cv_with_cancel(parent, &child));
  int rc = work(child);
  delete g;
  return rc;
}

int into_global(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: heap-object-followed.cpp:[[@LINE+1]]:24: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'cv_with_cancel' escapes: stored in global 'Global' at line [[@LINE+2]]; it cannot be followed{{$}}
  Guard *g = new Guard(cv_with_cancel(parent, &child));
  Global = g;
  return work(child);
}

int given_away(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: heap-object-followed.cpp:[[@LINE+1]]:24: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'cv_with_cancel' escapes: passed to 'keep(Guard*)', which has no model and no body here at line [[@LINE+2]]; it cannot be followed{{$}}
  Guard *g = new Guard(cv_with_cancel(parent, &child));
  keep(g);
  return work(child);
}

__attribute__((noinline)) Guard *returned(cv_ctx_t *parent,
                                          cv_ctx_t **child) {
  // CHECK: heap-object-followed.cpp:[[#RETURNED:@LINE+1]]:20: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is transferred to the caller (returned to the caller at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
  return new Guard(cv_with_cancel(parent, child));
}

// Positive: the object is forgotten on the early return.
int early(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: heap-object-followed.cpp:[[@LINE+2]]:24: remark: LostCancel: returns at {{.*}}heap-object-followed.cpp:[[@LINE+4]] without cancelling the handle created at line [[@LINE+2]] by 'cv_with_cancel'{{$}}
  // O2: heap-object-followed.cpp:[[@LINE+1]]:24: remark: LostCancel: returns at {{.*}}heap-object-followed.cpp:[[@LINE+2]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  Guard *g = new Guard(cv_with_cancel(parent, &child));
  if (work(child) < 0)
    return -1;
  delete g;
  return 0;
}

// A C struct from malloc: cancelled from the struct before it is freed.
struct job {
  cv_ctx_t *ctx;
  cv_cancel_t *cancel;
};
int malloc_job(cv_ctx_t *parent) {
  struct job *j = (struct job *)malloc(sizeof *j);
  if (!j)
    return -1;
  // CHECK: heap-object-followed.cpp:[[@LINE+1]]:15: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+3]]{{$}}
  j->cancel = cv_with_cancel(parent, &j->ctx);
  int rc = work(j->ctx);
  cv_cancel(j->cancel);
  free(j);
  return rc;
}

// Positive: the struct is freed with the handle still in it. (At -O2 the
// exit is the closing brace where the paths merge.)
int freed_with_handle(cv_ctx_t *parent) {
  struct job *j = (struct job *)malloc(sizeof *j);
  if (!j)
    return -1;
  // O0: heap-object-followed.cpp:[[@LINE+2]]:15: remark: LostCancel: returns at {{.*}}heap-object-followed.cpp:[[@LINE+5]] without cancelling the handle created at line [[@LINE+2]] by 'cv_with_cancel'{{$}}
  // O2: heap-object-followed.cpp:[[@LINE+1]]:15: remark: LostCancel: returns at {{.*}}heap-object-followed.cpp:[[@LINE+5]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  j->cancel = cv_with_cancel(parent, &j->ctx);
  int rc = work(j->ctx);
  free(j);
  return rc;
}

// The caller of a function that returns a new object holding a handle
// owes the handle inside it: deleting the object cancels it; forgetting
// the object on an early return loses it.
int deletes_returned(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: heap-object-followed.cpp:[[@LINE+2]]:14: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'returned(cv_ctx*, cv_ctx**)' ('returned(cv_ctx*, cv_ctx**)', which creates it with 'cv_with_cancel' at line [[#RETURNED]]) is guarded on every path: the destructor 'Guard::~Guard()' cancels it at scope exit (cancelled by 'cv_cancel' at line 19){{$}}
  // O2: heap-object-followed.cpp:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'returned(cv_ctx*, cv_ctx**)' ('returned(cv_ctx*, cv_ctx**)', which creates it with 'cv_with_cancel' at line [[#RETURNED]]) is guarded on every path: the destructor 'Guard::~Guard' cancels it at scope exit (cancelled by 'cv_cancel' at line [[@LINE+3]]){{$}}
  Guard *g = returned(parent, &child);
  int rc = work(child);
  delete g;
  return rc;
}

int forgets_returned(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: heap-object-followed.cpp:[[@LINE+2]]:14: remark: LostCancel: returns at {{.*}}heap-object-followed.cpp:[[@LINE+4]] without cancelling the handle created at line [[@LINE+2]] by 'returned(cv_ctx*, cv_ctx**)' ('returned(cv_ctx*, cv_ctx**)', which creates it with 'cv_with_cancel' at line [[#RETURNED]]){{$}}
  // O2: heap-object-followed.cpp:[[@LINE+1]]:14: remark: LostCancel: returns at {{.*}}heap-object-followed.cpp:[[@LINE+2]] without cancelling the handle created at line [[@LINE+1]] by 'returned(cv_ctx*, cv_ctx**)' ('returned(cv_ctx*, cv_ctx**)', which creates it with 'cv_with_cancel' at line [[#RETURNED]]){{$}}
  Guard *g = returned(parent, &child);
  if (work(child) < 0)
    return -1;
  delete g;
  return 0;
}
