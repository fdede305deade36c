//===- SarifWriter.h - Findings as SARIF 2.1.0 -------------------*- C++ -*-===//
//
// A FindingSink that writes one SARIF run per module: the tool with one rule
// per remark name, and a result per finding that is not a pass
// (CancelVerified, LoopObservesCancel are left out), with its location
// relative to the compilation directory, related locations, a code flow for
// LostCancel (the branch decisions from the creation to the exit), a
// fingerprint that survives unrelated edits, suppressions and, when a
// baseline is used, the baseline state.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_SARIFWRITER_H
#define CANCELVERIFY_SARIFWRITER_H

#include "cancelverify/Finding.h"

#include "llvm/Support/JSON.h"

#include <string>
#include <vector>

namespace llvm {
class Module;
class raw_ostream;
} // namespace llvm

namespace cancelverify {

class SarifSink final : public FindingSink {
public:
  /// \p AsErrors: missed findings are errors (else warnings).
  /// \p WithBaseline: a baseline was given (results get a baselineState).
  SarifSink(const llvm::Module &M, bool AsErrors, bool WithBaseline)
      : M(M), AsErrors(AsErrors), WithBaseline(WithBaseline) {}
  void consume(const Finding &F) override;

  /// The whole log.
  llvm::json::Value document() const;
  /// Writes the log to \p OS.
  void write(llvm::raw_ostream &OS) const;
  /// Writes the log to \p Path through a temporary file renamed into
  /// place, so that a reader (or another compile) never sees half a file.
  llvm::Error writeFile(llvm::StringRef Path) const;

private:
  llvm::json::Value location(const llvm::DebugLoc &DL) const;

  const llvm::Module &M;
  bool AsErrors, WithBaseline;
  std::vector<llvm::json::Value> Results;
};

/// The file -cancel-verify-sarif-dir=DIR writes for \p M: DIR/NAME.HASH.sarif,
/// NAME the base name of the module's source file, HASH a short hash of its
/// full path, so that same-named sources in different directories differ.
std::string sarifPathInDirectory(const llvm::Module &M, llvm::StringRef Dir);

} // namespace cancelverify

#endif // CANCELVERIFY_SARIFWRITER_H
