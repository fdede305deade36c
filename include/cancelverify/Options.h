//===- Options.h - The verifier's command-line settings ---------*- C++ -*-===//
//
// The driver's settings: the analysis options plus what only the driver
// does (printing the model, printing findings as data). fromCommandLine() reads the -cancel-verify-*
// cl::opts (through clang: -mllvm -cancel-verify-...); nothing below the
// driver sees a cl::opt.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_OPTIONS_H
#define CANCELVERIFY_OPTIONS_H

#include "cancelverify/AnalysisOptions.h"

#include "llvm/Support/Error.h"

namespace cancelverify {

struct VerifierOptions {
  AnalysisOptions Analysis;
  bool PrintModel = false;
  bool PrintFindings = false;

  /// Reads the cl::opts. Fails with a message on a bad option value.
  static llvm::Expected<VerifierOptions> fromCommandLine();
};

} // namespace cancelverify

#endif // CANCELVERIFY_OPTIONS_H
