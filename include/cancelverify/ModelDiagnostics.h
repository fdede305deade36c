//===- ModelDiagnostics.h - Problems with the verifier's input --*- C++ -*-===//
//
// Bad annotations, bad model files and bad option values are reported as
// compiler diagnostics (warnings or errors), separately from findings.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_MODELDIAGNOSTICS_H
#define CANCELVERIFY_MODELDIAGNOSTICS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Twine.h"

namespace llvm {
class LLVMContext;
} // namespace llvm

namespace cancelverify {

struct ModelDiagnostic;

/// Reports a problem with the model (bad annotation or model file).
void reportModelDiagnostic(llvm::LLVMContext &Ctx, const ModelDiagnostic &D);
/// Reports all problems found while building the model: the warnings one by
/// one, then every error in one diagnostic, one "error: cancel-verify:" line
/// each. A host without a diagnostic handler (opt) exits at the first
/// error, and a user fixing a model file wants to see all of them.
void reportModelDiagnostics(llvm::LLVMContext &Ctx,
                            llvm::ArrayRef<ModelDiagnostic> Diags);
/// Reports a problem with the verifier's options.
void reportOptionError(llvm::LLVMContext &Ctx, const llvm::Twine &Message);

} // namespace cancelverify

#endif // CANCELVERIFY_MODELDIAGNOSTICS_H
