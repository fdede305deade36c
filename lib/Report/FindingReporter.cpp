//===- FindingReporter.cpp - Findings to remarks ---------------------------===//
//
// Remarks go through OptimizationRemarkEmitter so that clang's -Rpass flags,
// opt's -pass-remarks flags and -fsave-optimization-record all see them.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/FindingReporter.h"

#include "llvm/Analysis/OptimizationRemarkEmitter.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/LLVMContext.h"

using namespace llvm;

namespace cancelverify {

namespace {
/// A diagnostic about CancelVerify's own input. clang prints plugin
/// diagnostic kinds as "warning: MESSAGE [-Wbackend-plugin]"; the message
/// names the source location itself.
class CancelVerifyDiagnostic : public DiagnosticInfo {
public:
  CancelVerifyDiagnostic(const Twine &Msg, DiagnosticSeverity Severity)
      : DiagnosticInfo(kind(), Severity), Msg(Msg.str()) {}
  void print(DiagnosticPrinter &DP) const override {
    DP << "cancel-verify: " << Msg;
  }
  static int kind() {
    static int Kind = getNextAvailablePluginDiagnosticKind();
    return Kind;
  }

private:
  std::string Msg;
};
} // namespace

void FindingReporter::reportModelDiagnostic(LLVMContext &Ctx,
                                            const ModelDiagnostic &D) {
  Ctx.diagnose(CancelVerifyDiagnostic(
      D.Message, D.Severity == ModelDiagnostic::Error ? DS_Error : DS_Warning));
}

void FindingReporter::reportOptionError(LLVMContext &Ctx, const Twine &Message) {
  Ctx.diagnose(CancelVerifyDiagnostic(Message, DS_Error));
}

/// Without debug info the remark has no location: say where in the IR.
static std::string irPosition(const Instruction &I) {
  unsigned N = 0;
  for (const Instruction &J : instructions(*I.getFunction())) {
    if (&J == &I)
      break;
    ++N;
  }
  std::string S = " [in function '" + I.getFunction()->getName().str() +
                  "', instruction " + std::to_string(N);
  if (I.getParent()->hasName())
    S += " in block '" + I.getParent()->getName().str() + "'";
  return S + "]";
}

void FindingReporter::report(const Finding &F) {
  StringRef Name = findingName(F.Kind);
  if (const FunctionRoles *R = Model.rolesOf(F.F))
    if (R->suppresses(Name)) {
      ++Counters.Suppressed;
      return;
    }
  ++Counters.PerKind[static_cast<unsigned>(F.Kind)];
  DebugLoc Loc = outermostLoc(F.Loc ? F.Loc : F.At->getDebugLoc());
  // The name leads the message: clang's and opt's remark output do not show
  // remark names, and users grep for them.
  std::string Message = (Name + ": " + F.Message).str();
  if (!Loc)
    Message += irPosition(*F.At);
  const BasicBlock *BB = F.At->getParent();
  auto &ORE = FAM.getResult<OptimizationRemarkEmitterAnalysis>(
      *const_cast<Function *>(F.F));
  switch (findingClass(F.Kind)) {
  case FindingClass::Missed:
    ORE.emit([&] {
      return OptimizationRemarkMissed(PassName, Name, Loc, BB) << Message;
    });
    break;
  case FindingClass::Passed:
    ORE.emit([&] {
      return OptimizationRemark(PassName, Name, Loc, BB) << Message;
    });
    break;
  case FindingClass::Analysis:
    ORE.emit([&] {
      return OptimizationRemarkAnalysis(PassName, Name, Loc, BB) << Message;
    });
    break;
  }
}

} // namespace cancelverify
