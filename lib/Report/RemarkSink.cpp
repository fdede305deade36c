//===- RemarkSink.cpp - Findings as optimization remarks -------------------===//
//
// One OptimizationRemarkEmitter per function, kept while consecutive
// findings are in the same function (checks report in module order).
//
//===----------------------------------------------------------------------===//
#include "cancelverify/FindingSinks.h"
#include "cancelverify/FindingText.h"

#include "llvm/Analysis/OptimizationRemarkEmitter.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"

using namespace llvm;

namespace cancelverify {

RemarkSink::RemarkSink() = default;
RemarkSink::~RemarkSink() = default;

/// Without debug info the remark has no location: say where in the IR.
std::string RemarkSink::irPosition(const Instruction &I) {
  const Function &F = *I.getFunction();
  if (Numbering.empty() || !Numbering.count(&F.getEntryBlock().front())) {
    Numbering.clear();
    unsigned N = 0;
    for (const Instruction &J : instructions(F))
      Numbering[&J] = N++;
  }
  std::string S = " [in function '" + F.getName().str() + "', instruction " +
                  std::to_string(Numbering.lookup(&I));
  if (I.getParent()->hasName())
    S += " in block '" + I.getParent()->getName().str() + "'";
  return S + "]";
}

void RemarkSink::consume(const Finding &F) {
  if (F.F != Current) {
    Current = F.F;
    ORE = std::make_unique<OptimizationRemarkEmitter>(F.F);
  }
  StringRef Name = findingName(F.Kind);
  DebugLoc Loc = F.location();
  std::string Message = (Name + ": " + findingMessage(F)).str();
  if (!Loc)
    Message += irPosition(*F.At);
  const BasicBlock *BB = F.At->getParent();
  switch (findingClass(F.Kind)) {
  case FindingClass::Missed:
    ORE->emit([&] {
      return OptimizationRemarkMissed(PassName, Name, Loc, BB) << Message;
    });
    break;
  case FindingClass::Passed:
    ORE->emit([&] {
      return OptimizationRemark(PassName, Name, Loc, BB) << Message;
    });
    break;
  case FindingClass::Analysis:
    ORE->emit([&] {
      return OptimizationRemarkAnalysis(PassName, Name, Loc, BB) << Message;
    });
    break;
  }
}

} // namespace cancelverify
