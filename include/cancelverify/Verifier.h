//===- Verifier.h - One run of the verifier over one module -----*- C++ -*-===//
//
// model -> summaries -> checks -> reporting, for one module, shared by the
// plugin's pass and the command-line verifier. Which outputs a run has comes
// from the options (remarks, diagnostics, SARIF, the printer, statistics);
// a caller may add a sink of its own (the command line's text output).
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_VERIFIER_H
#define CANCELVERIFY_VERIFIER_H

#include "cancelverify/FindingKind.h"
#include "cancelverify/Options.h"

namespace llvm {
class Module;
} // namespace llvm

namespace cancelverify {

class FindingSink;

/// What a run found, by kind; counted before anything is silenced.
struct VerifierCounts {
  unsigned PerKind[NumFindingKinds] = {};
  unsigned Suppressed = 0, Baselined = 0;
  /// Findings reported: neither suppressed nor in the baseline.
  unsigned ReportedMissed = 0;
};

struct VerifierRun {
  /// False when the options, the model or the baseline were bad (already
  /// reported through the module's LLVMContext) and nothing was analysed.
  bool Analysed = false;
  VerifierCounts Counts;
};

/// Runs the verifier on \p M. \p Remarks: emit optimization remarks.
/// \p Extra, if given, receives every finding (with Suppressed and
/// Baselined set) after the other outputs.
VerifierRun runVerifier(llvm::Module &M, const VerifierOptions &Opts,
                        bool Remarks = true, FindingSink *Extra = nullptr);

} // namespace cancelverify

#endif // CANCELVERIFY_VERIFIER_H
