// A helper that creates into its out-parameter and says in its result
// whether it did: `if (!c) return -1; *out = c; return 0;`. The constants
// it returns where it handed the handle over (and only there) against
// those it returns where there is none give its success condition, here
// ret==0, so the caller's `if (make(...) != 0) return -1;` is a status
// check. At -O0 the result goes through a local, at -O2 through a phi or
// separate returns. A helper that returns the same constant both ways says
// nothing, and its caller's early return is still judged as before.
//
// RUN: %cv-remarks O0 %s > %t.O0.out
// RUN: FileCheck %s < %t.O0.out
// RUN: grep -c -E 'remark: LostCancel' %t.O0.out | grep -x 1
// RUN: %cv-remarks O2 %s > %t.O2.out
// RUN: FileCheck %s < %t.O2.out
// RUN: grep -c -E 'remark: LostCancel' %t.O2.out | grep -x 1
#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx;
CV("create:handle=ret,parent=arg0,success=ret!=null") ctx *derive_new(ctx *p);
CV("cancel") void stop(ctx *c);
int run_query(const ctx *c, int q);

__attribute__((noinline)) int make_child(ctx *parent, ctx **out) {
  ctx *c = derive_new(parent);
  if (!c)
    return -1;
  *out = c;
  return 0;
}

__attribute__((noinline)) int make_child_flag(ctx *parent, ctx **out) {
  ctx *c = derive_new(parent);
  if (!c)
    return 0;
  *out = c;
  return 1;
}

__attribute__((noinline)) int make_child_quiet(ctx *parent, ctx **out) {
  ctx *c = derive_new(parent);
  if (!c)
    return 0;
  *out = c;
  return 0;
}

int checked_against_zero(ctx *parent, int q) {
  ctx *c;
  // CHECK-DAG: status-from-returned-constants.c:[[@LINE+1]]:7: remark: CancelVerified: the handle created at line [[@LINE+1]] by '{{make_child|derive_new}}'{{.*}} is cancelled on every path
  if (make_child(parent, &c) != 0)
    return -1;
  int rc = run_query(c, q);
  stop(c);
  return rc;
}

int checked_as_flag(ctx *parent, int q) {
  ctx *c;
  // CHECK-DAG: status-from-returned-constants.c:[[@LINE+1]]:8: remark: CancelVerified: the handle created at line [[@LINE+1]] by '{{make_child_flag|derive_new}}'{{.*}} is cancelled on every path
  if (!make_child_flag(parent, &c))
    return -1;
  int rc = run_query(c, q);
  stop(c);
  return rc;
}

// Positive: the result says nothing, and the early return leaves a handle
// the helper may have made.
int checked_quiet(ctx *parent, int q) {
  ctx *c = 0;
  // CHECK-DAG: status-from-returned-constants.c:[[@LINE+1]]:3: remark: LostCancel: returns at {{.*}}status-from-returned-constants.c:{{[0-9]+}} without cancelling the handle created at line [[@LINE+1]] by '{{make_child_quiet|derive_new}}'
  make_child_quiet(parent, &c);
  if (q < 0)
    return -1;
  int rc = run_query(c, q);
  stop(c);
  return rc;
}
