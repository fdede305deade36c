//===- LoopCancelCheck.h - Blocking loops must observe it -------*- C++ -*-===//
//
// Every natural loop that can block (a wait call in its body, directly or in
// a callee) must observe cancellation, and the observation must lead out of
// that loop. The check judges each loop on its own, nested loops included,
// and reports LoopIgnoresCancel, LoopCancelNotActedOn or LoopObservesCancel
// at the loop's start. It only produces Findings.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_LOOPCANCELCHECK_H
#define CANCELVERIFY_LOOPCANCELCHECK_H

#include "cancelverify/Finding.h"
#include "cancelverify/Options.h"

#include "llvm/IR/PassManager.h"

#include <vector>

namespace llvm {
class Module;
}

namespace cancelverify {

class ApiModel;

class LoopCancelCheck {
public:
  LoopCancelCheck(const ApiModel &Model, const VerifierOptions &Options)
      : Model(Model), Options(Options) {}

  /// Appends a finding for every loop of \p M that can block: functions in
  /// module order, loops in source order. Reads LoopInfo and the
  /// post-dominator tree from \p FAM; never changes the IR.
  void run(llvm::Module &M, llvm::FunctionAnalysisManager &FAM,
           std::vector<Finding> &Findings);

private:
  const ApiModel &Model;
  const VerifierOptions &Options;
};

} // namespace cancelverify

#endif // CANCELVERIFY_LOOPCANCELCHECK_H
