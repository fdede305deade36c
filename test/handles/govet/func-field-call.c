// go vet lostcancel (Go issue 16143): calling a function stored in a
// struct field, `var x struct{ f func() }; x.f()`, once crashed the
// analyzer. There is no creation.
//
// CancelVerify: calling a function pointer that is not a handle, in a
// function with no creation, gives no remark at all; a real handle called
// through a struct field in the same shape is verified.
//
// RUN: %cv-remarks O0 %s -I %include | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %include | FileCheck %s --implicit-check-not=remark
#include "cancel_verify.h"

typedef struct job_ctx job_ctx_t;
typedef void (*cancel_fn)(void);
CV_CREATE("handle=ret,parent=arg0") cancel_fn start_job(job_ctx_t *parent);

struct holder {
  void (*f)(void);
};

void call_field(struct holder *x) { x->f(); }

void call_local_field(void (*g)(void)) {
  struct holder x = {g};
  x.f();
}

// A handle kept in a field of a local struct and called through it.
void call_handle_field(job_ctx_t *parent) {
  struct holder x;
  // CHECK: func-field-call.c:[[@LINE+1]]:9: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'start_job' is called on every path (called at line [[@LINE+2]]){{$}}
  x.f = start_job(parent);
  x.f();
}
