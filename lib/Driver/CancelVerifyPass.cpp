//===- CancelVerifyPass.cpp - The verifier's passes ------------------------===//
//
// The pass reads the options and runs the verifier (Verifier.cpp) once per
// module; the summary printer builds the same model and summaries and
// prints them. The IR is only read.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/CancelVerifyPass.h"
#include "cancelverify/ApiModel.h"
#include "cancelverify/FunctionSummaries.h"
#include "cancelverify/ModelDiagnostics.h"
#include "cancelverify/Options.h"
#include "cancelverify/SummaryPrinter.h"
#include "cancelverify/Verifier.h"

#include "llvm/IR/Module.h"

using namespace llvm;

namespace cancelverify {

AnalysisKey ModuleVerifiedAnalysis::Key;

/// The options of the command line, or nothing after reporting why not.
static std::optional<VerifierOptions> readOptions(Module &M) {
  Expected<VerifierOptions> Read = VerifierOptions::fromCommandLine();
  if (!Read) {
    reportOptionError(M.getContext(), toString(Read.takeError()));
    return std::nullopt;
  }
  return std::move(*Read);
}

PreservedAnalyses CancelVerifyPass::run(Module &M, ModuleAnalysisManager &AM) {
  if (AM.getCachedResult<ModuleVerifiedAnalysis>(M))
    return PreservedAnalyses::all();
  std::optional<VerifierOptions> Opts = readOptions(M);
  if (!Opts)
    return PreservedAnalyses::all();
  // Verify in one step of an LTO build only, so nothing is reported twice.
  bool AtLink = Where != Stage::Compile;
  if (AtLink != (Opts->LTO == LTOStage::Link))
    return PreservedAnalyses::all();
  Opts->Analysis.Model.WholeProgram = Where == Stage::Link;
  AM.getResult<ModuleVerifiedAnalysis>(M);
  runVerifier(M, *Opts);
  return PreservedAnalyses::all();
}

PreservedAnalyses SummaryPrinterPass::run(Module &M, ModuleAnalysisManager &) {
  std::optional<VerifierOptions> Opts = readOptions(M);
  if (!Opts)
    return PreservedAnalyses::all();
  std::vector<ModelDiagnostic> Diags;
  std::unique_ptr<ApiModel> Model =
      ApiModel::build(M, Opts->Analysis.Model, Diags);
  reportModelDiagnostics(M.getContext(), Diags);
  if (!Model)
    return PreservedAnalyses::all();
  FunctionSummaries Summaries(M, *Model, Opts->Analysis);
  printSummaries(OS, Summaries);
  return PreservedAnalyses::all();
}

} // namespace cancelverify
