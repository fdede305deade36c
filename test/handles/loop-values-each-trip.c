// A value computed inside a loop is a new value on every trip: what the
// trip that created a handle knew of it (`b == 1`) says nothing about the
// next trip's value, so the next trip's `b < 0` return is a path on which
// the handle is still owed. Within one trip the tests of the value agree.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx;
CV("create:handle=ret,parent=arg0,success=ret!=null") ctx *derive_new(ctx *p);
CV("cancel") void stop(ctx *c);
int next_event(void);
void note(void);

// Positive: an event on a later trip returns with the handle owed.
int events(ctx *p) {
  ctx *out = 0;
  for (;;) {
    int b = next_event();
    if (b < 0) {
      note();
      return -1;
    }
    if (b == 2)
      break;
    if (b == 1)
      // O0: loop-values-each-trip.c:[[@LINE+2]]:13: remark: LostCancel: returns at {{.*}}loop-values-each-trip.c:[[@LINE-5]] without cancelling the handle created at line [[@LINE+2]] by 'derive_new'{{$}}
      // O2: loop-values-each-trip.c:[[@LINE+1]]:13: remark: LostCancel: returns at {{.*}}loop-values-each-trip.c:[[@LINE-8]] without cancelling the handle created at line [[@LINE+1]] by 'derive_new'{{$}}
      out = derive_new(p);
    else if (b == 3) {
      stop(out);
      out = 0;
    }
  }
  if (out)
    stop(out);
  return 0;
}

// Negative: the same trip's second test of the value agrees with the first.
void same_trip(ctx *p, int n) {
  for (int i = 0; i < n; i++) {
    int b = next_event();
    ctx *c = 0;
    if (b == 1)
      // CHECK: loop-values-each-trip.c:[[@LINE+1]]:11: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'derive_new' is cancelled on every path: cancelled by 'stop' at line [[@LINE+4]]{{$}}
      c = derive_new(p);
    note();
    if (b == 1)
      stop(c);
  }
}
