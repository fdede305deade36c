// A handle handed to another thread (pthread_create's argument) is
// cancelled, if at all, at a time this function does not control, even
// when the thread's body cancels on every path: CancelEscapes, never
// silently verified. Joining a thread that was given only the child
// context, and cancelling here, is verified.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include <pthread.h>
#include "cv_context.h"

int work(cv_ctx_t *ctx);

// The thread's body cancels the handle it is given when it is done.
void *cancel_when_done(void *arg) {
  cv_cancel_t *cancel = arg;
  cv_cancel(cancel);
  return 0;
}

// The handle itself is the thread's argument.
int handle_to_thread(cv_ctx_t *parent, pthread_t *tid) {
  cv_ctx_t *child;
  // CHECK: escapes-thread.c:[[@LINE+1]]:25: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'cv_with_cancel' escapes: passed to 'pthread_create', which has no model and no body here at line [[@LINE+2]]; it cannot be followed{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  pthread_create(tid, 0, cancel_when_done, cancel);
  return work(child);
}

struct job {
  cv_ctx_t *ctx;
  cv_cancel_t *cancel;
};

void *run_job(void *arg) {
  struct job *j = arg;
  work(j->ctx);
  cv_cancel(j->cancel);
  return 0;
}

// The handle sits in a struct whose address goes to the thread.
int job_to_thread(cv_ctx_t *parent) {
  struct job j;
  pthread_t tid;
  // CHECK: escapes-thread.c:[[@LINE+1]]:14: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'cv_with_timeout' escapes: passed to 'pthread_create', which has no model and no body here at line [[@LINE+2]]; it cannot be followed{{$}}
  j.cancel = cv_with_timeout(parent, 1000, &j.ctx);
  pthread_create(&tid, 0, run_job, &j);
  return pthread_join(tid, 0);
}

void *run_context(void *arg) {
  work(arg);
  return 0;
}

// Negative: the thread gets the child context only; this function joins it
// and cancels.
int context_to_thread(cv_ctx_t *parent) {
  cv_ctx_t *child;
  pthread_t tid;
  // CHECK: escapes-thread.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+4]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = pthread_create(&tid, 0, run_context, child);
  pthread_join(tid, 0);
  cv_cancel(cancel);
  return rc;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
