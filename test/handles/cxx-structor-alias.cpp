// A constructor or destructor defined out of line is emitted once, as the
// base-object variant, and the complete-object variant callers use is an
// alias of it (`C1 = alias C2`). Calls through the alias reach the body:
// a constructor that creates makes its object owe the handle, a destructor
// that cancels discharges it. The structors are kept out of line at -O2
// too (noinline), as they are when defined in another file.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/new-delete.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/new-delete.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2

// The constructor allocates, the destructor forgets to free.
struct Leaky {
  __attribute__((noinline)) Leaky();
  ~Leaky() {}
  int *d;
};
// CHECK: cxx-structor-alias.cpp:[[@LINE+1]]:22: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'operator new[](unsigned long)' is transferred to the caller
Leaky::Leaky() { d = new int[1]; }

// At -O2 the empty destructor is gone and the object is never read again:
// the handle is discarded rather than lost.
void use_leaky() {
  // O2: cxx-structor-alias.cpp:[[@LINE+2]]:9: remark: DiscardedCancel: the cancel handle from 'Leaky::Leaky()' ('Leaky::Leaky()', which creates it with 'operator new[](unsigned long)' at line [[@LINE-5]]) is never used
  // O0: cxx-structor-alias.cpp:[[@LINE+1]]:9: remark: LostCancel: returns at {{.*}}cxx-structor-alias.cpp:[[@LINE+2]] without cancelling the handle created at line [[@LINE+1]] by 'Leaky::Leaky()' ('Leaky::Leaky()', which creates it with 'operator new[](unsigned long)' at line [[@LINE-6]]){{$}}
  Leaky e;
}

// Both defined out of line: both are aliases, and the pair balances.
struct Owner {
  __attribute__((noinline)) Owner();
  __attribute__((noinline)) ~Owner();
  int *d;
};
// CHECK: cxx-structor-alias.cpp:[[@LINE+1]]:22: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'operator new[](unsigned long)' is transferred to the caller
Owner::Owner() { d = new int[1]; }
Owner::~Owner() { delete[] d; }

int use_owner(int n) {
  // CHECK: cxx-structor-alias.cpp:[[@LINE+1]]:9: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'Owner::Owner()'
  Owner o;
  o.d[0] = n;
  return o.d[0];
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -mllvm -cancel-verify-model=%S/Inputs/new-delete.yaml | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
