//===- StableGlobalLoads.h - Loads of a global reading one value -*- C++ -*-===//
//
// `if (verbose) h = create(); ... if (verbose) cancel(h);` is correct only
// because both tests read the same value of `verbose`. The handle dataflow
// correlates branches on the same value, so it needs to know when two loads
// of a global are that value: when nothing in the function may write the
// global, every load of it reads what it held on entry.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_STABLEGLOBALLOADS_H
#define CANCELVERIFY_STABLEGLOBALLOADS_H

#include "llvm/ADT/DenseMap.h"

namespace llvm {
class Function;
class LoadInst;
class Value;
} // namespace llvm

namespace cancelverify {

/// For one function, the loads of globals that read the value the global
/// held on entry. A global is stable in the function when it is constant,
/// or when the function neither stores to it, nor stores through a pointer
/// that may be it, nor calls a function of this module that may write it.
///
/// A function without a body (a library, another file) is taken not to
/// change the program's globals unless it can reach the global's address;
/// a call to it between two tests of the same global keeps them one value.
/// This only prunes paths, so a wrong guess can hide a finding but never
/// make one.
class StableGlobalLoads {
public:
  explicit StableGlobalLoads(const llvm::Function &F);

  /// The first load (in instruction order) of the same global with the same
  /// type when \p LI is stable, else \p LI itself.
  const llvm::LoadInst *representative(const llvm::LoadInst &LI) const;

private:
  llvm::DenseMap<const llvm::LoadInst *, const llvm::LoadInst *> First;
};

} // namespace cancelverify

#endif // CANCELVERIFY_STABLEGLOBALLOADS_H
