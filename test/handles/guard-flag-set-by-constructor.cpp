// A guard whose destructor cancels only `if (active_)`, with the flag set
// by its constructor (a default member initializer, or a constructor
// argument) and tested at the cleanup every return shares: the write
// reaches the destructor on every path, so what the flag holds there is
// known. A dismiss() on one path writes it again, so there the
// destructor's cancel is not known to run; a guard built disarmed never
// cancels; a flag whose address is handed out may be written unseen.
//
// RUN: %cv-remarks O0 %s -std=c++17 | FileCheck %s --implicit-check-not=remark --check-prefix=O0
// RUN: %cv-remarks O2 %s -std=c++17 | FileCheck %s --implicit-check-not=remark --check-prefix=O2
#include <utility>
#define CV(s) __attribute__((annotate("cancel-verify:" s)))
extern "C" {
struct lease;
CV("create:handle=ret,success=ret!=null") lease *lease_grant(int key);
CV("cancel") void lease_revoke(lease *l);
}
int Check(int key);

template <class F> class ScopeGuard {
public:
  explicit ScopeGuard(F f) : f_(std::move(f)) {}
  ~ScopeGuard() {
    if (active_)
      f_();
  }
  void dismiss() { active_ = false; }

private:
  F f_;
  bool active_ = true;
};

int guarded(int key) {
  // O0-DAG: guard-flag-set-by-constructor.cpp:[[@LINE+2]]:14: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'lease_grant' is guarded on every path: the destructor 'ScopeGuard<guarded(int)::$_0>::~ScopeGuard()' cancels it at scope exit (cancelled by 'lease_revoke' at line [[@LINE+5]])
  // O2-DAG: guard-flag-set-by-constructor.cpp:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'lease_grant' is guarded on every path: the destructor 'ScopeGuard<(lambda at {{.*}})>::~ScopeGuard' cancels it at scope exit (cancelled by 'lease_revoke' at line {{[0-9]+}})
  lease *l = lease_grant(key);
  if (!l)
    return -1;
  ScopeGuard g([l] { lease_revoke(l); });
  if (Check(key) != 0)
    return -1;
  return 0;
}

int dismissed_on_error(int key) {
  // O0-DAG: guard-flag-set-by-constructor.cpp:[[@LINE+2]]:14: remark: LostCancel: returns at {{.*}} without cancelling the handle created at line [[@LINE+2]] by 'lease_grant'; 'ScopeGuard<dismissed_on_error(int)::$_0>::~ScopeGuard()' cancels it only on some paths
  // O2-DAG: guard-flag-set-by-constructor.cpp:[[@LINE+1]]:14: remark: LostCancel: returns at {{.*}} without cancelling the handle created at line [[@LINE+1]] by 'lease_grant'
  lease *l = lease_grant(key);
  if (!l)
    return -1;
  ScopeGuard g([l] { lease_revoke(l); });
  if (Check(key) != 0) {
    g.dismiss();
    return -1;
  }
  return 0;
}

lease *handed_on_success(int key) {
  // O0-DAG: guard-flag-set-by-constructor.cpp:[[@LINE+2]]:14: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'lease_grant' is transferred to the caller (returned to the caller at line [[@LINE+9]])
  // O2-DAG: guard-flag-set-by-constructor.cpp:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'lease_grant' is guarded on every path
  lease *l = lease_grant(key);
  if (!l)
    return nullptr;
  ScopeGuard g([l] { lease_revoke(l); });
  if (Check(key) != 0)
    return nullptr;
  g.dismiss();
  return l;
}

class Armed {
public:
  explicit Armed(lease *l, bool armed) : l_(l), armed_(armed) {}
  ~Armed() {
    if (armed_)
      lease_revoke(l_);
  }
  bool *flag() { return &armed_; }
private:
  lease *l_;
  bool armed_;
};

int unarmed(int key) {
  // O0-DAG: guard-flag-set-by-constructor.cpp:[[@LINE+2]]:14: remark: LostCancel: returns at {{.*}} without cancelling the handle created at line [[@LINE+2]] by 'lease_grant'; 'Armed::~Armed()' cancels it only on some paths
  // O2-DAG: guard-flag-set-by-constructor.cpp:[[@LINE+1]]:14: remark: LostCancel: returns at {{.*}} without cancelling the handle created at line [[@LINE+1]] by 'lease_grant'
  lease *l = lease_grant(key);
  if (!l)
    return -1;
  Armed a(l, false);
  if (Check(key) != 0)
    return -1;
  return 0;
}


// The flag's address handed out: what is written through it is not seen,
// so the constructor's write decides nothing.
void disarm(bool *flag);

int disarmed_through_pointer(int key) {
  // O0-DAG: guard-flag-set-by-constructor.cpp:[[@LINE+2]]:14: remark: LostCancel: returns at {{.*}} without cancelling the handle created at line [[@LINE+2]] by 'lease_grant'; 'Armed::~Armed()' cancels it only on some paths
  // O2-DAG: guard-flag-set-by-constructor.cpp:[[@LINE+1]]:14: remark: LostCancel: returns at {{.*}} without cancelling the handle created at line [[@LINE+1]] by 'lease_grant'
  lease *l = lease_grant(key);
  if (!l)
    return -1;
  Armed a(l, true);
  bool *flag = a.flag();
  if (Check(key) != 0) {
    disarm(flag);
    return -1;
  }
  return 0;
}
