// A guard that cancels in its destructor, owned by a std::unique_ptr:
// made by std::make_unique (the guard's constructor keeps the handle, the
// unique_ptr's constructor keeps the guard), or built with new and handed
// to the caller inside the unique_ptr it returns. A callee that stores a
// pointer it was given into an object it was given moves what that
// pointer reaches there; the unique_ptr's destructor deletes the guard.
//
// RUN: %cv-remarks O0 %s -std=c++17 | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s -std=c++17 | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
#include <memory>
#define CV(s) __attribute__((annotate("cancel-verify:" s)))
extern "C" {
struct tx_ctx;
struct tx_cancel;
CV("create:handle=ret,parent=arg0") tx_cancel *tx_derive(tx_ctx *p, tx_ctx **c);
CV("cancel") void tx_cancel_now(tx_cancel *c);
}
int Work(tx_ctx *ctx);

struct TxGuard {
  explicit TxGuard(tx_cancel *c) : c_(c) {}
  ~TxGuard() { tx_cancel_now(c_); }
  tx_cancel *c_;
};

int heap_guard(tx_ctx *parent) {
  tx_ctx *child;
  // O0-DAG: unique-ptr-guard.cpp:[[@LINE+2]]:38: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'tx_derive' is guarded on every path: the destructor 'std::unique_ptr<TxGuard, std::default_delete<TxGuard>>::~unique_ptr()' cancels it at scope exit
  // O2-DAG: unique-ptr-guard.cpp:[[@LINE+1]]:38: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'tx_derive' is guarded on every path: the destructor 'TxGuard::~TxGuard' cancels it at scope exit
  auto g = std::make_unique<TxGuard>(tx_derive(parent, &child));
  return Work(child);
}

std::unique_ptr<TxGuard> begin(tx_ctx *parent, tx_ctx **child) {
  // CHECK-DAG: unique-ptr-guard.cpp:[[@LINE+1]]:47: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'tx_derive' is transferred to the caller (stored for the caller at line [[@LINE+1]])
  return std::unique_ptr<TxGuard>(new TxGuard(tx_derive(parent, child)));
}

int use_begin(tx_ctx *parent) {
  tx_ctx *child;
  // O0-DAG: unique-ptr-guard.cpp:[[@LINE+2]]:12: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'begin(tx_ctx*, tx_ctx**)' ('begin(tx_ctx*, tx_ctx**)', which creates it with 'tx_derive' at line {{[0-9]+}}) is guarded on every path: the destructor 'std::unique_ptr<TxGuard, std::default_delete<TxGuard>>::~unique_ptr()' cancels it at scope exit
  // O2-DAG: unique-ptr-guard.cpp:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'tx_derive' is guarded on every path: the destructor 'TxGuard::~TxGuard' cancels it at scope exit
  auto g = begin(parent, &child);
  return Work(child);
}
