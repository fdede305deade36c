// Freeing memory that holds the handle drops it: nothing keeps the handle
// any more, and nothing cancelled it. This holds for an object that holds
// the handle in a field (a guard deleted without cancelling) and for the
// memory of a handle object itself: a lambda that captured a std::function
// cancel by value and was wrapped in a std::function is on the heap, and
// destroying that std::function deletes it. So a hook that is destroyed
// without being called loses the cancel on that path; one called on every
// path cancels it. On -O2 IR the hook's call goes through the pointer
// std::function stored, which cannot be followed (the handle escapes
// there), and a heap object that is only freed is optimized away with its
// store, so its handle is never used.
//
// RUN: %cv-remarks O0 %s -std=c++17 -I %examples/include | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s -std=c++17 -I %examples/include | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
#include <functional>
#include <string>
#include "cv_context.h"

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
using CancelFn = std::function<void()>;
CV("create:handle=ret") CancelFn Derive(cv_ctx_t *parent, cv_ctx_t **child);
int work(cv_ctx_t *ctx, std::string *out);
void warn(const char *what);

// The hook holds the only other copy; both are destroyed uncalled on the
// early return.
int hook_skipped(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: freed-with-its-memory.cpp:[[@LINE+2]]:21: remark: LostCancel: returns at {{.*}}freed-with-its-memory.cpp:[[@LINE+11]] without cancelling the handle created at line [[@LINE+2]] by 'Derive(cv_ctx*, cv_ctx**)'{{$}}
  // O2: freed-with-its-memory.cpp:[[@LINE+1]]:21: remark: LostCancel: returns at {{.*}}freed-with-its-memory.cpp:[[@LINE+13]] without cancelling the handle created at line [[@LINE+1]] by 'Derive(cv_ctx*, cv_ctx**)'{{$}}
  CancelFn cancel = Derive(parent, &child);
  std::function<void(int)> done = [cancel](int rc) {
    if (rc != 0)
      warn("failed");
    cancel();
  };
  std::string body;
  int rc = work(child, &body);
  if (rc == -2)
    return rc;
  done(rc);
  return rc;
}

// Called on every path.
int hook_called(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: freed-with-its-memory.cpp:[[@LINE+2]]:21: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'Derive(cv_ctx*, cv_ctx**)' is called on every path (called at line [[@LINE+6]] (through 'std::function<void (int)>::operator()(int) const' at line [[@LINE+10]])){{$}}
  // O2: freed-with-its-memory.cpp:[[@LINE+1]]:21: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'Derive(cv_ctx*, cv_ctx**)' escapes: passed to an indirect call at line [[@LINE+9]]; it cannot be followed{{$}}
  CancelFn cancel = Derive(parent, &child);
  std::function<void(int)> done = [cancel](int rc) {
    if (rc != 0)
      warn("failed");
    cancel();
  };
  std::string body;
  int rc = work(child, &body);
  done(rc);
  return rc;
}

struct Holder {
  cv_cancel_t *cancel;
};

// A heap object freed with its handle inside.
int holder_deleted(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // O0: freed-with-its-memory.cpp:[[@LINE+2]]:26: remark: LostCancel: returns at {{.*}}freed-with-its-memory.cpp:[[@LINE+6]] without cancelling the handle created at line [[@LINE+2]] by 'cv_with_cancel'{{$}}
  // O2: freed-with-its-memory.cpp:[[@LINE+1]]:26: remark: DiscardedCancel: the cancel handle from 'cv_with_cancel' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
  Holder *h = new Holder{cv_with_cancel(parent, &child)};
  std::string body;
  int rc = work(child, &body);
  delete h;
  return rc;
}

// Cancelled before it is freed.
int holder_cancelled(cv_ctx_t *parent) {
  cv_ctx_t *child;
  // CHECK: freed-with-its-memory.cpp:[[@LINE+1]]:26: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'cv_with_cancel' is cancelled on every path: cancelled by 'cv_cancel' at line [[@LINE+4]]{{$}}
  Holder *h = new Holder{cv_with_cancel(parent, &child)};
  std::string body;
  int rc = work(child, &body);
  cv_cancel(h->cancel);
  delete h;
  return rc;
}
