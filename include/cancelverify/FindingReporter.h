//===- FindingReporter.h - Findings to remarks and diagnostics -*- C++ -*-===//
//
// The one place that knows output formats. Today: optimization remarks
// (-Rpass*=cancel-verify, -pass-remarks*, YAML records) and diagnostics about
// the model. Compiler warnings and SARIF slot in here.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_FINDINGREPORTER_H
#define CANCELVERIFY_FINDINGREPORTER_H

#include "cancelverify/ApiModel.h"
#include "cancelverify/Finding.h"

#include "llvm/IR/PassManager.h"

namespace llvm {
class LLVMContext;
}

namespace cancelverify {

/// The remark PassName of every finding.
inline constexpr const char *PassName = "cancel-verify";

/// Counts of what was reported, per finding kind (STATISTIC is compiled out
/// of release builds of LLVM).
struct ReportCounters {
  unsigned PerKind[9] = {};
  unsigned Suppressed = 0;
};

class FindingReporter {
public:
  FindingReporter(llvm::FunctionAnalysisManager &FAM, const ApiModel &Model)
      : FAM(FAM), Model(Model) {}

  /// Emits \p F as a remark unless the enclosing function suppresses it.
  void report(const Finding &F);

  const ReportCounters &counters() const { return Counters; }

  /// Reports a problem with the model (bad annotation or model file).
  static void reportModelDiagnostic(llvm::LLVMContext &Ctx,
                                    const ModelDiagnostic &D);
  /// Reports a problem with the verifier's options.
  static void reportOptionError(llvm::LLVMContext &Ctx,
                                const llvm::Twine &Message);

private:
  llvm::FunctionAnalysisManager &FAM;
  const ApiModel &Model;
  ReportCounters Counters;
};

} // namespace cancelverify

#endif // CANCELVERIFY_FINDINGREPORTER_H
