//===- ModelExport.h - What the summaries learned, as a model file -*- C++ -*-===//
//
// The summaries infer, per function, what a model file would otherwise have
// to say: this wrapper returns a fresh handle, this helper cancels the
// handle it is given, this function may block, this one returns whether
// cancellation was observed, this global is a stop flag. Written out in
// the model-file format for the module's externally visible functions and
// data, the facts let another translation unit, compiled on its own, be
// checked as if it were linked with this one.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_MODELEXPORT_H
#define CANCELVERIFY_MODELEXPORT_H

#include "cancelverify/ApiModel.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <vector>

namespace cancelverify {

class FunctionSummaries;

/// The model entries of what \p Summaries know about the module's
/// externally visible functions (their modelled roles and the roles the
/// summaries infer) and of the globals and struct members used as inferred
/// flags with evidence, in module order.
std::vector<ModelEntry> exportedModel(FunctionSummaries &Summaries);

/// Writes exportedModel() of \p Summaries to the file \p Path.
llvm::Error exportModelFile(llvm::StringRef Path,
                            FunctionSummaries &Summaries);

/// Merges model files into one: the first entry for a function, global or
/// member wins, as when the files are given in that order. Fails with the
/// files' errors.
llvm::Expected<std::vector<ModelEntry>>
mergeModelFiles(llvm::ArrayRef<std::string> Paths);

} // namespace cancelverify

#endif // CANCELVERIFY_MODELEXPORT_H
