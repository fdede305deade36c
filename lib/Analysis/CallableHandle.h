//===- CallableHandle.h - A std::function that is itself a handle -*- C++ -*-===//
//
// A C++ cancel API may hand out its cancel function as a type-erased
// callable, the twin of Go's CancelFunc: `std::function<void()> stop =
// Derive(parent, &child)`. Its body comes from the creator and is unknown
// here, so its members (which call through the stored invoker and manager)
// would make every copy, call and destruction an escape. What they do is
// known from the standard instead: calling it cancels, copying or moving it
// makes another name for the same handle, destroying it or testing it does
// nothing to the obligation. These operations are recognised by the
// member's demangled name at -O0, and by the inlined frame an indirect call
// sits in once the member was inlined. They apply only when the callable
// object itself is the handle; a std::function wrapping a local lambda is
// followed into the lambda as before. Private to lib/Analysis.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_LIB_CALLABLEHANDLE_H
#define CANCELVERIFY_LIB_CALLABLEHANDLE_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>

namespace llvm {
class CallBase;
class DataLayout;
class Instruction;
class Type;
} // namespace llvm

namespace cancelverify {

/// One operation on a type-erased callable.
struct CallableOp {
  enum Kind : unsigned char {
    Invoke, ///< calls it: Object is cancelled
    Copy,   ///< copy or move construction or assignment: Dest names it too
    Swap,   ///< swap: Object and Dest exchange, each names the other's
    Keep,   ///< destroys or tests it: nothing happens to the obligation
  };
  Kind K;
  /// The call's argument that is the callable operated on, and the one that
  /// receives it (Copy, Swap).
  unsigned Object = 0, Dest = 0;
  /// A test (operator bool, a comparison with nullptr): its result says
  /// whether the callable holds a target, true when it does or when it is
  /// empty.
  enum TestKind : unsigned char { NoTest, TrueIfTarget, TrueIfEmpty };
  TestKind Test = NoTest;
};

/// The byte offset of the one type-erased callable inside an object of
/// type \p T that is not one itself (the CancelFunc of a returned
/// `std::pair<Context, CancelFunc>`, a tuple, a struct of the API), found
/// through nested members and bases; nullopt when there is none or more
/// than one, or \p T is a callable itself.
std::optional<uint64_t> callableMemberOffset(llvm::Type *T,
                                             const llvm::DataLayout &DL);

/// Classifies calls, caching the answer per callee and per inlined frame.
class CallableOps {
public:
  /// What \p CB does to a type-erased callable, if it is such an operation.
  std::optional<CallableOp> of(const llvm::CallBase &CB);
  /// Whether \p I is what is left of a copy, move or swap of a
  /// type-erased callable inlined here (its byte copies at -O2).
  bool inCopyFrame(const llvm::Instruction &I);
  /// The test of a type-erased callable inlined where \p I is (the
  /// comparison of its manager with null at -O2), if \p I is in one.
  CallableOp::TestKind testFrame(const llvm::Instruction &I);

private:
  /// What the member named \p Mangled does, cached under \p Key (the
  /// function called, or the inlined frame's subprogram).
  std::optional<CallableOp> classify(const void *Key, llvm::StringRef Mangled);

  llvm::DenseMap<const void *, std::optional<CallableOp>> Cache;
};

} // namespace cancelverify

#endif // CANCELVERIFY_LIB_CALLABLEHANDLE_H
