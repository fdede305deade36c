//===- CancelVerifyPass.cpp - model -> summaries -> checks -> reporting ----===//
//
// One module at a time: read the options, build the ApiModel, compute the
// function summaries bottom up over the call graph, run every check into
// the chain of sinks (suppression, then remarks). The IR is only read.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/CancelVerifyPass.h"
#include "cancelverify/ApiModel.h"
#include "cancelverify/Check.h"
#include "cancelverify/FindingSinks.h"
#include "cancelverify/FunctionSummaries.h"
#include "cancelverify/ModelDiagnostics.h"
#include "cancelverify/Options.h"
#include "cancelverify/SummaryPrinter.h"

#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace cancelverify {

AnalysisKey ModuleVerifiedAnalysis::Key;

/// The options and the model for \p M, or null after reporting why not.
static std::unique_ptr<ApiModel> buildModel(Module &M, VerifierOptions &Opts) {
  LLVMContext &Ctx = M.getContext();
  Expected<VerifierOptions> Read = VerifierOptions::fromCommandLine();
  if (!Read) {
    reportOptionError(Ctx, toString(Read.takeError()));
    return nullptr;
  }
  Opts = std::move(*Read);
  std::vector<ModelDiagnostic> Diags;
  std::unique_ptr<ApiModel> Model =
      ApiModel::build(M, Opts.Analysis.Model, Diags);
  for (const ModelDiagnostic &D : Diags)
    reportModelDiagnostic(Ctx, D);
  return Model;
}

PreservedAnalyses CancelVerifyPass::run(Module &M, ModuleAnalysisManager &AM) {
  if (AM.getCachedResult<ModuleVerifiedAnalysis>(M))
    return PreservedAnalyses::all();
  AM.getResult<ModuleVerifiedAnalysis>(M);

  VerifierOptions Opts;
  std::unique_ptr<ApiModel> Model = buildModel(M, Opts);
  if (!Model)
    return PreservedAnalyses::all();
  if (Opts.PrintModel)
    Model->print(errs());

  FunctionSummaries Summaries(M, *Model, Opts.Analysis);
  RemarkSink Remarks;
  FindingPrinter Printer(errs());
  FindingFanOut Outputs;
  Outputs.add(Remarks);
  if (Opts.PrintFindings)
    Outputs.add(Printer);
  SuppressionFilter Sink(*Model, Outputs);
  CheckContext C{M, *Model, Summaries, Opts.Analysis};
  for (std::unique_ptr<Check> &Ch : createChecks())
    Ch->run(C, Sink);
  Sink.finish();
  return PreservedAnalyses::all();
}

PreservedAnalyses SummaryPrinterPass::run(Module &M, ModuleAnalysisManager &) {
  VerifierOptions Opts;
  std::unique_ptr<ApiModel> Model = buildModel(M, Opts);
  if (!Model)
    return PreservedAnalyses::all();
  FunctionSummaries Summaries(M, *Model, Opts.Analysis);
  printSummaries(OS, Summaries);
  return PreservedAnalyses::all();
}

} // namespace cancelverify
