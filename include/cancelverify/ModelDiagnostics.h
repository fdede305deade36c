//===- ModelDiagnostics.h - Problems with the verifier's input --*- C++ -*-===//
//
// Bad annotations, bad model files and bad option values are reported as
// compiler diagnostics (warnings or errors), separately from findings.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_MODELDIAGNOSTICS_H
#define CANCELVERIFY_MODELDIAGNOSTICS_H

#include "llvm/ADT/Twine.h"

namespace llvm {
class LLVMContext;
} // namespace llvm

namespace cancelverify {

struct ModelDiagnostic;

/// Reports a problem with the model (bad annotation or model file).
void reportModelDiagnostic(llvm::LLVMContext &Ctx, const ModelDiagnostic &D);
/// Reports a problem with the verifier's options.
void reportOptionError(llvm::LLVMContext &Ctx, const llvm::Twine &Message);

} // namespace cancelverify

#endif // CANCELVERIFY_MODELDIAGNOSTICS_H
