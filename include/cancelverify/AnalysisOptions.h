//===- AnalysisOptions.h - What the analysis is configured by ---*- C++ -*-===//
//
// The settings the model, the summaries and the checks read. They are plain
// data: the driver fills them from the command line (Options.h), tools and
// tests may fill them by hand, and no analysis file sees a cl::opt.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_ANALYSISOPTIONS_H
#define CANCELVERIFY_ANALYSISOPTIONS_H

#include "cancelverify/ApiModel.h"

namespace cancelverify {

/// Which non-local loads count as cancel flags without a model.
enum class FlagInference { None, VolatileAtomic, NonLocal };

/// Which loops the loop check reports.
enum class LoopScope {
  All,        ///< every loop that can block (the default)
  Cancellable ///< only loops of functions that can see cancellation
};

struct AnalysisOptions {
  ModelConfig Model;
  FlagInference InferFlags = FlagInference::VolatileAtomic;
  /// Report handles that escape analysis as LostCancel.
  bool Strict = false;
  LoopScope Loops = LoopScope::All;
};

} // namespace cancelverify

#endif // CANCELVERIFY_ANALYSISOPTIONS_H
