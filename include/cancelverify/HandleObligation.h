//===- HandleObligation.h - Every created handle is discharged -*- C++ -*-===//
//
// The handle check: for every creation in the module, exactly one verdict
// (LostCancel, DiscardedCancel, OverwrittenCancel, DetachedContext,
// CancelEscapes or CancelVerified), from the outcomes HandleAnalysis
// computed. It produces Findings and never prints.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_HANDLEOBLIGATION_H
#define CANCELVERIFY_HANDLEOBLIGATION_H

#include "cancelverify/Finding.h"

#include <vector>

namespace llvm {
class Module;
}

namespace cancelverify {

class ApiModel;
class HandleAnalysis;
struct VerifierOptions;

/// Appends one finding per creation, in module order.
void checkHandleObligations(llvm::Module &M, const ApiModel &Model,
                            HandleAnalysis &Handles,
                            const VerifierOptions &Opts,
                            std::vector<Finding> &Out);

} // namespace cancelverify

#endif // CANCELVERIFY_HANDLEOBLIGATION_H
