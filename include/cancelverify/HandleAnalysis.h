//===- HandleAnalysis.h - Following cancel handles through a module -*- C++ -*-===//
//
// The dataflow and the interprocedural summaries behind the handle check.
//
// One run of the dataflow follows one handle through one function's CFG: the
// handle is either created at a call (a `create` of the model, or a call to a
// function that hands a fresh handle to its caller), or sits at an access
// path rooted at a parameter on entry (when a caller asks what a callee does
// with it). The state at each point is the set of access paths that may hold
// the handle, and a small set of (condition assignment, status) tuples that
// keep branches on the same condition correlated, so `if (ok) cancel(h); ...
// if (!ok) cancel(h);` is seen as cancelling on every path.
//
// Summaries are computed bottom-up over the call graph's SCCs (callees
// first): which functions hand a fresh handle to their caller. What a callee
// does with a handle passed to it is answered on demand and cached per
// (function, access path); recursion is solved by iterating to a fixpoint.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_HANDLEANALYSIS_H
#define CANCELVERIFY_HANDLEANALYSIS_H

#include "cancelverify/AccessPath.h"
#include "cancelverify/ApiModel.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/IR/DebugLoc.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class CallBase;
class Function;
class Instruction;
class Module;
} // namespace llvm

namespace cancelverify {

/// Something that happened to the handle, for messages.
struct HandleEvent {
  const llvm::Instruction *I = nullptr;
  std::string What;
  /// For a discharge inside a callee: the innermost step ("cancelled by
  /// 'cv_cancel' at line 7"), without the chain of calls leading to it.
  std::string Base;
  /// Where it happened, for messages (the return statement for a return).
  llvm::DebugLoc Loc;
};

/// Where a creation puts its handle: the call's return value, or an access
/// path relative to the callee's parameters (an out-parameter, the object
/// behind sret or `this`).
struct HandleSite {
  const llvm::CallBase *Call = nullptr;
  /// Root is an llvm::Argument of the callee; nullopt means the return value.
  std::optional<AccessPath> CalleeExpr;
  SuccessCondition Success = SuccessCondition::Always;
  /// For a returned struct: the byte offset of the field holding the handle.
  int64_t ReturnOffset = 0;
  /// The callee that creates (for messages).
  std::string CreatorName;
  /// A function of this module that creates and hands it up: its chain.
  std::string Via;
};

/// The result of following one handle through one function.
struct HandleOutcome {
  bool Used = false;
  /// The first exit reached with the handle live, and where that path came
  /// from (the return statement), if any.
  const llvm::Instruction *LostExit = nullptr;
  llvm::DebugLoc LostLoc;
  bool LostByThrow = false;
  std::vector<HandleEvent> Discharges, Escapes, Overwrites, Transfers;
  /// A source variable holding the live handle was given another value in
  /// optimized code: an overwrite if the handle is then lost or unused.
  std::vector<HandleEvent> PendingOverwrites;
  /// Helpers that cancel the handle on some paths only.
  std::vector<std::string> PartialHelpers;
  bool Returned = false;
  /// Where in the returned value the handle is (a field of a struct).
  int64_t ReturnOffset = 0;
  /// Access paths rooted at arguments that hold the handle at an exit.
  std::vector<AccessPath> MovedTo;
  /// Whether every exit / some exit saw the handle discharged.
  bool AllExitsDischarged = true;
  bool SomeExitDischarged = false;
  bool AnyExit = false;
  /// Some exit is reached after the creation (else every path from it ends
  /// in abort/exit/unreachable, and nothing can leak).
  bool ExitWithHandle = false;
};

/// What a callee does with a handle at an access path of its parameters.
struct CalleeEffect {
  enum DischargeKind { None, Some, All } Discharge = All;
  std::string How;     ///< "'cv_cancel' in 'finish'"
  bool Escapes = false;
  std::string EscapeWhy;
  bool Returned = false;
  std::vector<AccessPath> MovedTo;
  bool operator==(const CalleeEffect &O) const {
    return Discharge == O.Discharge && Escapes == O.Escapes &&
           Returned == O.Returned && MovedTo == O.MovedTo;
  }
};

/// What a caller knows about the objects it passes: which of their slots
/// hold which function (an object's callback or std::function's invoker).
/// Effects are computed per context, so each object's own callback is
/// followed.
struct CallContext {
  /// Slots as address paths rooted at the callee's arguments.
  llvm::SmallVector<std::pair<AccessPath, const llvm::Function *>, 2>
      FunctionSlots;
  /// What the caller's path knows of an argument: that it is zero (or not),
  /// or that it compares a certain way with a constant.
  struct ConditionFact {
    unsigned ArgNo = 0;
    /// A comparison predicate (normalised to the smaller of it and its
    /// inverse), or ZeroTest.
    unsigned Predicate = ZeroTest;
    const llvm::Value *Constant = nullptr;
    /// The condition atom's value: the argument is zero, or the comparison
    /// is false.
    bool Zero = false;
    static constexpr unsigned ZeroTest = ~0u;
  };
  llvm::SmallVector<ConditionFact, 2> Conditions;
  std::string key() const;
};

class HandleAnalysis {
public:
  HandleAnalysis(llvm::Module &M, const ApiModel &Model);
  ~HandleAnalysis();

  /// Computes, callees first, which functions hand fresh handles to their
  /// callers, and the outcome of every creation in the module.
  void run();

  /// Every creation of a function in program order, with its outcome.
  struct Creation {
    HandleSite Site;
    HandleOutcome Outcome;
  };
  const std::vector<Creation> &creationsIn(const llvm::Function &F) const;

  /// The creation a call performs, if it performs one.
  std::optional<HandleSite> creationAt(const llvm::CallBase &CB) const;

  /// What \p F does with a handle at \p Expr (rooted at one of F's args).
  CalleeEffect effectOf(const llvm::Function &F, const AccessPath &Expr,
                        const CallContext &Context = CallContext());

  AccessPathBuilder &paths(const llvm::Function &F);

  /// The pointer arguments \p F stores into objects reached from its other
  /// arguments (directly or through its callees).
  std::vector<ArgumentStore> argumentStores(const llvm::Function &F);

  /// Whether \p F is known to throw: it throws explicitly, or calls such a
  /// function, and lets the exception out. Functions without a body here are
  /// assumed not to throw, so only exceptions the module shows are exits.
  bool knownToThrow(const llvm::Function &F);

  /// If every return of \p F returns its argument N plus a constant offset.
  std::optional<std::pair<unsigned, int64_t>>
  returnedArgument(const llvm::Function &F);

  /// The functions an indirect call may reach, when they can be known: a
  /// function pointer kept in a local or in a struct field that only ever
  /// holds one function. Empty when unknown.
  llvm::SmallVector<const llvm::Function *, 2>
  resolveCallees(const llvm::CallBase &CB);
  const ApiModel &model() const { return Model; }

private:
  /// Follows one handle through F: from a creation, or from F's entry.
  HandleOutcome follow(const llvm::Function &F, const HandleSite *Site,
                       const AccessPath *EntryExpr,
                       const CallContext *Context = nullptr);

  llvm::Module &M;
  const ApiModel &Model;
  std::map<const llvm::Function *, std::unique_ptr<AccessPathBuilder>> Paths;
  std::map<const llvm::Function *, std::vector<Creation>> Creations;
  /// Functions that hand a fresh handle to their caller.
  std::map<const llvm::Function *, HandleSite> FreshCreators;
  std::map<const llvm::Function *,
           std::optional<std::optional<std::pair<unsigned, int64_t>>>>
      ReturnedArguments;
  std::map<const llvm::Function *, std::optional<std::vector<ArgumentStore>>>
      ArgumentStores;
  std::map<const llvm::Function *, bool> Throws;
  /// Functions whose AccessPathBuilder is being built (summaries that need
  /// it answer "unknown" instead of recursing).
  llvm::SmallPtrSet<const llvm::Function *, 4> Building;
  /// Functions stored into each (struct type, byte offset), module-wide.
  std::optional<std::map<std::pair<const llvm::Type *, int64_t>,
                         llvm::SmallVector<const llvm::Function *, 2>>>
      FieldCallees;
  struct EffectEntry {
    CalleeEffect Effect;
    bool InProgress = false;
    bool Used = false;
  };
  /// Keyed by (callee, access path spelled with the root's address).
  std::map<std::pair<const llvm::Function *, std::string>, EffectEntry> Effects;
  friend class HandleFlow;
};

} // namespace cancelverify

#endif // CANCELVERIFY_HANDLEANALYSIS_H
