//===- CallTarget.h - The function a call reaches directly ------*- C++ -*-===//
//
// A direct call does not always name its function: C++ emits a
// complete-object constructor or destructor defined out of line as an alias
// of the base-object one (`C1 = alias C2`), and C calls through a prototype
// of another type carry a cast. Every place that asks "which body runs here"
// asks these helpers, so a summary is never lost behind an alias.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_CALLTARGET_H
#define CANCELVERIFY_CALLTARGET_H

#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalAlias.h"
#include "llvm/IR/InstrTypes.h"

namespace cancelverify {

/// The function \p V names, seen through pointer casts and through aliases
/// the linker cannot replace; null for anything else.
inline const llvm::Function *functionNamedBy(const llvm::Value *V) {
  V = V->stripPointerCasts();
  // An alias chain is bounded by the module's aliases; interposable ones
  // (weak) may be replaced at link time, so their target says nothing.
  for (unsigned Hops = 0; Hops < 8; ++Hops) {
    auto *GA = llvm::dyn_cast<llvm::GlobalAlias>(V);
    if (!GA)
      break;
    if (GA->isInterposable())
      return nullptr;
    V = GA->getAliasee()->stripPointerCasts();
  }
  return llvm::dyn_cast<llvm::Function>(V);
}

/// The function \p CB calls whatever the call's own type says; for lookups
/// by name (models, catalogs), which never index its parameters.
inline const llvm::Function *calleeNamed(const llvm::CallBase &CB) {
  return functionNamedBy(CB.getCalledOperand());
}

/// The function \p CB calls directly, when its parameters line up with the
/// call's arguments (the same function type), so that argument N is
/// parameter N; null for indirect calls.
inline const llvm::Function *calledFunction(const llvm::CallBase &CB) {
  const llvm::Function *F = calleeNamed(CB);
  if (F && F->getFunctionType() != CB.getFunctionType())
    return nullptr;
  return F;
}

} // namespace cancelverify

#endif // CANCELVERIFY_CALLTARGET_H
