// Handles pushed into a std::vector and cancelled by a loop over it. At
// -O0 push_back constructs the element at the vector's end pointer and then
// advances that pointer: the place it moved the handle to no longer names
// it, so the move is given up and the handle escapes into the container,
// rather than being "created again" by the next iteration or lost. A
// handle constructed into memory that neither the caller nor the callee
// owns (a new buffer's computed slot) escapes the same way. At -O2 the
// inlined push_back stores into the buffer, which escapes too (a handle
// also kept and cancelled through its own variable is verified there). A
// handle pushed nowhere and never cancelled is still reported.
//
// RUN: %cv-remarks O0 %s -std=c++17 > %t.O0.out
// RUN: FileCheck %s < %t.O0.out
// RUN: grep -c 'remark: CancelEscapes' %t.O0.out | grep -x 2
// RUN: grep -c -E 'remark: (LostCancel|DiscardedCancel|OverwrittenCancel)' %t.O0.out | grep -x 1
// RUN: %cv-remarks O2 %s -std=c++17 > %t.O2.out
// RUN: FileCheck %s < %t.O2.out
// RUN: grep -c -E 'remark: (LostCancel|DiscardedCancel|OverwrittenCancel)' %t.O2.out | grep -x 1
#include <vector>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
struct tok;
CV("create:handle=ret") tok *derive(tok *parent);
CV("cancel:handle=arg0") void stop(tok *t);
int work(const tok *t);

void all_stopped(tok *p, int n) {
  std::vector<tok *> ts;
  for (int i = 0; i < n; i++)
    // CHECK-DAG: container-push-back.cpp:[[@LINE+1]]:18: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'derive(tok*)' escapes
    ts.push_back(derive(p));
  for (tok *t : ts)
    work(t);
  for (tok *t : ts)
    stop(t);
}

void pushed_once(tok *p) {
  std::vector<tok *> ts;
  // CHECK-DAG: container-push-back.cpp:[[@LINE+1]]:12: remark: {{CancelEscapes|CancelVerified}}: the handle created at line [[@LINE+1]] by 'derive(tok*)' {{escapes|is cancelled on every path}}
  tok *t = derive(p);
  ts.push_back(t);
  work(ts[0]);
  stop(ts[0]);
}

// Positive: never pushed, never stopped.
void forgotten(tok *p, int n) {
  for (int i = 0; i < n; i++) {
    // CHECK-DAG: container-push-back.cpp:[[@LINE+1]]:14: remark: {{LostCancel|DiscardedCancel|OverwrittenCancel}}: {{.*}}'derive(tok*)'
    tok *t = derive(p);
    work(t);
  }
}
