//===- FunctionSummaries.cpp - Per-function facts, bottom-up ---------------===//
//
// One walk over the SCCs, callees first; each SCC gets its wait summaries
// and its handle summaries before any caller is looked at.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/FunctionSummaries.h"

#include "cancelverify/ApiModel.h"

#include "llvm/IR/Module.h"

using namespace llvm;

namespace cancelverify {

FunctionSummaries::FunctionSummaries(Module &M, const ApiModel &Model,
                                     const AnalysisOptions &Options)
    : M(M), Model(Model), Graph(M), Waits(Model, Options, Graph) {
  Waits.prepare(M);
  if (Model.hasCreators())
    Handles = std::make_unique<HandleSummaries>(M, Model, Graph);
  for (const std::vector<const Function *> &SCC : Graph.bottomUpSCCs()) {
    Waits.summariseSCC(SCC);
    if (Handles)
      Handles->summariseSCC(SCC);
  }
}

FunctionSummaries::~FunctionSummaries() = default;

} // namespace cancelverify
