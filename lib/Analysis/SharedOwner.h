//===- SharedOwner.h - std::shared_ptr as the owner of a handle -*- C++ -*-===//
//
// `std::shared_ptr<Token> p(create(), cancel)` gives the handle to a
// shared owner: the deleter runs when the last copy of `p` is destroyed or
// reset. The deleter is kept in a control block the shared pointer
// allocates and calls through a virtual function, which the handle
// dataflow cannot follow, so the standard's meaning is used instead:
// constructing from a pointer (or `reset(ptr, deleter)`) adopts it,
// copying adds an owner, moving hands the share over, and destroying or
// `reset()` gives one up; the deleter runs when none is left. These
// operations are recognised by the member's demangled name (libstdc++'s
// `std::__shared_ptr` base and libc++'s `std::__1::shared_ptr`
// included); what the deleter does comes from its summary or model.
// Private to lib/Analysis.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_LIB_SHAREDOWNER_H
#define CANCELVERIFY_LIB_SHAREDOWNER_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace llvm {
class CallBase;
class DILocation;
class Function;
class Instruction;
class Module;
} // namespace llvm

namespace cancelverify {

/// One operation on a shared owner. The owner operated on is always the
/// member's `this` (argument 0).
struct SharedOwnerOp {
  enum Kind : unsigned char {
    Adopt,      ///< constructs an owner of the raw pointer Object
    Reset,      ///< reset(ptr[, deleter]): gives up the old share, adopts
    Copy,       ///< copy construction: this owns what Object owns
    Move,       ///< move construction: this owns it, Object no longer
    CopyAssign, ///< gives up the old share, then Copy
    MoveAssign, ///< gives up the old share, then Move
    Swap,       ///< this and Object exchange what they own
    Release,    ///< destruction or reset(): this gives up its share
  };
  /// How an adopting operation names its deleter.
  enum DeleterKind : unsigned char {
    DefaultDelete, ///< none given: `delete ptr`
    Pointer,       ///< a function pointer, argument 2
    Callable,      ///< an object of class DeleterClass (passed empty)
  };
  Kind K = Release;
  /// The argument that is the raw pointer (Adopt, Reset) or the other
  /// owner (Copy, Move, assignments, Swap).
  unsigned Object = 1;
  DeleterKind Deleter = DefaultDelete;
  std::string DeleterClass;

  bool adopts() const { return K == Adopt || K == Reset; }
  bool releasesFirst() const {
    return K == Reset || K == CopyAssign || K == MoveAssign;
  }
};

/// Classifies calls and inlined frames, caching the answer per callee.
class SharedOwnerOps {
public:
  /// What \p CB does to a shared owner, if it is such an operation.
  const SharedOwnerOp *of(const llvm::CallBase &CB);
  /// The outermost inlined frame \p I sits in that adopts a pointer (what
  /// is left of an inlined constructor or reset), with the location of
  /// that frame's call, which names the inlined instance.
  std::optional<std::pair<const SharedOwnerOp *, const llvm::DILocation *>>
  adoptingFrame(const llvm::Instruction &I);
  /// Whether \p I is part of an owner's destructor or reset() inlined here.
  bool inReleaseFrame(const llvm::Instruction &I);
  /// The call operator of the class a demangled name \p Class spells (a
  /// functor or a lambda), when \p M defines exactly one.
  const llvm::Function *callOperator(const llvm::Module &M,
                                     llvm::StringRef Class);
  /// Whether \p F is what a control block runs when the last owner goes
  /// (libstdc++'s `_M_dispose`, libc++'s `__on_zero_shared`).
  static bool isDispose(const llvm::Function &F);

private:
  const SharedOwnerOp *classify(const void *Key, llvm::StringRef Mangled);

  llvm::DenseMap<const void *, std::optional<SharedOwnerOp>> Cache;
  const llvm::Module *OperatorsOf = nullptr;
  /// Class name to its call operator (null when it has several).
  llvm::StringMap<const llvm::Function *> Operators;
};

} // namespace cancelverify

#endif // CANCELVERIFY_LIB_SHAREDOWNER_H
