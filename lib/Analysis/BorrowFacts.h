//===- BorrowFacts.h - Can a bodiless callee keep a pointer -----*- C++ -*-===//
//
// Ownership follows the Resource Leak Checker's rule: a parameter borrows
// unless it is declared owning. Passing a handle to a function without a
// body borrows it, and the caller still owes the cancel, when the function
// cannot keep it: the parameter is nocapture or readonly (declared, or
// inferred by LLVM for library functions it knows), or a pointer to const
// in the debug info of the declaration (or, at -O0, in its mangled name or
// source prototype: DeclaredParameters.h). The variadic arguments of the
// C library's formatted I/O (printf, scanf and their kin) are only read or
// written through during the call. Otherwise the handle escapes.
// Private to lib/Analysis.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_LIB_BORROWFACTS_H
#define CANCELVERIFY_LIB_BORROWFACTS_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallBitVector.h"

#include <cstdint>
#include <memory>

namespace llvm {
class CallBase;
class Function;
class Module;
class TargetLibraryInfo;
class TargetLibraryInfoImpl;
} // namespace llvm

namespace cancelverify {

class DeclaredParameters;
class ReferentExtent;

class BorrowFacts {
public:
  explicit BorrowFacts(const llvm::Module &M);
  ~BorrowFacts();

  enum Use { Keeps, Borrows, ReturnsIt };
  /// What \p CB's callee (a declaration) may do with its argument \p ArgNo:
  /// keep it, only use it, or use it and return it (strcpy's destination:
  /// it touches only memory its arguments point to, and returns the first).
  Use use(const llvm::CallBase &CB, unsigned ArgNo);
  /// Whether \p CB frees the memory its argument \p ArgNo points to (free,
  /// operator delete): what that memory held is gone with it, not kept.
  bool frees(const llvm::CallBase &CB, unsigned ArgNo);
  /// Whether \p CB's callee (a declaration) is realloc or its kin: one of
  /// its arguments is memory it frees or moves into its result, which is
  /// null when it did neither.
  bool reallocates(const llvm::CallBase &CB);
  /// The bytes from its argument \p ArgNo that \p CB's callee (a
  /// declaration) can reach: a reference's object (ReferentExtent.h); 0
  /// when anything reachable from the pointer may be reached.
  uint64_t reachableBytes(const llvm::CallBase &CB, unsigned ArgNo);

private:
  struct ParamUses {
    llvm::SmallBitVector Borrow, Returned, Frees;
    bool Reallocates = false;
    /// The arguments past the fixed ones are only read or written during
    /// the call (the C library's formatted I/O).
    bool VariadicBorrow = false;
  };
  const ParamUses &paramUses(const llvm::Function &F);
  const llvm::TargetLibraryInfo &libraryInfo();

  const llvm::Module &M;
  /// Library functions' attributes are inferred on copies of their
  /// declarations in a module of our own: the user's IR is never changed.
  std::unique_ptr<llvm::Module> Scratch;
  std::unique_ptr<llvm::TargetLibraryInfoImpl> TLII;
  std::unique_ptr<llvm::TargetLibraryInfo> TLI;
  llvm::DenseMap<const llvm::Function *, ParamUses> Params;
  std::unique_ptr<DeclaredParameters> Declared;
  std::unique_ptr<ReferentExtent> Referents;
};

} // namespace cancelverify

#endif // CANCELVERIFY_LIB_BORROWFACTS_H
