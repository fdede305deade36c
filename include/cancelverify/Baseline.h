//===- Baseline.h - Findings an earlier run already reported -----*- C++ -*-===//
//
// A baseline is a SARIF file written by an earlier run
// (-cancel-verify-sarif). Its findings' fingerprints are known; a finding
// whose fingerprint is among them is old and is not reported again, so a
// team can adopt the verifier on old code and fail only on new findings.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_BASELINE_H
#define CANCELVERIFY_BASELINE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"

namespace cancelverify {

/// The key of CancelVerify's fingerprint in a SARIF result's
/// partialFingerprints.
inline constexpr llvm::StringLiteral FingerprintKey = "cancelVerify/v1";

class Baseline {
public:
  /// Reads the fingerprints of every result of every run of the SARIF file
  /// at \p Path. Fails with a message naming the file on anything else.
  static llvm::Expected<Baseline> load(llvm::StringRef Path);
  /// The same for SARIF text already in memory.
  static llvm::Expected<Baseline> parse(llvm::StringRef Text,
                                        llvm::StringRef Name);

  bool contains(llvm::StringRef Fingerprint) const {
    return Prints.contains(Fingerprint);
  }
  size_t size() const { return Prints.size(); }

private:
  llvm::StringSet<> Prints;
};

} // namespace cancelverify

#endif // CANCELVERIFY_BASELINE_H
