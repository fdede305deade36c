//===- FindingOutput.h - cancel-verify's text and YAML output ---*- C++ -*-===//
//
// The sinks behind cancel-verify's --format=text and --format=yaml, the
// filter that picks the findings the output reports, and the counts behind
// --summary. SARIF needs nothing of its own: the library's SarifSink is
// used as it is.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_TOOLS_FINDINGOUTPUT_H
#define CANCELVERIFY_TOOLS_FINDINGOUTPUT_H

#include "cancelverify/Finding.h"

#include "llvm/Support/Error.h"

#include <memory>

namespace llvm {
class raw_ostream;
namespace remarks {
struct RemarkSerializer;
} // namespace remarks
} // namespace llvm

namespace cancelverify {

/// Passes on the findings the output reports: neither suppressed nor in
/// the baseline, and passed ones (CancelVerified, LoopObservesCancel) only
/// when \p WithPassed.
class ReportedFilter final : public FindingSink {
public:
  ReportedFilter(bool WithPassed, FindingSink &Next)
      : WithPassed(WithPassed), Next(Next) {}
  void consume(const Finding &F) override;
  void finish() override { Next.finish(); }

private:
  bool WithPassed;
  FindingSink &Next;
};

/// Findings as a compiler prints diagnostics, one line each, with the
/// related locations as notes after it:
///   FILE:LINE:COL: warning: MESSAGE [RemarkName]
///   FILE:LINE:COL: note: TEXT
/// Missed findings are warnings, CancelEscapes notes and passed findings
/// remarks, as clang ranks them.
class TextSink final : public FindingSink {
public:
  explicit TextSink(llvm::raw_ostream &OS) : OS(OS) {}
  void consume(const Finding &F) override;

private:
  llvm::raw_ostream &OS;
};

/// Findings as LLVM's remark YAML, the records -fsave-optimization-record
/// writes for the plugin: the same pass name, remark names, types and
/// message, so tools that read one read the other.
class YamlRemarkSink final : public FindingSink {
public:
  /// Fails if LLVM cannot serialize remarks as YAML.
  static llvm::Expected<std::unique_ptr<YamlRemarkSink>>
  create(llvm::raw_ostream &OS);
  ~YamlRemarkSink() override;
  void consume(const Finding &F) override;
  void finish() override;

private:
  explicit YamlRemarkSink(
      std::unique_ptr<llvm::remarks::RemarkSerializer> Serializer);

  std::unique_ptr<llvm::remarks::RemarkSerializer> Serializer;
};

/// Counts findings by kind, for --summary.
class SummarySink final : public FindingSink {
public:
  void consume(const Finding &F) override {
    ++PerKind[static_cast<unsigned>(F.Kind)];
  }
  /// One line per remark name with a finding, in the order of the remark
  /// names' table, then the total.
  void print(llvm::raw_ostream &OS) const;

private:
  unsigned PerKind[NumFindingKinds] = {};
};

} // namespace cancelverify

#endif // CANCELVERIFY_TOOLS_FINDINGOUTPUT_H
