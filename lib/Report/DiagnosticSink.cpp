//===- DiagnosticSink.cpp - Findings as compiler warnings and errors -------===//
//
// clang turns a backend diagnostic into one with a real source location
// only for the kinds it knows. Two of them fit:
//  - DiagnosticInfoOptimizationFailure, which clang prints as
//    "file:line:col: warning: ... [-Wpass-failed=cancel-verify]": a warning
//    with a flag, which -Werror, -Werror=pass-failed and -Wno-pass-failed
//    act on;
//  - DiagnosticInfoUnsupported with error severity, which clang prints as
//    "file:line:col: error: ..." and which fails the compile.
// A diagnostic kind of a plugin's own loses the location, so the related
// locations, which clang can only show as such notes, carry theirs in the
// text.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/FindingSinks.h"
#include "cancelverify/FindingText.h"
#include "cancelverify/SourceFrames.h"

#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instruction.h"
#include "llvm/IR/LLVMContext.h"

using namespace llvm;

namespace cancelverify {

namespace {
/// A note after a finding's warning or error: "FILE:LINE:COL: TEXT".
class RelatedNote : public DiagnosticInfo {
public:
  explicit RelatedNote(std::string Text)
      : DiagnosticInfo(kind(), DS_Note), Text(std::move(Text)) {}
  void print(DiagnosticPrinter &DP) const override { DP << Text; }
  static int kind() {
    static int Kind = getNextAvailablePluginDiagnosticKind();
    return Kind;
  }

private:
  std::string Text;
};
} // namespace

void DiagnosticSink::consume(const Finding &F) {
  if (findingClass(F.Kind) != FindingClass::Missed)
    return;
  // Warnings go out with their remarks; errors wait for finish().
  if (AsErrors)
    Pending.push_back(F);
  else
    emit(F);
}

void DiagnosticSink::finish() {
  for (const Finding &F : Pending)
    emit(F);
  Pending.clear();
}

void DiagnosticSink::emit(const Finding &F) {
  LLVMContext &Ctx = F.F->getContext();
  DebugLoc Loc = F.location();
  std::string Message = (findingName(F.Kind) + ": " + findingMessage(F)).str();
  if (AsErrors)
    Ctx.diagnose(DiagnosticInfoUnsupported(*F.F, Message, Loc, DS_Error));
  else
    Ctx.diagnose(DiagnosticInfoOptimizationFailure(
                     PassName, findingName(F.Kind), Loc, F.At->getParent())
                 << Message);
  for (const RelatedLocation &R : F.Related)
    if (R.Loc)
      Ctx.diagnose(RelatedNote(
          formatLocation(relatedDisplayLoc(R), /*WithColumn=*/true) + ": " +
          relatedText(R)));
}

} // namespace cancelverify
