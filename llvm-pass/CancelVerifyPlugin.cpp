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
#include "cancelverify/PluginCompat.h"

#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace cancelverify;

static void registerCallbacks(PassBuilder &PB) {
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
}

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "CancelVerify", CANCELVERIFY_VERSION,
          registerCallbacks};
}
