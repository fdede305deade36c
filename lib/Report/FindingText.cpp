//===- FindingText.cpp - The words of every finding ------------------------===//
//
// Messages name functions as users write them (demangled) and places by
// line, at the outermost inlined call for handles (where the user's code
// is) and in the inlined function's own code for loops (where the loop and
// the blocking call are written).
//
//===----------------------------------------------------------------------===//
#include "cancelverify/FindingText.h"

#include "cancelverify/CallTarget.h"
#include "cancelverify/SourceFrames.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Instructions.h"

using namespace llvm;

namespace cancelverify {

static std::string quoted(const Function *F) {
  return "'" + (F ? demangle(F->getName().str()) : std::string()) + "'";
}

/// " at line N", or nothing when optimization left no line (line 0). With
/// \p Frame (a finding placed in an inlined helper), the line that frame
/// sees.
static std::string at(const Instruction *I,
                      const DILocation *Frame = nullptr) {
  if (!I)
    return std::string();
  if (Frame)
    if (const DILocation *In = locationInFrame(I->getDebugLoc(), Frame);
        In && In->getLine())
      return " at line " + std::to_string(In->getLine());
  std::string L = lineOf(*I);
  return L == "?" ? std::string() : " at line " + L;
}

std::string creatorText(const HandleSite &Site) {
  std::string S = quoted(Site.Creator);
  if (const CallBase *Inner = Site.WrapperCreation) {
    auto *InnerCreator = calleeNamed(*Inner);
    S += " (" + quoted(Site.Creator) + ", which creates it with " +
         quoted(InnerCreator);
    if (const DebugLoc &DL = Inner->getDebugLoc())
      S += " at line " + std::to_string(DL.getLine());
    S += ")";
  }
  return S;
}

std::string leafText(const DischargeWitness &W, const DILocation *Frame) {
  if (!W.At)
    return "cancelled";
  switch (W.Kind) {
  case DischargeKind::Called:
    return "called" + at(W.At, Frame);
  case DischargeKind::Deferred:
    return "deferred by " + quoted(W.Callee) + at(W.At, Frame);
  case DischargeKind::Taken:
    return "taken by " + quoted(W.Callee) + at(W.At, Frame);
  case DischargeKind::Cancelled:
    break;
  }
  return "cancelled by " + quoted(W.Callee) + at(W.At, Frame);
}

std::string dischargeText(const DischargeEvent &D, const DILocation *Frame) {
  if (!D.Through)
    return leafText(D.Leaf, Frame);
  return leafText(D.Leaf, Frame) + " (through " + quoted(D.Through) +
         at(D.I, Frame) + ")";
}

std::string escapeText(const EscapeReason &R) {
  std::string S;
  for (const Function *T : R.Through)
    S += "passed to " + quoted(T) + ", where it is ";
  switch (R.Kind) {
  case EscapeReason::Global:
    S += "stored in global '" + R.Object->getName().str() + "'";
    break;
  case EscapeReason::Heap:
    S += "stored in heap memory";
    break;
  case EscapeReason::UnknownMemory:
    S += "stored in memory the verifier cannot follow";
    break;
  case EscapeReason::UnknownCallee:
    S += "passed to " + quoted(cast<Function>(R.Object)) +
         ", which has no model and no body here";
    break;
  case EscapeReason::IndirectCall:
    S += "passed to an indirect call";
    break;
  case EscapeReason::UnknownDeleter:
    S += "given to a std::shared_ptr whose deleter cannot be followed";
    break;
  case EscapeReason::VariableIndex:
    S += "kept in an array that is read back at an index the verifier "
         "cannot follow";
    break;
  }
  return S + at(R.At);
}

static std::string transferText(const TransferEvent &T) {
  switch (T.Kind) {
  case TransferKind::Returned:
    return "returned to the caller";
  case TransferKind::StoredForCaller:
    return "stored for the caller";
  case TransferKind::CreatedInOutParam:
    return "created in the caller's out-parameter";
  case TransferKind::CreatedInObject:
    return "created in the object the caller passed";
  case TransferKind::CopiedForCaller:
    return "copied for the caller";
  case TransferKind::StoredByCallee:
    return "stored for the caller by " + quoted(T.Callee);
  }
  return std::string();
}

static std::string overwriteText(const OverwriteEvent &E) {
  if (E.Kind == OverwriteEvent::CreatedAgain)
    return "created again" + at(E.I) +
           " before the previous handle was cancelled";
  return "overwritten" + at(E.I) + " before it was cancelled";
}

/// How a verified handle was discharged, in the user's words.
static std::string howTransferred(const HandleDetails &H) {
  DebugLoc L = outermostLoc(H.Transfer->Loc);
  return "transferred to the caller (" + transferText(*H.Transfer) +
         (L && L.getLine() ? " at line " + std::to_string(L.getLine())
                           : std::string()) +
         (H.CallsAreCreations
              ? "); each call of this function is judged as a creation"
              : ")");
}

static std::string howDischarged(const HandleDetails &H) {
  if (H.How == VerifiedHow::Transferred)
    return howTransferred(H);

  const DischargeEvent &First = H.Discharges.front();
  if (H.How == VerifiedHow::Guarded)
    return "guarded on every path: the destructor '" + H.Destructor +
           "' cancels it at scope exit (" + leafText(First.Leaf, H.Frame) + ")";
  // Name every place that discharges it (in source order), up to a few.
  bool AllDeferred = true, AllCancelled = true, AllCalled = true,
       AllTaken = true;
  std::string All;
  size_t N = H.Discharges.size();
  for (size_t I = 0; I < N && I < 3; ++I) {
    const DischargeWitness &W = H.Discharges[I].Leaf;
    AllDeferred &= W.At && W.Kind == DischargeKind::Deferred;
    AllTaken &= W.At && W.Kind == DischargeKind::Taken;
    AllCancelled &= !W.At || W.Kind == DischargeKind::Cancelled;
    AllCalled &= W.At && W.Kind == DischargeKind::Called;
    if (I)
      All += I + 1 == N || I == 2 ? " and " : ", ";
    All += dischargeText(H.Discharges[I], H.Frame);
  }
  if (N > 3)
    All += " and " + std::to_string(N - 3) + " more";
  // Paths that hand it to the caller instead are named after the others.
  std::string Where = H.Transfer
                          ? " on the paths that do not hand it to the caller"
                          : " on every path";
  std::string Handed = H.Transfer ? "; " + howTransferred(H) : std::string();
  if (AllCalled)
    return "called" + Where + " (" + All + ")" + Handed;
  return std::string(AllDeferred    ? "deferred"
                     : AllTaken     ? "taken"
                     : AllCancelled ? "cancelled"
                                    : "discharged") +
         Where + ": " + All + Handed;
}

static std::string handleMessage(const Finding &Fd) {
  const HandleDetails &H = Fd.Handle;
  std::string Creator = creatorText(H.Site);
  std::string Created =
      "the handle created at line " +
      lineOf(H.CreationLoc ? H.CreationLoc
                           : reportedLoc(H.Site.Call->getDebugLoc())) +
      " by " + Creator;
  std::string FnName = quoted(Fd.F);
  switch (Fd.Kind) {
  case FindingKind::DiscardedCancel:
    return "the cancel handle from " + Creator +
           " is never used, so nothing can cancel it; its context lives "
           "until the parent is cancelled";
  case FindingKind::OverwrittenCancel:
    return Created + " is " + overwriteText(*H.Overwrite);
  case FindingKind::DetachedContext: {
    const CallBase &Root = *H.RootCall;
    auto *RootFn = calleeNamed(Root);
    return "the parent of this context is the root context from " +
           (RootFn ? quoted(RootFn) : std::string("'?'")) + " at line " +
           lineOf(Root) + " although " + FnName +
           " has a context at hand ('" + H.ContextAtHand +
           "'); cancelling the caller will not reach this work";
  }
  case FindingKind::CancelEscapes:
    return Created + " escapes: " + escapeText(H.Escape->Reason) +
           "; it cannot be followed";
  case FindingKind::LostCancel: {
    if (H.Escape)
      return Created + " escapes: " + escapeText(H.Escape->Reason) +
             "; it cannot be followed (reported as lost under "
             "-cancel-verify-strict)";
    std::string S = (H.LostByThrow ? "leaves by an exception at "
                                   : "returns at ") +
                    formatLocation(H.LostLoc) + " without cancelling " +
                    Created;
    for (const Function *Helper : H.PartialHelpers)
      S += "; " + quoted(Helper) + " cancels it only on some paths";
    return S;
  }
  case FindingKind::CancelVerified:
    switch (H.How) {
    case VerifiedHow::MainReturn:
      return Created +
             " needs no cancel: returning from 'main' ends the process";
    case VerifiedHow::NoExitWithHandle:
      return Created + " needs no cancel: no path returns from " + FnName +
             " with it";
    default:
      return Created + " is " + howDischarged(H);
    }
  default:
    return std::string();
  }
}

/// True if \p A is a C++ method's `this`: the first source parameter is
/// the artificial object pointer (after the sret slot, if any).
static bool isThisArgument(const Argument &A) {
  const Function &F = *A.getParent();
  const DISubprogram *SP = F.getSubprogram();
  if (!SP || !SP->getType())
    return false;
  unsigned First =
      F.arg_size() > 0 && F.hasParamAttribute(0, Attribute::StructRet);
  DITypeRefArray Types = SP->getType()->getTypeArray();
  // Types[0] is the return type.
  return A.getArgNo() == First && Types.size() > 1 && Types[1] &&
         Types[1]->isObjectPointer();
}

/// "inferred flag: volatile global 'g_stop'".
static std::string inferredWhat(const InferredFlag &Flag) {
  std::string S = "inferred flag: ";
  S += Flag.Access == InferredFlag::Volatile ? "volatile "
       : Flag.Access == InferredFlag::Atomic ? "atomic "
                                             : "non-local ";
  if (const auto *GV = dyn_cast<GlobalVariable>(Flag.Root.Base)) {
    if (Flag.Root.Offset == 0)
      return S + "global '" + sourceName(*GV) + "'";
    if (Flag.Root.Offset)
      return S + "field of global '" + sourceName(*GV) + "'";
    return S + "memory reached through global '" + sourceName(*GV) + "'";
  }
  if (const auto *A = dyn_cast<Argument>(Flag.Root.Base))
    if (isThisArgument(*A))
      return S + (Flag.Root.Offset ? "member of 'this'"
                                   : "memory reached through 'this'");
  return S + "memory reached through a parameter";
}

/// "inferred flag: volatile global 'g_stop', written by signal handler
/// 'on_term'".
static std::string inferredText(const InferredFlag &Flag) {
  std::string S = inferredWhat(Flag);
  return Flag.Evidence.empty() ? S : S + ", " + Flag.Evidence;
}

/// "flag 'g_stop'" for a modelled flag global, "flag field" otherwise.
static std::string flagText(const LoadInst &LI) {
  const Value *Obj = getUnderlyingObject(LI.getPointerOperand());
  if (const auto *GV = dyn_cast<GlobalVariable>(Obj))
    if (GV == LI.getPointerOperand()->stripPointerCasts() &&
        !GV->getValueType()->isAggregateType())
      return "flag '" + sourceName(*GV) + "'";
  return "flag field";
}

/// "should_stop -> ctx_done", "flag 'g_stop'",
/// "std::atomic<bool>::operator bool, inferred flag: atomic global 'running'".
static std::string observationText(const LoopDetails &L) {
  const Witness &W = *L.Observed;
  SmallVector<std::string, 6> Parts(W.Via.begin(), W.Via.end());
  std::string Inferred = L.Inferred ? inferredText(*L.Inferred) : "";
  if (!W.Leaf.empty()) {
    Parts.push_back(W.Leaf);
    std::string S = join(Parts, " -> ");
    return Inferred.empty() ? S : S + ", " + Inferred;
  }
  if (!Inferred.empty())
    Parts.push_back(Inferred);
  else if (const auto *LI = dyn_cast_or_null<LoadInst>(W.Last))
    Parts.push_back(flagText(*LI));
  else
    Parts.push_back("cancellation state");
  return join(Parts, " -> ");
}

static std::string loopMessage(const Finding &Fd) {
  const LoopDetails &L = Fd.Loop;
  const Witness &Block = L.Blocking;
  if (Fd.Kind == FindingKind::LoopIgnoresCancel) {
    std::string S = "loop can block";
    if (!Block.Leaf.empty())
      S += " in '" + Block.Leaf + "'";
    S += " at " + sourceLocation(Block.Loc);
    if (!Block.Via.empty() && !Block.Leaf.empty())
      S += " (via " + join(Block.Via, " -> ") + " -> " + Block.Leaf + ")";
    return S + " and never observes cancellation";
  }
  std::string S = "loop observes cancellation at " +
                  sourceLocation(L.Observed->Loc) + " (" + observationText(L) +
                  ")";
  if (Fd.Kind == FindingKind::LoopObservesCancel)
    return S + " and leaves the loop on it";
  S += " but the result never leads out of the loop";
  if (L.NoExit)
    S += ", which has no exit";
  return S;
}

std::string findingMessage(const Finding &F) {
  switch (F.Kind) {
  case FindingKind::LoopIgnoresCancel:
  case FindingKind::LoopCancelNotActedOn:
  case FindingKind::LoopObservesCancel:
    return loopMessage(F);
  default:
    return handleMessage(F);
  }
}

std::string relatedText(const RelatedLocation &R) {
  switch (R.Role) {
  case RelatedRole::Creation:
    return "the handle is created here";
  case RelatedRole::LostExit:
    return "the function returns here without cancelling";
  case RelatedRole::Overwrite:
    return "the handle is overwritten here";
  case RelatedRole::Escape:
    return "the handle escapes here";
  case RelatedRole::Discharge:
    return "the handle is discharged here";
  case RelatedRole::Transfer:
    return "the handle is handed to the caller here";
  case RelatedRole::RootContext:
    return "the root context comes from here";
  case RelatedRole::CallHop:
    return "calls '" + R.Callee + "'";
  case RelatedRole::BlockingCall:
    return R.Callee.empty() ? std::string("the loop can block here")
                            : "'" + R.Callee + "' can block here";
  case RelatedRole::Observation:
    return "cancellation is observed here";
  }
  return std::string();
}

DebugLoc relatedDisplayLoc(const RelatedLocation &R) {
  switch (R.Role) {
  case RelatedRole::CallHop:
  case RelatedRole::BlockingCall:
  case RelatedRole::Observation:
    return withoutInlining(R.Loc);
  default:
    return outermostLoc(R.Loc);
  }
}

std::string stepText(const PathStep &S) {
  if (auto *Br = dyn_cast<BranchInst>(S.Branch))
    if (Br->isConditional())
      return S.Successor == 0 ? "taking the true branch"
                              : "taking the false branch";
  if (auto *SI = dyn_cast<SwitchInst>(S.Branch)) {
    for (auto Case : SI->cases())
      if (Case.getSuccessorIndex() == S.Successor)
        return "taking case " + std::to_string(Case.getCaseValue()->getSExtValue());
    return "taking the default case";
  }
  return "taking successor " + std::to_string(S.Successor);
}

RuleText ruleText(FindingKind K) {
  switch (K) {
  case FindingKind::LostCancel:
    return {"A cancel handle is not cancelled on some path to a return.",
            "A handle created by a create call is owed a cancel on every path "
            "to the function's exits; on the path reported the function "
            "returns (or an exception leaves it) with the handle still owed, "
            "so the child context and what waits on it live until the parent "
            "is cancelled.",
            "Cancel the handle on that path, or defer the cancel right after "
            "the creation (a defer registration, a guard object, "
            "__attribute__((cleanup))), or hand it to the caller."};
  case FindingKind::DiscardedCancel:
    return {"A cancel handle is never used.",
            "The handle a create call returns is never cancelled, deferred, "
            "stored or passed on, so nothing can cancel the child context.",
            "Keep the handle and cancel it when the work is done, or defer "
            "its cancel."};
  case FindingKind::OverwrittenCancel:
    return {"A cancel handle is overwritten before it is cancelled.",
            "The storage holding an owed handle is given another value (or "
            "the creation runs again), and the old handle can no longer be "
            "cancelled.",
            "Cancel the old handle before reusing its variable, or use a "
            "variable per handle."};
  case FindingKind::LoopIgnoresCancel:
    return {"A loop can block and never observes cancellation.",
            "The loop calls something that may block (directly or through "
            "the call chain given) and never checks whether its context is "
            "cancelled, so cancelling cannot stop it.",
            "Check cancellation in the loop (an observer call, a cancel "
            "flag) and leave the loop on it, or use a wait that returns when "
            "the context is cancelled."};
  case FindingKind::LoopCancelNotActedOn:
    return {"A loop observes cancellation but never leaves on it.",
            "The loop can block and reads cancellation state, but the result "
            "never leads out of the loop.",
            "Leave the loop (break, return) when the observation says the "
            "context is cancelled."};
  case FindingKind::DetachedContext:
    return {"A context derives from a root although one is at hand.",
            "The parent of the new context is a root context (never "
            "cancelled) although the function has a context of its caller; "
            "cancelling the caller does not reach this work.",
            "Derive the new context from the context the function was "
            "given."};
  case FindingKind::CancelVerified:
    return {"A cancel handle is discharged on every path.",
            "The handle is cancelled, deferred, guarded or handed to the "
            "caller on every path to the function's exits.",
            "Nothing to fix."};
  case FindingKind::LoopObservesCancel:
    return {"A blocking loop observes cancellation and leaves on it.",
            "The loop can block and leaves when its context is cancelled.",
            "Nothing to fix."};
  case FindingKind::CancelEscapes:
    return {"A cancel handle goes where the verifier cannot follow it.",
            "The handle is stored in a global or heap memory, or passed to "
            "a function without a body or model, so whether it is cancelled "
            "is not known.",
            "Model the function it is passed to (an annotation or a model "
            "file entry), or keep the handle local; -cancel-verify-strict "
            "reports these as LostCancel."};
  }
  return {};
}

} // namespace cancelverify
