//===- FindingSinks.h - Where findings go -----------------------*- C++ -*-===//
//
// Sinks that report findings, and filters that sit in front of them. The
// driver chains them:
//
//   checks -> FindingTriage -> fan-out -> SARIF (every finding, silenced
//                                     |   ones marked) and statistics
//                                     -> SuppressionFilter -> fan-out ->
//                                        RemarkSink, DiagnosticSink,
//                                        FindingPrinter
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_FINDINGSINKS_H
#define CANCELVERIFY_FINDINGSINKS_H

#include "cancelverify/Finding.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <memory>
#include <vector>

namespace llvm {
class Function;
class Instruction;
class OptimizationRemarkEmitter;
class raw_ostream;
} // namespace llvm

namespace cancelverify {

class ApiModel;

/// The remark PassName of every finding.
inline constexpr const char *PassName = "cancel-verify";

/// Emits findings as optimization remarks (PassName "cancel-verify"), so
/// clang's -Rpass flags, opt's -pass-remarks flags and
/// -fsave-optimization-record all see them. The remark name leads the
/// message: clang's and opt's remark output do not show remark names, and
/// users grep for them.
class RemarkSink final : public FindingSink {
public:
  RemarkSink();
  ~RemarkSink() override;
  void consume(const Finding &F) override;

private:
  std::string irPosition(const llvm::Instruction &I);

  const llvm::Function *Current = nullptr;
  std::unique_ptr<llvm::OptimizationRemarkEmitter> ORE;
  llvm::DenseMap<const llvm::Instruction *, unsigned> Numbering;
};

class Baseline;

/// Gives every finding its fingerprint, and marks the ones a `suppress`
/// role of its function or the baseline silences; passes all of them on
/// (SARIF records silenced findings too).
class FindingTriage final : public FindingSink {
public:
  FindingTriage(const ApiModel &Model, const Baseline *Base, FindingSink &Next)
      : Model(Model), Base(Base), Next(Next) {}
  void consume(const Finding &F) override;
  void finish() override { Next.finish(); }

private:
  const ApiModel &Model;
  const Baseline *Base;
  FindingSink &Next;
  /// Findings seen so far per identity, to tell repeats apart.
  llvm::StringMap<unsigned> Seen;
};

/// Passes on only the findings that are reported: neither suppressed nor
/// in the baseline.
class SuppressionFilter final : public FindingSink {
public:
  explicit SuppressionFilter(FindingSink &Next) : Next(Next) {}
  void consume(const Finding &F) override {
    if (!F.Suppressed && !F.Baselined)
      Next.consume(F);
  }
  void finish() override { Next.finish(); }

private:
  FindingSink &Next;
};

/// Reports missed findings as compiler diagnostics at their location: a
/// warning clang shows with -Wpass-failed=cancel-verify (so -Werror and
/// -Wno-pass-failed work), or an error that fails the compile; each related
/// location follows as a note. Errors are emitted at finish(): a host may
/// stop at its first error, and by then the run's files must be written.
class DiagnosticSink final : public FindingSink {
public:
  explicit DiagnosticSink(bool AsErrors) : AsErrors(AsErrors) {}
  void consume(const Finding &F) override;
  void finish() override;

private:
  void emit(const Finding &F);
  bool AsErrors;
  std::vector<Finding> Pending;
};

/// Hands every finding to several sinks, in order.
class FindingFanOut final : public FindingSink {
public:
  void add(FindingSink &S) { Sinks.push_back(&S); }
  void consume(const Finding &F) override {
    for (FindingSink *S : Sinks)
      S->consume(F);
  }
  void finish() override {
    for (FindingSink *S : Sinks)
      S->finish();
  }

private:
  std::vector<FindingSink *> Sinks;
};

/// Prints findings as the data they are, one fact per line
/// (-cancel-verify-print-findings): what tests pin when the facts matter
/// more than the sentence.
class FindingPrinter final : public FindingSink {
public:
  explicit FindingPrinter(llvm::raw_ostream &OS) : OS(OS) {}
  void consume(const Finding &F) override;

private:
  llvm::raw_ostream &OS;
};

} // namespace cancelverify

#endif // CANCELVERIFY_FINDINGSINKS_H
