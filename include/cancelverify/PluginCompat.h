//===- PluginCompat.h - The pass-plugin header of each LLVM -----*- C++ -*-===//
//
// LLVM 22 moved the plugin interface out of Passes/ and bumped its API
// version; LLVM 20 gave extension-point callbacks the LTO phase. Only the
// plugin entry includes this; the analysis never does.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_PLUGINCOMPAT_H
#define CANCELVERIFY_PLUGINCOMPAT_H

#include "llvm/Config/llvm-config.h"

#if LLVM_VERSION_MAJOR >= 22
#include "llvm/Plugins/PassPlugin.h"
#else
#include "llvm/Passes/PassPlugin.h"
#endif

#include "llvm/Passes/PassBuilder.h"

namespace cancelverify {
namespace compat {

/// Calls \p AddPasses at the early simplification point of ThinLTO's
/// backend pipeline. Only LLVM 20 and later tell the callback which
/// pipeline it is in; LLVM 19 cannot place a pass in ThinLTO backends only.
template <typename AddPassesT>
void registerThinLTOBackendCallback(llvm::PassBuilder &PB,
                                    AddPassesT AddPasses) {
#if LLVM_VERSION_MAJOR >= 20
  PB.registerPipelineEarlySimplificationEPCallback(
      [AddPasses](llvm::ModulePassManager &MPM, llvm::OptimizationLevel,
                  llvm::ThinOrFullLTOPhase Phase) {
        if (Phase == llvm::ThinOrFullLTOPhase::ThinLTOPostLink)
          AddPasses(MPM);
      });
#else
  (void)PB;
  (void)AddPasses;
#endif
}

} // namespace compat
} // namespace cancelverify

#endif // CANCELVERIFY_PLUGINCOMPAT_H
