// go vet lostcancel: a creation inside `go func() { ... }()` whose cancel
// is only looked at under `if false`: go vet reports "not used on all
// paths" at the end of the function literal. And the cancel function
// handed to a goroutine, `go worker(ctx, cancel)`, which go vet accepts
// as a use.
//
// CancelVerify: the goroutine body is a thread start routine; its handle
// is never used: DiscardedCancel, or LostCancel when it is used on some
// paths only. A handle given to pthread_create runs on another thread at
// a time this function does not control: CancelEscapes, even though the
// worker cancels it.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --check-prefixes=CHECK,O2 --implicit-check-not=remark
#include <pthread.h>
#include "cv_context.h"

void use_handle(cv_cancel_t *cancel);
void print_ctx(cv_ctx_t *ctx);
int verbose;

// The goroutine's body: never uses the handle.
void *goroutine_never_uses(void *arg) {
  cv_ctx_t *ctx;
  (void)arg;
  // CHECK: goroutine.c:[[@LINE+1]]:25: remark: DiscardedCancel: the cancel handle from 'cv_with_cancel' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  cv_cancel_t *cancel = cv_with_cancel(cv_background(), &ctx);
  if (0)
    use_handle(cancel);
  print_ctx(ctx);
  return 0;
}

// The goroutine's body: cancels only when verbose.
void *goroutine_cancels_sometimes(void *arg) {
  cv_ctx_t *ctx;
  (void)arg;
  // -O2 merges the return paths; the exit is named where the merged path ends.
  // O2: goroutine.c:[[@LINE+2]]:25: remark: LostCancel: returns at {{.*}}goroutine.c:[[@LINE+10]] without cancelling the handle created at line [[@LINE+2]] by 'cv_with_cancel'{{$}}
  // O0: goroutine.c:[[@LINE+1]]:25: remark: LostCancel: returns at {{.*}}goroutine.c:[[@LINE+5]] without cancelling the handle created at line [[@LINE+1]] by 'cv_with_cancel'{{$}}
  cv_cancel_t *cancel = cv_with_cancel(cv_background(), &ctx);
  print_ctx(ctx);
  if (!verbose) {
    print_ctx(0);
    return 0;
  }
  cv_cancel(cancel);
  return 0;
}

void start_goroutines(void) {
  pthread_t a, b;
  pthread_create(&a, 0, goroutine_never_uses, 0);
  pthread_create(&b, 0, goroutine_cancels_sometimes, 0);
}

// The worker cancels when it is done.
void *worker(void *arg) {
  cv_cancel_t *cancel = arg;
  cv_cancel(cancel);
  return 0;
}

// `go worker(ctx, cancel)`: the handle goes to another thread.
int cancel_to_goroutine(cv_ctx_t *parent, pthread_t *tid) {
  cv_ctx_t *ctx;
  // CHECK: goroutine.c:[[@LINE+1]]:25: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'cv_with_cancel' escapes: passed to 'pthread_create', which has no model and no body here at line [[@LINE+2]]; it cannot be followed{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &ctx);
  return pthread_create(tid, 0, worker, cancel);
}
