// Handles kept in an array and cancelled by a loop over it: which element
// the loop reads (`stop(cs[i])`) is not followed, so the handles escape
// there, at -O2 too, where the optimizer stores each one at a constant
// slot and the loop that counted them leaves the count as a phi. No
// handle is reported lost or overwritten by the stores that only fill the
// array. Elements read back at constant indices are still followed: one
// that is never read back, or whose array is never read at all, is lost.
//
// RUN: %cv-remarks O0 %s > %t.O0.out
// RUN: FileCheck %s < %t.O0.out
// RUN: grep -c 'remark: CancelVerified' %t.O0.out | grep -x 1
// RUN: grep -c -E 'remark: (LostCancel|DiscardedCancel)' %t.O0.out | grep -x 1
// RUN: not grep 'remark: OverwrittenCancel' %t.O0.out
// RUN: %cv-remarks O2 %s > %t.O2.out
// RUN: FileCheck %s < %t.O2.out
// RUN: grep -c 'remark: CancelVerified' %t.O2.out | grep -x 1
// RUN: grep -c -E 'remark: (LostCancel|DiscardedCancel)' %t.O2.out | grep -x 3
// RUN: not grep 'remark: OverwrittenCancel' %t.O2.out
#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx;
CV("create:handle=ret,parent=arg0,success=ret!=null") ctx *derive_new(ctx *p);
CV("cancel") void stop(ctx *c);
int run_query(const ctx *c, int q);

int all_stopped(ctx *parent) {
  ctx *cs[4];
  int n = 0;
  for (int i = 0; i < 4; i++) {
    // CHECK-DAG: array-read-at-index.c:[[@LINE+1]]:14: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'derive_new' escapes: {{kept in an array that is read back at an index the verifier cannot follow|stored in memory the verifier cannot follow}}
    ctx *c = derive_new(parent);
    if (!c)
      break;
    cs[n++] = c;
  }
  int sum = 0;
  for (int i = 0; i < n; i++)
    sum += run_query(cs[i], i);
  for (int i = 0; i < n; i++)
    stop(cs[i]);
  return sum;
}

struct pool {
  ctx *slots[8];
  int used;
};

static int pool_add(struct pool *p, ctx *parent) {
  if (p->used == 8)
    return -1;
  ctx *c = derive_new(parent);
  if (!c)
    return -1;
  p->slots[p->used++] = c;
  return 0;
}

int pool_drained(ctx *parent, int n) {
  struct pool p = {{0}, 0};
  for (int i = 0; i < n; i++)
    if (pool_add(&p, parent) != 0)
      break;
  int rc = p.used;
  while (p.used > 0)
    stop(p.slots[--p.used]);
  return rc;
}

void pair_first_stopped(ctx *parent) {
  ctx *cs[2];
  // CHECK-DAG: array-read-at-index.c:[[@LINE+1]]:11: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'derive_new' is cancelled on every path
  cs[0] = derive_new(parent);
  // CHECK-DAG: array-read-at-index.c:[[@LINE+1]]:11: remark: {{LostCancel|DiscardedCancel}}: {{.*}}'derive_new'
  cs[1] = derive_new(parent);
  run_query(cs[0], 0);
  stop(cs[0]);
}

// Positive: filled, never read back.
void never_read(ctx *parent) {
  ctx *cs[2];
  for (int i = 0; i < 2; i++)
    // CHECK-DAG: array-read-at-index.c:[[@LINE+1]]:13: remark: {{LostCancel|DiscardedCancel|CancelEscapes}}: {{.*}}'derive_new'
    cs[i] = derive_new(parent);
}
