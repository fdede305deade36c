//===- Finding.h - What a check found, as data ------------------*- C++ -*-===//
//
// Checks produce Findings and never print. A Finding is data: the kind (the
// remark name of the contract), the instruction and location it is about,
// related locations each with the role it plays in the explanation, and
// typed arguments (the creation, the events of the handle, the witness
// chains of a loop). The reporting layer words it (FindingText.h) and
// routes it to remarks, diagnostics or files (FindingSink).
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_FINDING_H
#define CANCELVERIFY_FINDING_H

#include "cancelverify/FindingKind.h"
#include "cancelverify/HandleEvents.h"
#include "cancelverify/WaitSummary.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/IR/DebugLoc.h"

#include <optional>
#include <string>
#include <vector>

namespace llvm {
class CallBase;
class DILocation;
class Function;
class Instruction;
} // namespace llvm

namespace cancelverify {

/// The part a related location plays in explaining a finding.
enum class RelatedRole : uint8_t {
  Creation,     ///< where the handle was created
  LostExit,     ///< the exit a path reaches without a cancel
  Overwrite,    ///< the store or creation that overwrites a live handle
  Escape,       ///< where the handle escapes the analysis
  Discharge,    ///< where the handle is cancelled or deferred
  Transfer,     ///< where the handle is handed to the caller
  RootContext,  ///< the root context a detached context derives from
  CallHop,      ///< a call on the way to a blocking call or observation
  BlockingCall, ///< the call that blocks
  Observation,  ///< where cancellation is observed
};

struct RelatedLocation {
  RelatedRole Role;
  llvm::DebugLoc Loc;
  /// The function called, for CallHop, BlockingCall and Observation.
  std::string Callee;
};

/// How a verified handle needs no more care.
enum class VerifiedHow : uint8_t {
  NoExitWithHandle, ///< no path returns with it
  MainReturn,       ///< it lives until main returns and the process ends
  Discharged,       ///< cancelled, deferred or called on every path
  Guarded,          ///< a destructor cancels it at scope exit
  Transferred,      ///< handed to the caller, who owes it
};

/// The typed arguments of a handle finding.
struct HandleDetails {
  HandleSite Site;
  /// Where the creation is reported when it is not at the call's outermost
  /// location: in the frame of an inlined helper that owns the handle.
  llvm::DebugLoc CreationLoc;
  /// That helper's frame: the creation's location inside it (see
  /// owningFrameLocation); lines in messages are the ones it sees.
  const llvm::DILocation *Frame = nullptr;
  /// The source variable that receives the handle, when debug info says.
  std::string Variable;
  // LostCancel.
  llvm::DebugLoc LostLoc;
  bool LostByThrow = false;
  /// The exit instruction reached, and the branch decisions on the way.
  const llvm::Instruction *LostExit = nullptr;
  std::vector<PathStep> LostPath;
  llvm::SmallVector<const llvm::Function *, 1> PartialHelpers;
  // OverwrittenCancel.
  std::optional<OverwriteEvent> Overwrite;
  // CancelEscapes, or LostCancel under -cancel-verify-strict.
  std::optional<EscapeEvent> Escape;
  bool Strict = false;
  // CancelVerified.
  VerifiedHow How = VerifiedHow::NoExitWithHandle;
  std::vector<DischargeEvent> Discharges;
  std::optional<TransferEvent> Transfer;
  /// The function is a creator for its callers: each call of it is judged
  /// as a creation (false when it may return what it was given instead).
  bool CallsAreCreations = true;
  /// The destructor that cancels, for Guarded.
  std::string Destructor;
  // DetachedContext.
  const llvm::CallBase *RootCall = nullptr;
  std::string ContextAtHand;
};

/// The typed arguments of a loop finding.
struct LoopDetails {
  /// The chain down to the first blocking call of the loop.
  Witness Blocking;
  /// The observation judged (LoopObservesCancel, LoopCancelNotActedOn).
  std::optional<Witness> Observed;
  std::optional<InferredFlag> Inferred;
  /// The loop has no exit at all.
  bool NoExit = false;
};

struct Finding {
  FindingKind Kind = FindingKind::LostCancel;
  const llvm::Function *F = nullptr;
  /// The instruction the remark is attached to (creation call, loop header
  /// terminator, overwriting store).
  const llvm::Instruction *At = nullptr;
  /// Overrides At's debug location (the loop's start location).
  llvm::DebugLoc Loc;
  std::vector<RelatedLocation> Related;
  HandleDetails Handle;
  LoopDetails Loop;

  /// Set by reporting (FindingTriage): an identity that survives unrelated
  /// edits (no line in it), and whether the finding is silenced by a
  /// `suppress` role of its function or by the baseline.
  std::string Fingerprint;
  bool Suppressed = false;
  bool Baselined = false;

  /// The location to report: Loc, or At's, at the outermost inlined call.
  llvm::DebugLoc location() const;
};

/// Where checks put their findings. Reporting implements it: remarks,
/// compiler diagnostics and files, with filters (suppression) in front.
class FindingSink {
public:
  virtual ~FindingSink();
  virtual void consume(const Finding &F) = 0;
  /// Called once after the last finding of a module.
  virtual void finish() {}
};

} // namespace cancelverify

#endif // CANCELVERIFY_FINDING_H
