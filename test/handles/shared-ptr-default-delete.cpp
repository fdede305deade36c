// With memory from operator new as the handle, a std::shared_ptr built
// from it deletes it when the last owner goes (the default deleter is
// operator delete, which the model makes a cancel). The standard
// library's own allocations (the shared pointer's control block,
// make_shared's object) are its business: they are not creations of the
// program, at -O0 (bodies in the module) or -O2 (inlined into the caller).
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/new-delete.yaml | FileCheck %s --implicit-check-not=remark --check-prefix=O0
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/new-delete.yaml | FileCheck %s --implicit-check-not=remark --check-prefix=O2
#include <memory>

struct Obj {
  int x;
};
int use(const Obj *o);

int adopted() {
  // O0: shared-ptr-default-delete.cpp:[[@LINE+2]]:26: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'operator new(unsigned long)' is guarded on every path: the destructor 'std::shared_ptr<Obj>::~shared_ptr()' cancels it at scope exit (cancelled by 'operator delete(void*, unsigned long)' at line [[@LINE+2]]){{$}}
  // O2: shared-ptr-default-delete.cpp:[[@LINE+1]]:26: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'operator new(unsigned long)' is cancelled on every path: cancelled by 'operator delete(void*, unsigned long)' at line [[@LINE+1]]{{$}}
  std::shared_ptr<Obj> p(new Obj{1});
  return use(p.get());
}

// Nothing the program creates: make_shared allocates inside the library.
int made_shared() {
  auto p = std::make_shared<Obj>();
  return use(p.get());
}

// Shared by a copy; the last owner deletes it.
int copied() {
  // O0: shared-ptr-default-delete.cpp:[[@LINE+2]]:12: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'operator new(unsigned long)' is guarded on every path: the destructor 'std::shared_ptr<Obj>::~shared_ptr()' cancels it at scope exit (cancelled by 'operator delete(void*, unsigned long)' at line [[@LINE+3]]){{$}}
  // O2: shared-ptr-default-delete.cpp:[[@LINE+1]]:12: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'operator new(unsigned long)' is cancelled on every path: cancelled by 'operator delete(void*, unsigned long)' at line [[@LINE+2]]{{$}}
  Obj *o = new Obj{2};
  std::shared_ptr<Obj> p(o);
  std::shared_ptr<Obj> q = p;
  return use(q.get());
}

// Positive: an early return before the shared pointer takes it. (At -O2
// the early return is placed at its condition.)
int early(int fail) {
  // O0: shared-ptr-default-delete.cpp:[[@LINE+2]]:12: remark: LostCancel: returns at {{.*}}shared-ptr-default-delete.cpp:[[@LINE+4]] without cancelling the handle created at line [[@LINE+2]] by 'operator new(unsigned long)'{{$}}
  // O2: shared-ptr-default-delete.cpp:[[@LINE+1]]:12: remark: LostCancel: returns at {{.*}}shared-ptr-default-delete.cpp:[[@LINE+2]] without cancelling the handle created at line [[@LINE+1]] by 'operator new(unsigned long)'{{$}}
  Obj *o = new Obj{3};
  if (fail)
    return -1;
  std::shared_ptr<Obj> p(o);
  return use(p.get());
}
