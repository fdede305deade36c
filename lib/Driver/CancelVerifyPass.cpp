//===- CancelVerifyPass.cpp - model -> summaries -> checks -> reporting ----===//
//
// One module at a time: build the ApiModel, compute function summaries bottom
// up over the call graph, run the handle and loop checks, and report. The IR
// is only read.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/CancelVerifyPass.h"
#include "cancelverify/ApiModel.h"
#include "cancelverify/FindingReporter.h"
#include "cancelverify/LoopCancelCheck.h"
#include "cancelverify/HandleAnalysis.h"
#include "cancelverify/HandleObligation.h"
#include "cancelverify/Options.h"

#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace cancelverify {

AnalysisKey ModuleVerifiedAnalysis::Key;

PreservedAnalyses CancelVerifyPass::run(Module &M, ModuleAnalysisManager &AM) {
  if (AM.getCachedResult<ModuleVerifiedAnalysis>(M))
    return PreservedAnalyses::all();
  AM.getResult<ModuleVerifiedAnalysis>(M);

  LLVMContext &Ctx = M.getContext();
  Expected<VerifierOptions> Opts = VerifierOptions::fromCommandLine();
  if (!Opts) {
    FindingReporter::reportOptionError(Ctx, toString(Opts.takeError()));
    return PreservedAnalyses::all();
  }

  std::vector<ModelDiagnostic> Diags;
  std::unique_ptr<ApiModel> Model = ApiModel::build(M, Opts->Model, Diags);
  for (const ModelDiagnostic &D : Diags)
    FindingReporter::reportModelDiagnostic(Ctx, D);
  if (!Model)
    return PreservedAnalyses::all();
  if (Opts->PrintModel)
    Model->print(errs());

  auto &FAM =
      AM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
  std::vector<Finding> Findings;
  // Checks append findings in module order, so output is deterministic.
  LoopCancelCheck(*Model, *Opts).run(M, FAM, Findings);
  HandleAnalysis Handles(M, *Model);
  Handles.run();
  checkHandleObligations(M, *Model, Handles, *Opts, Findings);

  FindingReporter Reporter(FAM, *Model);
  for (const Finding &F : Findings)
    Reporter.report(F);

  return PreservedAnalyses::all();
}

} // namespace cancelverify
