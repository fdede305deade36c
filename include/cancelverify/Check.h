//===- Check.h - The interface every check implements -----------*- C++ -*-===//
//
// A check reads the model and the function summaries of one module and
// hands its findings to a FindingSink; it never prints. The driver runs the
// checks createChecks() returns, in that order, which is the order their
// findings are reported in.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_CHECK_H
#define CANCELVERIFY_CHECK_H

#include "llvm/ADT/StringRef.h"

#include <memory>
#include <vector>

namespace llvm {
class Module;
} // namespace llvm

namespace cancelverify {

class ApiModel;
class FindingSink;
class FunctionSummaries;
struct AnalysisOptions;

/// What a check reads.
struct CheckContext {
  llvm::Module &M;
  const ApiModel &Model;
  FunctionSummaries &Summaries;
  const AnalysisOptions &Options;
};

class Check {
public:
  virtual ~Check();
  /// A short name for messages and statistics ("handles", "loops").
  virtual llvm::StringRef name() const = 0;
  /// Reports every finding of the module to \p Out, in module order.
  virtual void run(CheckContext &C, FindingSink &Out) = 0;
};

/// The checks of the verifier, in reporting order: loops, then handles.
std::vector<std::unique_ptr<Check>> createChecks();

} // namespace cancelverify

#endif // CANCELVERIFY_CHECK_H
