// The status of a creation, in every form `success=` takes and every way
// code tests it: a comparison with 0 or -1 the other way round from the
// model (`success=ret>=0`, tested with `rc < 0`), a status variable reused
// before the creation, a `switch` on the status (which -O2 turns into a range
// check), a file descriptor style handle (`success=ret!=-1`), a pointer
// (`success=ret!=null`), and a wrapper of this module that returns the
// creation's status. A path that the status check does not cover is still
// LostCancel. (At -O2 the returns are merged and the exit is named at the
// statement that decides to return, or at the switch.)
//
// --implicit-check-not does not look between or after CHECK-DAG matches;
// counting the remarks (8 CHECK and 3 O0 or O2 lines) makes "no other
// remark" hold there too.
// RUN: %cv-remarks O0 %s -I %examples/include > %t.O0.out
// RUN: FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0 < %t.O0.out
// RUN: grep remark %t.O0.out | count 11
// RUN: %cv-remarks O2 %s -I %examples/include > %t.O2.out
// RUN: FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2 < %t.O2.out
// RUN: grep remark %t.O2.out | count 11
#include "cv_context.h"

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
int work(cv_ctx_t *ctx);
typedef struct file file_t;
CV("create:handle=arg2,parent=arg0,success=ret>=0")
int try_derive(cv_ctx_t *parent, cv_ctx_t **child, cv_cancel_t **cancel);
CV("create:handle=ret,success=ret!=-1") int fd_open(const char *path);
CV("cancel:handle=arg0") void fd_close(int fd);
CV("create:handle=ret,success=ret!=NULL") file_t *file_open(const char *path);
CV("cancel") void file_close(file_t *f);

int negative_check(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel;
  // CHECK: status-conditions.c:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'try_derive' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+5]]{{$}}
  int rc = try_derive(parent, &child, &cancel);
  if (rc < 0)
    return rc;
  rc = work(child);
  cv_cancel(cancel);
  return rc;
}

// The check covers the failed creation only.
int negative_check_lost(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel;
  // O0: status-conditions.c:[[@LINE+2]]:12: remark: LostCancel: returns at {{.*}}status-conditions.c:[[@LINE+6]] without cancelling the handle created at line [[@LINE+2]] by 'try_derive'{{$}}
  // O2: status-conditions.c:[[@LINE+1]]:12: remark: LostCancel: returns at {{.*}}status-conditions.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+1]] by 'try_derive'{{$}}
  int rc = try_derive(parent, &child, &cancel);
  if (rc < 0)
    return rc;
  if (work(child))
    return 1;
  cv_cancel(cancel);
  return 0;
}

int switch_on_status(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel;
  // CHECK: status-conditions.c:[[@LINE+1]]:11: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'try_derive' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+9]]{{$}}
  switch (try_derive(parent, &child, &cancel)) {
  case -1:
  case -2:
    return -1;
  default:
    break;
  }
  work(child);
  cv_cancel(cancel);
  return 0;
}

// A case that succeeded and returns keeps the handle.
int switch_on_status_lost(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel;
  // O0: status-conditions.c:[[@LINE+2]]:11: remark: LostCancel: returns at {{.*}}status-conditions.c:[[@LINE+6]] without cancelling the handle created at line [[@LINE+2]] by 'try_derive'{{$}}
  // O2: status-conditions.c:[[@LINE+1]]:11: remark: LostCancel: returns at {{.*}}status-conditions.c:[[@LINE+1]] without cancelling the handle created at line [[@LINE+1]] by 'try_derive'{{$}}
  switch (try_derive(parent, &child, &cancel)) {
  case -1:
    return -1;
  case 1:
    return 1;
  default:
    break;
  }
  work(child);
  cv_cancel(cancel);
  return 0;
}

int reused_status(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel;
  int rc = work(parent);
  if (rc)
    return rc;
  // CHECK: status-conditions.c:[[@LINE+1]]:8: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'try_derive' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+5]]{{$}}
  rc = try_derive(parent, &child, &cancel);
  if (rc < 0)
    return rc;
  rc = work(child);
  cv_cancel(cancel);
  return rc;
}

int fd_style(const char *path) {
  // CHECK: status-conditions.c:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'fd_open' is cancelled on every path: cancelled by 'fd_close' at line [[@LINE+5]]{{$}}
  int fd = fd_open(path);
  if (fd == -1)
    return -1;
  work(0);
  fd_close(fd);
  return 0;
}

// A call that fails with -1 returns a non-negative value otherwise, so
// `< 0` tests its status too (an id that is never negative).
int fd_style_negative_test(const char *path) {
  // CHECK: status-conditions.c:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'fd_open' is cancelled on every path: cancelled by 'fd_close' at line [[@LINE+5]]{{$}}
  int fd = fd_open(path);
  if (fd < 0)
    return -1;
  work(0);
  fd_close(fd);
  return 0;
}

int fd_style_lost(const char *path) {
  // O0: status-conditions.c:[[@LINE+2]]:12: remark: LostCancel: returns at {{.*}}status-conditions.c:[[@LINE+6]] without cancelling the handle created at line [[@LINE+2]] by 'fd_open'{{$}}
  // O2: status-conditions.c:[[@LINE+1]]:12: remark: LostCancel: returns at {{.*}}status-conditions.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+1]] by 'fd_open'{{$}}
  int fd = fd_open(path);
  if (fd == -1)
    return -1;
  if (work(0))
    return 1;
  fd_close(fd);
  return 0;
}

// The wrapper hands the handle up through the out-parameter and returns
// the status: its callers test the status as the creator's. (clang emits
// the static wrapper after its caller: the two remarks come in either order.)
static __attribute__((noinline)) int my_try(cv_ctx_t *p, cv_ctx_t **c,
                                            cv_cancel_t **k) {
  // CHECK-DAG: status-conditions.c:[[@LINE+1]]:10: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'try_derive' is transferred to the caller (created in the caller's out-parameter at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
  return try_derive(p, c, k);
}

int through_wrapper(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel;
  // CHECK-DAG: status-conditions.c:[[@LINE+1]]:7: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'my_try' ('my_try', which creates it with 'try_derive' at line [[@LINE-6]]) is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+4]]{{$}}
  if (my_try(parent, &child, &cancel) < 0)
    return -1;
  work(child);
  cv_cancel(cancel);
  return 0;
}

int file_style(const char *path) {
  // CHECK: status-conditions.c:[[@LINE+1]]:15: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'file_open' is cancelled on every path: cancelled by 'file_close' at line [[@LINE+4]]{{$}}
  file_t *f = file_open(path);
  if (!f)
    return -1;
  file_close(f);
  return 0;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include > %t.clang-O2.out
// RUN: FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0 < %t.clang-O2.out
// RUN: grep remark %t.clang-O2.out | count 11
