//===- CancelVerifyPlugin.cpp - Registers CancelVerify with LLVM -----------===//
//
// Registration only. `opt -passes=cancel-verify` names the pass and
// `print<cancel-verify-summaries>` its summary printer; clang's -fpass-plugin
// adds the verifier at the pipeline start of every -O level (-O0 included,
// and the pre-link step of -flto and -flto=thin), which runs once per
// module, before optimizations blur the source.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/CancelVerifyPass.h"
#include "cancelverify/Options.h"
#include "cancelverify/PluginCompat.h"

#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace cancelverify;

static void registerCallbacks(PassBuilder &PB) {
  // lld cannot pass -mllvm options to a pass plugin (it parses them first).
  applyEnvironmentOptions();
  PB.registerAnalysisRegistrationCallback([](ModuleAnalysisManager &MAM) {
    MAM.registerPass([] { return ModuleVerifiedAnalysis(); });
  });
  PB.registerPipelineParsingCallback(
      [](StringRef Name, ModulePassManager &MPM,
         ArrayRef<PassBuilder::PipelineElement>) {
        if (Name == "cancel-verify") {
          MPM.addPass(CancelVerifyPass());
          return true;
        }
        if (Name == "print<cancel-verify-summaries>") {
          MPM.addPass(SummaryPrinterPass(errs()));
          return true;
        }
        return false;
      });
  PB.registerPipelineStartEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(CancelVerifyPass());
      });
  // At link time (lld's --load-pass-plugin, -cancel-verify-lto=link): the
  // merged module of full LTO, and each ThinLTO backend module, whose
  // pipelines have no start callback.
  PB.registerFullLinkTimeOptimizationEarlyEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(CancelVerifyPass(CancelVerifyPass::Stage::Link));
      });
  compat::registerThinLTOBackendCallback(PB, [](ModulePassManager &MPM) {
    MPM.addPass(CancelVerifyPass(CancelVerifyPass::Stage::ThinBackend));
  });
}

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "CancelVerify", CANCELVERIFY_VERSION,
          registerCallbacks};
}
