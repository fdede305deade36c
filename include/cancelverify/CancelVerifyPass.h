//===- CancelVerifyPass.h - The verifier as module passes ------*- C++ -*-===//
//
// The driver: model -> summaries -> checks -> reporting, for one module. The
// plugin registers the passes; tools run them through a PassBuilder of their
// own.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_CANCELVERIFYPASS_H
#define CANCELVERIFY_CANCELVERIFYPASS_H

#include "llvm/IR/PassManager.h"

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace cancelverify {

/// Analyses the module and reports findings. Never changes the IR.
class CancelVerifyPass : public llvm::PassInfoMixin<CancelVerifyPass> {
public:
  /// Where in a build the pass was placed: a compile's pipeline (or opt's),
  /// a full LTO link's merged module, or one ThinLTO backend module. It runs
  /// where -cancel-verify-lto says; only the merged module is the whole
  /// program.
  enum class Stage { Compile, Link, ThinBackend };
  explicit CancelVerifyPass(Stage Where = Stage::Compile) : Where(Where) {}

  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &AM);
  /// Runs even on optnone functions (every function at -O0) and is never
  /// skipped by opt-bisect: a verifier must see the whole module.
  static bool isRequired() { return true; }

private:
  Stage Where;
};

/// `print<cancel-verify-summaries>`: prints every function's summary in a
/// stable text form, for tests and for users asking why.
class SummaryPrinterPass : public llvm::PassInfoMixin<SummaryPrinterPass> {
public:
  explicit SummaryPrinterPass(llvm::raw_ostream &OS) : OS(OS) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &AM);
  static bool isRequired() { return true; }

private:
  llvm::raw_ostream &OS;
};

/// Marks a module as verified. The pass preserves all analyses, so a second
/// instance of the pass in the same pipeline finds this cached and stays
/// quiet instead of reporting everything twice.
class ModuleVerifiedAnalysis
    : public llvm::AnalysisInfoMixin<ModuleVerifiedAnalysis> {
public:
  struct Result {
    bool invalidate(llvm::Module &, const llvm::PreservedAnalyses &,
                    llvm::ModuleAnalysisManager::Invalidator &) {
      return false;
    }
  };
  Result run(llvm::Module &, llvm::ModuleAnalysisManager &) { return {}; }

private:
  friend llvm::AnalysisInfoMixin<ModuleVerifiedAnalysis>;
  static llvm::AnalysisKey Key;
};

} // namespace cancelverify

#endif // CANCELVERIFY_CANCELVERIFYPASS_H
