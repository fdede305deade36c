// A handle held by a guard object whose destructor cancels it, as data:
// CancelVerified "how: guarded", the destructor that cancels, and the
// cancel at the end of the guarded scope as the related discharge. At -O0
// the cancel is inside the destructor ("through" it) and the destructor is
// named from its symbol; at -O2 the destructor is inlined, the cancel sits
// in the function itself, the destructor is named from the inlined scope's
// debug info (without the parameter list), and the variable is the guard
// (O0/O2 lines).
//
// RUN: %clangxx -O0 -g -S -emit-llvm -I %examples/include %s -o %t.O0.ll
// RUN: %cv_opt -cancel-verify-print-findings -disable-output %t.O0.ll 2>&1 | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=finding
// RUN: %clangxx -O2 -g -S -emit-llvm -I %examples/include %s -o %t.O2.ll
// RUN: %cv_opt -cancel-verify-print-findings -disable-output %t.O2.ll 2>&1 | FileCheck %s --check-prefixes=CHECK,O2 --implicit-check-not=finding
#include "cv_context.h"

int work(cv_ctx_t *ctx);
cv_ctx_t *request_ctx();

class CancelGuard {
public:
  explicit CancelGuard(cv_cancel_t *cancel) : cancel_(cancel) {}
  CancelGuard(const CancelGuard &) = delete;
  CancelGuard &operator=(const CancelGuard &) = delete;
  ~CancelGuard() { cv_cancel(cancel_); }

private:
  cv_cancel_t *cancel_;
};

int guarded() {
  cv_ctx_t *child;
  // CHECK: {{^}}finding CancelVerified at {{.*}}findings-guarded-destructor.cpp:[[@LINE+10]]:21 in 'guarded()'{{$}}
  // CHECK-NEXT: {{^}}  creator: 'cv_with_cancel'{{$}}
  // O2-NEXT: {{^}}  variable: guard{{$}}
  // CHECK-NEXT: {{^}}  how: guarded{{$}}
  // O0-NEXT: {{^}}  discharge: cancel 'cv_cancel' through 'CancelGuard::~CancelGuard()'{{$}}
  // O0-NEXT: {{^}}  destructor: 'CancelGuard::~CancelGuard()'{{$}}
  // O2-NEXT: {{^}}  discharge: cancel 'cv_cancel'{{$}}
  // O2-NEXT: {{^}}  destructor: 'CancelGuard::~CancelGuard'{{$}}
  // CHECK-NEXT: {{^}}  related discharge at {{.*}}findings-guarded-destructor.cpp:[[@LINE+6]]:1{{$}}
  // CHECK-NOT: {{^ }}
  CancelGuard guard(cv_with_cancel(request_ctx(), &child));
  if (work(child) < 0)
    return -1;
  return work(child);
}
