//===- HandleEvents.h - What happens to a handle, as data ------*- C++ -*-===//
//
// Following a handle through a function records what happened to it: where
// it was discharged, handed to the caller, let escape or overwritten, and
// which exit it reached while still owed. These are data (kinds, the
// instructions, the functions involved); the reporting layer words them.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_HANDLEEVENTS_H
#define CANCELVERIFY_HANDLEEVENTS_H

#include "cancelverify/AccessPath.h"
#include "cancelverify/RoleSpec.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/DebugLoc.h"

#include <optional>
#include <vector>

namespace llvm {
class CallBase;
class ConstantInt;
class Function;
class Instruction;
class Value;
} // namespace llvm

namespace cancelverify {

/// How a handle is discharged at the innermost step.
enum class DischargeKind : uint8_t { Cancelled, Deferred, Taken, Called };

/// The innermost discharge: a `cancel`, `defer` or `take` call, or a call of the
/// handle itself. At is null when a callee discharges in a way it cannot
/// name (through recursion): then it reads as "cancelled".
struct DischargeWitness {
  DischargeKind Kind = DischargeKind::Cancelled;
  const llvm::Instruction *At = nullptr;
  /// The cancel or defer function (null for a call of the handle).
  const llvm::Function *Callee = nullptr;
};

/// A discharge seen in the function being followed.
struct DischargeEvent {
  /// The call that discharges: the cancel itself, or the call of a helper.
  const llvm::Instruction *I = nullptr;
  DischargeWitness Leaf;
  /// For a discharge inside a callee: the helper called at I.
  const llvm::Function *Through = nullptr;
};

/// How a handle becomes the caller's business.
enum class TransferKind : uint8_t {
  Returned,          ///< returned to the caller
  StoredForCaller,   ///< stored through a pointer the caller passed
  CreatedInOutParam, ///< created straight into the caller's out-parameter
  CreatedInObject,   ///< created as a member of an object the caller passed
  CopiedForCaller,   ///< copied (memcpy) into memory the caller owns
  StoredByCallee,    ///< a callee stored it for the caller
};

struct TransferEvent {
  TransferKind Kind = TransferKind::Returned;
  const llvm::Instruction *I = nullptr;
  /// The return statement for a return; I's location otherwise.
  llvm::DebugLoc Loc;
  /// The callee, for StoredByCallee.
  const llvm::Function *Callee = nullptr;
};

/// Why the verifier stops following a handle.
struct EscapeReason {
  enum KindTy : uint8_t {
    Global,         ///< stored in a global variable (Object)
    Heap,           ///< stored in memory from an allocator
    UnknownMemory,  ///< stored in memory that cannot be followed
    UnknownCallee,  ///< passed to a function without model or body (Object)
    IndirectCall,   ///< passed to an indirect call that cannot be resolved
    UnknownDeleter, ///< given to a shared owner whose deleter cannot be
                    ///< followed
    VariableIndex,  ///< kept in an array read back at an index that is not
                    ///< a constant (At is the read)
  } Kind = UnknownMemory;
  const llvm::Value *Object = nullptr;
  /// The store or call where it escapes (in the innermost function).
  const llvm::Instruction *At = nullptr;
  /// The helpers it was passed through before, outermost first.
  llvm::SmallVector<const llvm::Function *, 2> Through;
};

struct EscapeEvent {
  const llvm::Instruction *I = nullptr;
  EscapeReason Reason;
};

struct OverwriteEvent {
  enum KindTy : uint8_t {
    CreatedAgain, ///< the same creation runs again (a loop)
    Overwritten,  ///< the storage holding it gets another value
  } Kind = Overwritten;
  const llvm::Instruction *I = nullptr;
};

/// One branch decision on a path: the conditional branch or switch and the
/// successor taken.
struct PathStep {
  const llvm::Instruction *Branch = nullptr;
  unsigned Successor = 0;
};

/// Where a creation puts its handle: the call's return value, or an access
/// path relative to the callee's parameters (an out-parameter, the object
/// behind sret or `this`).
struct HandleSite {
  const llvm::CallBase *Call = nullptr;
  /// Root is an llvm::Argument of the callee, or the callee itself for the
  /// object its returned pointer points to; nullopt means the return value.
  std::optional<AccessPath> CalleeExpr;
  SuccessCondition Success = SuccessCondition::Always;
  /// For a returned struct: the byte offset of the field holding the handle.
  int64_t ReturnOffset = 0;
  /// The function called (a creator of the model, or a wrapper of this
  /// module that hands a fresh handle up).
  const llvm::Function *Creator = nullptr;
  /// For a wrapper: the creation inside it that it hands up.
  const llvm::CallBase *WrapperCreation = nullptr;
  /// The IR argument of the call that is the new context's parent: the
  /// model's `parent=`, or the wrapper parameter passed on as the parent.
  std::optional<unsigned> ParentArg;
  /// For an integer handle a wrapper stores for its caller (a descriptor
  /// in an out-parameter): the creation inside whose result the handle's
  /// value is, and the success condition that value carries wherever it
  /// goes (open's ret>=0: a copy that is -1 is no handle).
  const llvm::CallBase *ValueOf = nullptr;
  SuccessCondition ValueStatus = SuccessCondition::Always;
};

/// The result of following one handle through one function.
struct HandleOutcome {
  bool Used = false;
  /// The first exit reached with the handle live, and the statement that
  /// path returns at.
  const llvm::Instruction *LostExit = nullptr;
  llvm::DebugLoc LostLoc;
  bool LostByThrow = false;
  /// The decisions of one path from the creation to LostExit on which the
  /// handle stays owed.
  std::vector<PathStep> LostPath;
  std::vector<DischargeEvent> Discharges;
  std::vector<EscapeEvent> Escapes;
  std::vector<OverwriteEvent> Overwrites;
  std::vector<TransferEvent> Transfers;
  /// A source variable holding the live handle was given another value in
  /// optimized code: an overwrite if the handle is then lost or unused.
  std::vector<OverwriteEvent> PendingOverwrites;
  /// Helpers that cancel the handle on some paths only.
  llvm::SmallVector<const llvm::Function *, 1> PartialHelpers;
  bool Returned = false;
  /// Where in the returned value the handle is (a field of a struct).
  int64_t ReturnOffset = 0;
  /// Access paths that hold the handle at an exit: rooted at arguments
  /// (memory the caller passed), or at the function itself for the object
  /// its returned pointer points to (a helper that allocates an object,
  /// puts the handle in it and returns it).
  std::vector<AccessPath> MovedTo;
  /// The constants the function returns, each with the statuses the
  /// handle has where it is returned (a bit per flow status), so that a
  /// wrapper's result can say whether it handed the handle over (`return
  /// 0;` after `*out = c`, `return -1;` where the creation failed).
  llvm::SmallVector<std::pair<const llvm::ConstantInt *, uint8_t>, 2>
      ReturnedConstants;
  /// Some return gives something other than a constant.
  bool ReturnsOther = false;
  /// For a function returning a pointer: the statuses the handle has where
  /// a null pointer is returned, and where a pointer is returned that does
  /// not lead to the handle (a bit per flow status each). They say whether
  /// a returned object holds the handle on every call that returns one.
  uint8_t NullReturnStatuses = 0;
  uint8_t OtherReturnStatuses = 0;
  /// Some return gives a pointer that is neither null nor leads to the
  /// handle, whether or not the creation ran on its path (`stdout` instead
  /// of a new stream): the function's calls are not all creations.
  bool OtherPointerReturned = false;
  /// The object that holds the handle is returned on some path where the
  /// creation did not run or the handle was discharged.
  bool ObjectReturnedWithout = false;
  /// A store after the move changed what one of MovedTo names (push_back
  /// advancing the end pointer the element was reached by): where the
  /// handle is can no longer be said.
  const llvm::Instruction *MovedStaleAt = nullptr;
  /// Whether every exit / some exit saw the handle discharged.
  bool AllExitsDischarged = true;
  bool SomeExitDischarged = false;
  bool AnyExit = false;
  /// Following a handle from the entry: no return that carries it still
  /// has it where the caller put it (`release()` clears the slot).
  bool EntrySlotCleared = true;
  /// Some exit lets an exception out, and every such exit has discharged
  /// the handle first (a constructor that calls the deleter and rethrows).
  bool AnyThrowExit = false;
  bool ThrowExitsDischarged = true;
  /// Some exit is reached after the creation (else every path from it ends
  /// in abort/exit/unreachable, and nothing can leak).
  bool ExitWithHandle = false;
};

/// What a callee does with a handle at an access path of its parameters.
struct CalleeEffect {
  enum DischargeKind : uint8_t { None, Some, All } Discharge = All;
  /// The innermost discharge, when it can be named.
  DischargeWitness How;
  std::optional<EscapeReason> Escape;
  bool Returned = false;
  llvm::SmallVector<AccessPath, 1> MovedTo;
  /// The callee takes the handle out of the caller's memory it was given
  /// in, on every path that returns with it.
  bool ClearsSlot = false;
  /// Every exception the callee lets out with the handle leaves after it
  /// discharged it (or none does): the caller's exception edge carries no
  /// handle.
  bool DischargedBeforeThrow = false;
  /// Compares what callers act on (not the witnesses chosen for messages).
  bool sameVerdict(const CalleeEffect &O) const {
    return Discharge == O.Discharge && Escape.has_value() == O.Escape.has_value() &&
           Returned == O.Returned && MovedTo == O.MovedTo &&
           ClearsSlot == O.ClearsSlot &&
           DischargedBeforeThrow == O.DischargedBeforeThrow;
  }
};

} // namespace cancelverify

#endif // CANCELVERIFY_HANDLEEVENTS_H
