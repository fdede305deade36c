// A creator whose handle is a function pointer (like Go's CancelFunc):
// calling the pointer discharges it. Verified when it is called on every
// path, lost when a path returns without calling it.
//
// RUN: %cv-remarks O0 %s -I %include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %include | FileCheck %s --implicit-check-not=remark
#include "cancel_verify.h"

typedef struct job_ctx job_ctx_t;
typedef void (*cancel_fn)(void);

/* Starts a job under parent and returns the function that stops it. */
CV_CREATE("handle=ret,parent=arg0") cancel_fn start_job(job_ctx_t *parent);
/* The same, handing the function back through an out-parameter. */
CV_CREATE("handle=arg1,parent=arg0,success=ret==0")
int try_start_job(job_ctx_t *parent, cancel_fn *stop);

int step(job_ctx_t *ctx);

// Called at the end.
int called_at_end(job_ctx_t *parent) {
  // CHECK: function-pointer-handle.c:[[@LINE+1]]:20: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'start_job' is called on every path (called at line [[@LINE+3]]){{$}}
  cancel_fn stop = start_job(parent);
  int rc = step(parent);
  stop();
  return rc;
}

// Called on both branches.
int called_on_both_branches(job_ctx_t *parent) {
  // CHECK: function-pointer-handle.c:[[@LINE+1]]:20: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'start_job' is called on every path ({{.*}}){{$}}
  cancel_fn stop = start_job(parent);
  if (step(parent) < 0) {
    stop();
    return -1;
  }
  stop();
  return step(parent);
}

// Through the out-parameter of a status-returning creator.
int called_from_outparam(job_ctx_t *parent) {
  cancel_fn stop;
  // CHECK: function-pointer-handle.c:[[@LINE+1]]:7: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'try_start_job' is called on every path (called at line [[@LINE+4]]){{$}}
  if (try_start_job(parent, &stop) != 0)
    return -1;
  int rc = step(parent);
  stop();
  return rc;
}

// Positive: the early return does not call it.
int not_called_on_error(job_ctx_t *parent) {
  // CHECK: function-pointer-handle.c:[[@LINE+1]]:20: remark: LostCancel: returns at {{.*}}function-pointer-handle.c:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'start_job'{{$}}
  cancel_fn stop = start_job(parent);
  if (step(parent) < 0)
    return step(0);
  stop();
  return 0;
}

// Positive: the result is dropped.
int dropped(job_ctx_t *parent) {
  // CHECK: function-pointer-handle.c:[[@LINE+1]]:3: remark: DiscardedCancel: the cancel handle from 'start_job' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  start_job(parent);
  return step(parent);
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %include | FileCheck %s --implicit-check-not=remark
