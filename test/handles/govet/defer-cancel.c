// go vet lostcancel: `_, cancel := context.WithCancel(bg); defer cancel()`.
// go vet: ok.
//
// CancelVerify: cv_defer registers the handle for the function's deferred
// cleanups: CancelVerified (deferred). The same with Go's `defer` spelled
// as a cleanup attribute is verified too.
//
// RUN: %cv-remarks O0 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include | FileCheck %s --implicit-check-not=remark
#include "cv_context.h"

void use_context(cv_ctx_t *ctx);

void deferred(cv_defers_t *defers) {
  cv_ctx_t *ctx;
  // CHECK: defer-cancel.c:[[@LINE+1]]:25: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is deferred on every path: deferred by 'cv_defer' at line [[@LINE+2]]{{$}}
  cv_cancel_t *cancel = cv_with_cancel(cv_background(), &ctx);
  cv_defer(defers, cancel);
  use_context(ctx);
}

__attribute__((noinline)) void run_cancel(cv_cancel_t **cancel) {
  cv_cancel(*cancel);
}

void deferred_by_cleanup(void) {
  cv_ctx_t *ctx;
  // CHECK: defer-cancel.c:[[@LINE+1]]:62: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE-5]] (through 'run_cancel' at line {{[0-9]+}}){{$}}
  __attribute__((cleanup(run_cancel))) cv_cancel_t *cancel = cv_with_cancel(cv_background(), &ctx);
  use_context(ctx);
}
