//===- FunctionSummaries.h - Per-function facts, bottom-up ------*- C++ -*-===//
//
// The one summary engine. Built once per module by the driver over one call
// graph (SummaryCallGraph), callees first: for each SCC, the wait summaries
// (may block, with a witness; observes cancellation; returns or leaves on
// the observation) and the handle summaries (what the function does to
// handles it creates or is given). The checks only read it.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_FUNCTIONSUMMARIES_H
#define CANCELVERIFY_FUNCTIONSUMMARIES_H

#include "cancelverify/AnalysisOptions.h"
#include "cancelverify/HandleSummaries.h"
#include "cancelverify/SummaryCallGraph.h"
#include "cancelverify/WaitSummary.h"

#include <memory>

namespace llvm {
class Module;
} // namespace llvm

namespace cancelverify {

class ApiModel;

class FunctionSummaries {
public:
  FunctionSummaries(llvm::Module &M, const ApiModel &Model,
                    const AnalysisOptions &Options);
  ~FunctionSummaries();

  llvm::Module &module() const { return M; }
  const ApiModel &model() const { return Model; }
  const SummaryCallGraph &callGraph() const { return Graph; }
  const WaitSummaries &waits() const { return Waits; }
  /// Handle summaries; effects on parameters are tabulated as they are
  /// asked for, hence not const. Null when the model has no creators.
  HandleSummaries *handles() { return Handles.get(); }

private:
  llvm::Module &M;
  const ApiModel &Model;
  SummaryCallGraph Graph;
  WaitSummaries Waits;
  std::unique_ptr<HandleSummaries> Handles;
};

} // namespace cancelverify

#endif // CANCELVERIFY_FUNCTIONSUMMARIES_H
