// A value a path sets to remember what it did, tested later: `owned = 1`
// where the handle was created, `if (owned) stop(c);` at the end; a kind
// set on each branch of the creation's check and compared later. At -O0
// the value lives in a local that several stores write; at -O2 in a phi of
// the paths' values. Each store (each edge into the phi) says what the
// later test gives there, so the test follows the path that created. A
// flag that says the wrong thing is still wrong, and a flag written through
// a pointer (which other code may write too) is not followed.
//
// RUN: %cv-remarks O0 %s > %t.O0.out
// RUN: FileCheck %s < %t.O0.out
// RUN: grep -c 'remark: CancelVerified' %t.O0.out | grep -x 4
// RUN: grep -c 'remark: LostCancel' %t.O0.out | grep -x 2
// RUN: grep -c remark %t.O0.out | grep -x 6
// RUN: %cv-remarks O2 %s > %t.O2.out
// RUN: FileCheck %s < %t.O2.out
// RUN: grep -c 'remark: CancelVerified' %t.O2.out | grep -x 4
// RUN: grep -c 'remark: LostCancel' %t.O2.out | grep -x 2
// RUN: grep -c remark %t.O2.out | grep -x 6
#include <stdbool.h>
#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx;
CV("create:handle=ret,parent=arg0,success=ret!=null") ctx *derive_new(ctx *p);
CV("cancel") void stop(ctx *c);
void work(void);
void note_fail(void);
void note_ok(void);
void set_flag(int *flag);

void owned_flag(ctx *p, int want) {
  ctx *c = p;
  int owned = 0;
  if (want) {
    // CHECK-DAG: flag-set-on-paths.c:[[@LINE+1]]:9: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'derive_new' is cancelled on every path
    c = derive_new(p);
    owned = 1;
  }
  work();
  if (owned)
    stop(c);
}

void owned_bool(ctx *p, bool want) {
  ctx *c = p;
  bool owned = false;
  if (want) {
    // CHECK-DAG: flag-set-on-paths.c:[[@LINE+1]]:9: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'derive_new' is cancelled on every path
    c = derive_new(p);
    owned = true;
  }
  work();
  if (owned)
    stop(c);
}

void kind_compared(ctx *p) {
  int kind;
  // CHECK-DAG: flag-set-on-paths.c:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'derive_new' is cancelled on every path
  ctx *c = derive_new(p);
  if (!c) {
    note_fail();
    kind = 0;
  } else {
    note_ok();
    kind = 2;
  }
  work();
  if (kind > 1)
    stop(c);
}

void owned_counted(ctx *p, int n) {
  ctx *c = p;
  int made = 0;
  if (n > 0) {
    // CHECK-DAG: flag-set-on-paths.c:[[@LINE+1]]:9: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'derive_new' is cancelled on every path
    c = derive_new(p);
    made = n;
  }
  work();
  if (made > 0)
    stop(c);
}

// Positive: the kind set where it was created fails the later test.
void kind_wrong(ctx *p) {
  int kind;
  // CHECK-DAG: flag-set-on-paths.c:[[@LINE+1]]:12: remark: LostCancel: returns at {{.*}}flag-set-on-paths.c:[[@LINE+12]] without cancelling the handle created at line [[@LINE+1]] by 'derive_new'
  ctx *c = derive_new(p);
  if (!c) {
    note_fail();
    kind = 0;
  } else {
    note_ok();
    kind = 1;
  }
  work();
  if (kind > 1)
    stop(c);
}

// Positive: the flag's address is taken, and set_flag may clear it.
void flag_by_pointer(ctx *p) {
  int owned = 0;
  // CHECK-DAG: flag-set-on-paths.c:[[@LINE+1]]:12: remark: LostCancel: returns at {{.*}}flag-set-on-paths.c:[[@LINE+7]] without cancelling the handle created at line [[@LINE+1]] by 'derive_new'
  ctx *c = derive_new(p);
  if (c)
    owned = 1;
  set_flag(&owned);
  if (owned)
    stop(c);
}
