//===- ReferentExtent.h - What a C++ reference reaches ----------*- C++ -*-===//
//
// A C++ reference names one object. A function given `const Context &` to
// the first member of a returned pair reaches that member, not the cancel
// function beside it; passing the context on therefore neither borrows nor
// lets escape the handle held in the other member. The exception is a
// polymorphic type: a virtual call through a base reaches the whole object
// (and so does a class whose definition this module does not describe).
//
// Clang marks a reference parameter dereferenceable(sizeof(T)). Whether a
// parameter is a reference, and to what, comes from the declaration's debug
// info (optimized code) or its mangled name (-O0, where clang describes no
// declaration), the type then found among the module's debug types by its
// qualified name. Pointers are never judged: arithmetic on a pointer to a
// member reaches its neighbours (container_of). Private to lib/Analysis.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_LIB_REFERENTEXTENT_H
#define CANCELVERIFY_LIB_REFERENTEXTENT_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>

namespace llvm {
class CallBase;
class DIType;
class Function;
class Module;
} // namespace llvm

namespace cancelverify {

class ReferentExtent {
public:
  explicit ReferentExtent(const llvm::Module &M) : M(M) {}

  /// The bytes from its argument \p ArgNo that the function without a body
  /// \p CB calls can reach: the size of the object a reference parameter
  /// refers to, when that object's type is known and not polymorphic.
  /// 0 when anything reachable from the pointer may be reached.
  uint64_t bytes(const llvm::CallBase &CB, unsigned ArgNo);

private:
  uint64_t referentFromMangledName(const llvm::Function &F, unsigned ArgNo);
  const llvm::DIType *typeNamed(llvm::StringRef Name);
  void indexTypes();

  const llvm::Module &M;
  bool Indexed = false;
  /// Named types of the module's debug info by qualified name; null when
  /// two definitions of a name differ.
  llvm::StringMap<const llvm::DIType *> Types;
  /// The size in bytes of the closed referent of each parameter, 0 when
  /// there is none.
  llvm::DenseMap<std::pair<const llvm::Function *, unsigned>, uint64_t> Sizes;
};

} // namespace cancelverify

#endif // CANCELVERIFY_LIB_REFERENTEXTENT_H
