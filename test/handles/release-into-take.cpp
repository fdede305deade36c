// `adopt(h.release())`: optimized code stores null into the unique_ptr and
// then calls adopt with the old pointer, still held in a register. Clearing
// the slot is not an overwrite while that value is used afterwards; the
// use decides (here a `take`). A slot given a new handle while the old one
// is used nowhere after is still overwritten.
//
// RUN: %cv-remarks O0 %s -std=c++17 > %t.O0.out
// RUN: FileCheck %s < %t.O0.out
// RUN: grep -c 'remark: CancelVerified' %t.O0.out | grep -x 3
// RUN: grep -c -E 'remark: (LostCancel|OverwrittenCancel)' %t.O0.out | grep -x 1
// RUN: %cv-remarks O2 %s -std=c++17 > %t.O2.out
// RUN: FileCheck %s < %t.O2.out
// RUN: grep -c 'remark: CancelVerified' %t.O2.out | grep -x 3
// RUN: grep -c -E 'remark: (LostCancel|OverwrittenCancel)' %t.O2.out | grep -x 1
#include <memory>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx;
extern "C" {
CV("create:handle=ret,parent=arg0,success=ret!=null") ctx *derive_new(ctx *p);
CV("cancel") void stop(ctx *c);
CV("take") void ctx_adopt(ctx *c);
void trace_ctx(const ctx *c);
}
struct Stopper {
  void operator()(ctx *c) const { stop(c); }
};

void released_into_take(ctx *parent) {
  // CHECK-DAG: release-into-take.cpp:[[@LINE+1]]:35: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'derive_new' is {{taken|discharged}} on every path
  std::unique_ptr<ctx, Stopper> h(derive_new(parent));
  if (!h)
    return;
  trace_ctx(h.get());
  ctx_adopt(h.release());
}

struct holder {
  ctx *c;
};

void replaced_after_stop(ctx *parent) {
  holder hd;
  // CHECK-DAG: release-into-take.cpp:[[@LINE+1]]:10: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'derive_new' is cancelled on every path
  hd.c = derive_new(parent);
  ctx *old = hd.c;
  hd.c = nullptr;
  stop(old);
}

// Positive: the first handle is replaced and used nowhere after.
void replaced_and_lost(ctx *parent) {
  holder hd;
  // CHECK-DAG: release-into-take.cpp:[[@LINE+3]]:10: remark: OverwrittenCancel: the handle created at line [[@LINE+1]] by 'derive_new' is overwritten at line [[@LINE+3]] before it was cancelled
  hd.c = derive_new(parent);
  trace_ctx(hd.c);
  hd.c = derive_new(parent);
  stop(hd.c);
}
