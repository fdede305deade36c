//===- Options.h - The verifier's command-line settings ---------*- C++ -*-===//
//
// The driver's settings: the analysis options plus what only the driver
// does (printing the model and findings, diagnostics, SARIF, the baseline,
// statistics). fromCommandLine() reads the -cancel-verify-*
// cl::opts (through clang: -mllvm -cancel-verify-...); nothing below the
// driver sees a cl::opt.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_OPTIONS_H
#define CANCELVERIFY_OPTIONS_H

#include "cancelverify/AnalysisOptions.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Error.h"

namespace cancelverify {

/// How missed findings are reported besides remarks.
enum class DiagnosticMode { Remark, Warning, Error };

/// Under LTO, which step of the build verifies: each compile (its module
/// alone), or the link (the linked program).
enum class LTOStage { Compile, Link };

struct VerifierOptions {
  AnalysisOptions Analysis;
  bool PrintModel = false;
  bool PrintFindings = false;
  DiagnosticMode Diag = DiagnosticMode::Remark;
  /// Write SARIF to this file, or to a file named after the source in this
  /// directory.
  std::string SarifFile, SarifDir;
  /// A SARIF file of an earlier run: findings it holds are not reported.
  std::string BaselineFile;
  /// Print counts and times at the end of the run.
  bool Stats = false;
  /// Write what the summaries learned about the module's externally
  /// visible functions and data to this file, as a model file.
  std::string ExportModelFile;
  LTOStage LTO = LTOStage::Compile;

  /// Reads the cl::opts. Fails with a message on a bad option value.
  static llvm::Expected<VerifierOptions> fromCommandLine();
};

/// The environment variable a host that cannot pass the plugin's options
/// reads them from: lld parses -mllvm before it loads pass plugins.
inline constexpr const char *OptionsEnvironmentVariable = "CANCEL_VERIFY_OPTIONS";

/// Applies the -cancel-verify-* options in CANCEL_VERIFY_OPTIONS (split as
/// a shell would), once per process; the command line's own occurrences
/// come first. A problem (another option, a bad value) is kept and
/// fromCommandLine() reports it.
void applyEnvironmentOptions();

/// The values of the options that say which loads are inferred flags and
/// which loops are reported, shared by the plugin's options and the
/// command-line verifier's.
llvm::cl::ValuesClass flagInferenceValues();
llvm::cl::ValuesClass loopScopeValues();

} // namespace cancelverify

#endif // CANCELVERIFY_OPTIONS_H
