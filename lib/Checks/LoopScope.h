//===- LoopScope.h - Functions that can see cancellation --------*- C++ -*-===//
//
// For -cancel-verify-loops=cancellable: the loop check reports only loops
// of functions that can see cancellation, so that a team can start where
// cancellation exists. A function can see it when it observes (itself or
// through a callee), holds a token (a parameter or local of a type that
// is passed to an observe function somewhere in the module), or is called
// by a function that can (which could have handed it the token). Private
// to lib/Checks.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_LIB_LOOPSCOPE_H
#define CANCELVERIFY_LIB_LOOPSCOPE_H

#include "llvm/ADT/DenseSet.h"

namespace llvm {
class Function;
class Module;
} // namespace llvm

namespace cancelverify {

class ApiModel;
class WaitSummaries;

/// The functions of \p M that can see cancellation.
llvm::DenseSet<const llvm::Function *>
functionsSeeingCancellation(const llvm::Module &M, const ApiModel &Model,
                            const WaitSummaries &Summaries);

} // namespace cancelverify

#endif // CANCELVERIFY_LIB_LOOPSCOPE_H
