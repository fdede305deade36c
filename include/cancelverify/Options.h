//===- Options.h - The verifier's settings ---------------------*- C++ -*-===//
//
// One struct holds every setting, so the plugin, the command-line tools and
// the tests run the same analysis. fromCommandLine() reads the -cancel-verify-*
// cl::opts (through clang: -mllvm -cancel-verify-...).
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_OPTIONS_H
#define CANCELVERIFY_OPTIONS_H

#include "cancelverify/ApiModel.h"

#include "llvm/Support/Error.h"

namespace cancelverify {

/// Which non-local loads count as cancel flags without a model.
enum class FlagInference { None, VolatileAtomic, NonLocal };

struct VerifierOptions {
  ModelConfig Model;
  /// Report CancelEscapes as LostCancel.
  bool Strict = false;
  bool PrintModel = false;
  FlagInference InferFlags = FlagInference::VolatileAtomic;

  /// Reads the cl::opts. Fails with a message on a bad option value.
  static llvm::Expected<VerifierOptions> fromCommandLine();
};

} // namespace cancelverify

#endif // CANCELVERIFY_OPTIONS_H
