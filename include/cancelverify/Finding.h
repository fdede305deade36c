//===- Finding.h - What a check found, before anyone formats it -*- C++ -*-===//
//
// Checks produce Findings and never print. A Finding carries the remark name
// of the contract, the instruction it is about (for the location), related
// locations (the exit reached, the blocking call, the observation) and the
// message. Reporting turns Findings into remarks, and later into warnings or
// SARIF, in one place.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_FINDING_H
#define CANCELVERIFY_FINDING_H

#include "llvm/ADT/StringRef.h"
#include "llvm/IR/DebugLoc.h"

#include <optional>
#include <string>
#include <vector>

namespace llvm {
class Function;
class Instruction;
} // namespace llvm

namespace cancelverify {

/// The remark names of the contract; the order is the order of the table in
/// the interface specification.
enum class FindingKind {
  LostCancel,
  DiscardedCancel,
  OverwrittenCancel,
  LoopIgnoresCancel,
  LoopCancelNotActedOn,
  DetachedContext,
  CancelVerified,
  LoopObservesCancel,
  CancelEscapes,
};

/// How a finding is reported as an optimization remark.
enum class FindingClass { Missed, Passed, Analysis };

llvm::StringRef findingName(FindingKind K);
FindingClass findingClass(FindingKind K);
std::optional<FindingKind> findingKindByName(llvm::StringRef Name);

/// A location that is part of the explanation of a finding.
struct RelatedLocation {
  llvm::DebugLoc Loc;
  std::string What; ///< "exit reached without cancelling", "blocking call"...
};

struct Finding {
  FindingKind Kind;
  const llvm::Function *F = nullptr;
  /// The instruction the remark is attached to (creation call, loop header
  /// terminator, overwriting store).
  const llvm::Instruction *At = nullptr;
  /// Overrides At's debug location (the loop's start location).
  llvm::DebugLoc Loc;
  std::string Message;
  std::vector<RelatedLocation> Related;
};

/// The location in the function being analysed: code inlined from a callee
/// is reported at the call that was inlined.
llvm::DebugLoc outermostLoc(const llvm::DebugLoc &DL);

/// The source line of \p I ("?" without debug info), at its outermost
/// inlined-at location.
std::string lineOf(const llvm::Instruction &I);

/// "file:line" (or "file:line:col" with \p WithColumn) of a debug location,
/// at its outermost inlined-at location; "<unknown>" without one.
std::string formatLocation(const llvm::DebugLoc &DL, bool WithColumn = false);

} // namespace cancelverify

#endif // CANCELVERIFY_FINDING_H
