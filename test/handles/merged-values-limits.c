// Where the rules for values set on paths and for moved or indexed
// handles stop: a copy of a flag taken before the flag is set again tests
// the old value; an out-parameter cleared after a cancel on an error path
// is not a move given up; a read of another array in the object that
// holds the handle is not a read of the handle. Each function here leaks,
// and each leak is reported.
//
// RUN: %cv-remarks O0 %s > %t.O0.out
// RUN: FileCheck %s < %t.O0.out
// RUN: grep -c -E 'remark: (LostCancel|DiscardedCancel)' %t.O0.out | grep -x 3
// RUN: %cv-remarks O2 %s > %t.O2.out
// RUN: FileCheck %s < %t.O2.out
// RUN: grep -c -E 'remark: (LostCancel|DiscardedCancel)' %t.O2.out | grep -x 3
#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx;
CV("create:handle=ret,parent=arg0,success=ret!=null") ctx *derive_new(ctx *p);
CV("cancel") void stop(ctx *c);
int cond(void);
void use(int v);

// Positive: `was` holds the flag from before `skip = 1`.
void flag_copied_then_set(ctx *p) {
  // CHECK-DAG: merged-values-limits.c:[[@LINE+1]]:12: remark: {{LostCancel|DiscardedCancel}}: {{.*}}'derive_new'
  ctx *c = derive_new(p);
  if (!c)
    return;
  int skip = 0;
  if (cond())
    skip = 1;
  int was = skip;
  skip = 1;
  use(skip);
  if (!was)
    return;
  stop(c);
}

__attribute__((noinline)) void put(ctx **out, ctx *c, int bad) {
  *out = c;
  if (bad) {
    stop(c);
    *out = 0;
  }
}

// Positive: put hands the handle over, and nothing cancels what it put.
void put_and_forget(ctx *p) {
  ctx *s;
  // CHECK-DAG: merged-values-limits.c:[[@LINE+1]]:12: remark: {{LostCancel|DiscardedCancel}}: {{.*}}'derive_new'
  ctx *c = derive_new(p);
  if (c)
    put(&s, c, 0);
}

struct conn {
  ctx *t;
  int buf[16];
};

// Positive: reading buf[i] does not reach t, which is never cancelled.
void other_array_read(struct conn *cn, ctx *p, int i) {
  struct conn local;
  // CHECK-DAG: merged-values-limits.c:[[@LINE+1]]:13: remark: {{LostCancel|DiscardedCancel}}: {{.*}}'derive_new'
  local.t = derive_new(p);
  for (int k = 0; k < 16; k++)
    local.buf[k] = cn->buf[k];
  use(local.buf[i]);
}
