//===- ObjectRoot.h - What memory a pointer designates ---------*- C++ -*-===//
//
// The loop check asks two questions about memory: is a value kept in a local
// variable (so an observation stored there can be followed to its later
// loads), and is a load reading memory someone else can write (a global, or
// memory reached through a parameter), which makes it a candidate cancel flag.
// Both need the object behind a pointer; at -O0 that object is hidden behind
// the stack slots clang spills every parameter and pointer variable to.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_OBJECTROOT_H
#define CANCELVERIFY_OBJECTROOT_H

#include "llvm/ADT/DenseMap.h"

#include <cstdint>
#include <optional>

namespace llvm {
class AllocaInst;
class DataLayout;
class Value;
} // namespace llvm

namespace cancelverify {

/// The object a pointer points into, and where inside it.
struct ObjectRoot {
  enum KindTy {
    /// A stack slot of the function (an alloca).
    Local,
    /// A global variable, directly or through pointers stored in it.
    Global,
    /// Memory reached through a parameter of the function.
    Argument,
    /// Anything else: call results, heap, merged pointers.
    Unknown
  } Kind = Unknown;
  /// The AllocaInst, GlobalVariable or Argument.
  const llvm::Value *Base = nullptr;
  /// Byte offset from Base; unknown when the address is computed or when the
  /// object is reached through a pointer loaded from Base's memory.
  std::optional<int64_t> Offset;

  bool isNonLocal() const { return Kind == Global || Kind == Argument; }
  /// True if a write through \p O may change what a read through this sees
  /// (same base, and offsets equal or unknown).
  bool mayOverlap(const ObjectRoot &O) const;
};

/// Finds the objects pointers point into, for one function at a time.
class ObjectRootFinder {
public:
  explicit ObjectRootFinder(const llvm::DataLayout &DL) : DL(DL) {}

  /// The object \p Ptr points into. Sees through constant offsets
  /// (llvm::GetPointerBaseWithConstantOffset, llvm::getUnderlyingObject) and
  /// through loads of a pointer from a stack slot that only ever holds one
  /// value (the -O0 spill of a parameter or of a pointer variable).
  ObjectRoot find(const llvm::Value *Ptr);
  /// Like find(), but a pointer loaded from memory is Unknown: the stack
  /// slot an access names directly, as in clang -O0 code for locals.
  ObjectRoot findDirect(const llvm::Value *Ptr);

private:
  ObjectRoot find(const llvm::Value *Ptr, unsigned Depth, bool Follow);
  const llvm::Value *uniqueStoredValue(const llvm::AllocaInst *Slot);

  const llvm::DataLayout &DL;
  /// Slots are asked about once per access through them: remember.
  llvm::DenseMap<const llvm::AllocaInst *, const llvm::Value *> StoredValues;
};

} // namespace cancelverify

#endif // CANCELVERIFY_OBJECTROOT_H
