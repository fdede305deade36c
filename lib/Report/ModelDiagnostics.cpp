//===- ModelDiagnostics.cpp - Problems with the verifier's input -----------===//
//
// Reported through LLVMContext::diagnose with a plugin diagnostic kind, so
// clang prints them as warnings or errors and an error fails the compile.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/ModelDiagnostics.h"

#include "cancelverify/ApiModel.h"

#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
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

void reportModelDiagnostic(LLVMContext &Ctx, const ModelDiagnostic &D) {
  Ctx.diagnose(CancelVerifyDiagnostic(
      D.Message, D.Severity == ModelDiagnostic::Error ? DS_Error : DS_Warning));
}

void reportModelDiagnostics(LLVMContext &Ctx, ArrayRef<ModelDiagnostic> Diags) {
  std::string Errors;
  for (const ModelDiagnostic &D : Diags) {
    if (D.Severity == ModelDiagnostic::Warning) {
      reportModelDiagnostic(Ctx, D);
      continue;
    }
    // The host prints "error: cancel-verify: " before the first; the others
    // carry the same words so that every error reads alike.
    if (!Errors.empty())
      Errors += "\nerror: cancel-verify: ";
    Errors += D.Message;
  }
  if (!Errors.empty())
    reportModelDiagnostic(Ctx, {ModelDiagnostic::Error, Errors});
}

void reportOptionError(LLVMContext &Ctx, const Twine &Message) {
  Ctx.diagnose(CancelVerifyDiagnostic(Message, DS_Error));
}

} // namespace cancelverify
