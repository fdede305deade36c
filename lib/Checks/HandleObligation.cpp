//===- HandleObligation.cpp - One verdict per created handle ---------------===//
//
// Turns the outcome of following a handle into the contract's verdict. The
// order of precedence is the order of seriousness: a handle never used, then
// one overwritten while owed, one lost on a path to an exit, a context
// detached from the caller's, a handle the verifier cannot follow, and
// finally a verified one, with how it was discharged.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/HandleObligation.h"
#include "cancelverify/ApiModel.h"
#include "cancelverify/Compat.h"
#include "cancelverify/HandleAnalysis.h"
#include "cancelverify/Options.h"

#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace cancelverify {

static std::string creatorText(const HandleSite &Site) {
  std::string S = "'" + demangle(Site.CreatorName) + "'";
  if (!Site.Via.empty())
    S += " (" + Site.Via + ")";
  return S;
}

static const DIType *stripTypedefs(const DIType *T) {
  while (auto *D = dyn_cast_or_null<DIDerivedType>(T)) {
    if (D->getTag() != dwarf::DW_TAG_typedef &&
        D->getTag() != dwarf::DW_TAG_const_type)
      break;
    T = D->getBaseType();
  }
  return T;
}

/// Is there a context the function could have used: a parameter (or a field
/// of one) used as a context, or whose type is the type of the contexts this
/// creation works with? Returns its name, or empty.
static std::string contextAtHand(const Function &F, const CallBase &Create,
                                 const Value *RootValue, const ApiModel &Model,
                                 AccessPathBuilder &Paths) {
  // Used as a context: the parent of a creation, or what an observer reads.
  for (const Instruction &I : instructions(F)) {
    auto *CB = dyn_cast<CallBase>(&I);
    const FunctionRoles *R = CB ? Model.rolesOfCall(*CB) : nullptr;
    if (!R)
      continue;
    SmallVector<const Value *, 2> Contexts;
    if (R->Create && R->Create->Parent &&
        R->Create->Parent->ArgNo < CB->arg_size())
      Contexts.push_back(CB->getArgOperand(R->Create->Parent->ArgNo));
    if (R->Observe)
      for (const Value *A : CB->args())
        if (A->getType()->isPointerTy())
          Contexts.push_back(A);
    for (const Value *C : Contexts) {
      AccessPath P = Paths.pathOf(C);
      if (auto *Arg = dyn_cast<Argument>(P.Root)) {
        std::string Name = compat::argumentName(*Arg);
        return Name.empty() ? "parameter " + std::to_string(Arg->getArgNo())
                            : Name;
      }
    }
  }
  // Typed like a context: compare with the source variables that hold the
  // root and the child context of this creation.
  const DISubprogram *SP = F.getSubprogram();
  if (!SP || !SP->getType())
    return std::string();
  SmallPtrSet<const DIType *, 4> ContextTypes;
  SmallVector<const Value *, 4> Storage;
  for (const Value *A : Create.args())
    if (auto *AI = dyn_cast<AllocaInst>(A->stripPointerCasts()))
      Storage.push_back(AI);
  for (const User *U : RootValue->users())
    if (auto *SI = dyn_cast<StoreInst>(U))
      if (auto *AI =
              dyn_cast<AllocaInst>(SI->getPointerOperand()->stripPointerCasts()))
        Storage.push_back(AI);
  for (const Value *S : Storage)
    for (const DILocalVariable *Var : compat::declaredVariables(F, S))
      if (!Var->isParameter() && Var->getType())
        ContextTypes.insert(stripTypedefs(Var->getType()));
  if (ContextTypes.empty())
    return std::string();
  DITypeRefArray Types = SP->getType()->getTypeArray();
  for (unsigned I = 1; I < Types.size(); ++I) {
    const DIType *T = stripTypedefs(Types[I]);
    if (!T)
      continue;
    std::string Name;
    if (I - 1 < F.arg_size())
      Name = compat::argumentName(*F.getArg(I - 1));
    if (Name.empty())
      Name = "parameter " + std::to_string(I - 1);
    if (ContextTypes.count(T))
      return Name;
    // A field of a parameter: `r->ctx`.
    auto *Ptr = dyn_cast<DIDerivedType>(T);
    if (!Ptr || (Ptr->getTag() != dwarf::DW_TAG_pointer_type &&
                 Ptr->getTag() != dwarf::DW_TAG_reference_type &&
                 Ptr->getTag() != dwarf::DW_TAG_rvalue_reference_type))
      continue;
    auto *CT = dyn_cast_or_null<DICompositeType>(stripTypedefs(Ptr->getBaseType()));
    if (!CT)
      continue;
    for (const DINode *E : CT->getElements())
      if (auto *M = dyn_cast<DIDerivedType>(E))
        if (M->getTag() == dwarf::DW_TAG_member &&
            ContextTypes.count(stripTypedefs(M->getBaseType())))
          return Name + (Ptr->getTag() == dwarf::DW_TAG_pointer_type ? "->"
                                                                     : ".") +
                 M->getName().str();
  }
  return std::string();
}

/// The root call this creation's parent comes from, if it comes from one.
/// Whether a call returns a root context: a `root` of the model, or a
/// function of this module whose every return is one (a wrapper such as
/// `ctx_t *app_background(void) { return cv_background(); }`).
static bool returnsRoot(const CallBase &Call, const ApiModel &Model,
                        HandleAnalysis &Handles, unsigned Depth = 0) {
  const FunctionRoles *R = Model.rolesOfCall(Call);
  if (R && R->Root)
    return true;
  const Function *Callee = Call.getCalledFunction();
  if (!Callee || Callee->isDeclaration() || Depth > 4 ||
      !Callee->getReturnType()->isPointerTy())
    return false;
  bool Any = false;
  for (const BasicBlock &BB : *Callee) {
    auto *RI = dyn_cast<ReturnInst>(BB.getTerminator());
    if (!RI)
      continue;
    auto *Inner = dyn_cast<CallBase>(
        Handles.paths(*Callee).origin(RI->getReturnValue()));
    if (!Inner || !returnsRoot(*Inner, Model, Handles, Depth + 1))
      return false;
    Any = true;
  }
  return Any;
}

/// The root call this creation's parent comes from, if it comes from one.
static const CallBase *rootParent(const CallBase &Create, const ApiModel &Model,
                                  HandleAnalysis &Handles,
                                  AccessPathBuilder &Paths) {
  const FunctionRoles *R = Model.rolesOfCall(Create);
  if (!R || !R->Create || !R->Create->Parent ||
      R->Create->Parent->ArgNo >= Create.arg_size())
    return nullptr;
  const Value *P = Paths.origin(Create.getArgOperand(R->Create->Parent->ArgNo));
  auto *Root = dyn_cast<CallBase>(P);
  return Root && returnsRoot(*Root, Model, Handles) ? Root : nullptr;
}

static std::string calleeName(const CallBase &CB) {
  if (auto *F = dyn_cast<Function>(CB.getCalledOperand()->stripPointerCasts()))
    return demangle(F->getName().str());
  return "?";
}

/// The destructor whose inlined body \p I belongs to, if any: optimized code
/// keeps guards only as inlined scopes in debug info.
static std::string destructorOf(const Instruction &I) {
  for (const DILocation *L = I.getDebugLoc().get(); L; L = L->getInlinedAt()) {
    const DISubprogram *SP = L->getScope()->getSubprogram();
    if (!SP || !SP->getName().starts_with("~"))
      continue;
    if (auto *Class = dyn_cast_or_null<DICompositeType>(SP->getScope()))
      return (Class->getName() + "::" + SP->getName()).str();
    return SP->getName().str();
  }
  return std::string();
}

/// How a verified handle was discharged, in the user's words.
static std::string howDischarged(const HandleOutcome &O) {
  if (O.Discharges.empty()) {
    const HandleEvent &T = O.Transfers.front();
    DebugLoc L = outermostLoc(T.Loc);
    return "transferred to the caller (" + T.What +
           (L && L.getLine() ? " at line " + std::to_string(L.getLine())
                             : std::string()) +
           "); each call of this function is judged as a creation";
  }
  const HandleEvent &D = O.Discharges.front();
  const auto *CB = dyn_cast<CallBase>(D.I);
  std::string Callee = CB ? calleeName(*CB) : std::string();
  std::string Destructor = destructorOf(*D.I);
  if (Destructor.empty() && StringRef(Callee).contains("::~"))
    Destructor = Callee;
  if (!Destructor.empty())
    return "guarded on every path: the destructor '" + Destructor +
           "' cancels it at scope exit (" + D.Base + ")";

  // Name every place that discharges it (in source order), up to a few.
  bool AllDeferred = true, AllCancelled = true, AllCalled = true;
  std::string All;
  for (size_t I = 0; I < O.Discharges.size() && I < 3; ++I) {
    StringRef W = O.Discharges[I].What;
    AllDeferred &= W.starts_with("deferred");
    AllCancelled &= W.starts_with("cancelled");
    AllCalled &= W.starts_with("called");
    if (I)
      All += I + 1 == O.Discharges.size() || I == 2 ? " and " : ", ";
    All += W.str();
  }
  if (O.Discharges.size() > 3)
    All += " and " + std::to_string(O.Discharges.size() - 3) + " more";
  if (AllCalled)
    return "called on every path (" + All + ")";
  return std::string(AllDeferred    ? "deferred"
                     : AllCancelled ? "cancelled"
                                    : "discharged") +
         " on every path: " + All;
}

void checkHandleObligations(Module &M, const ApiModel &Model,
                            HandleAnalysis &Handles,
                            const VerifierOptions &Opts,
                            std::vector<Finding> &Out) {
  for (Function &F : M) {
    if (F.isDeclaration())
      continue;
    for (const HandleAnalysis::Creation &C : Handles.creationsIn(F)) {
      const HandleOutcome &O = C.Outcome;
      const CallBase &Call = *C.Site.Call;
      std::string Created = "the handle created at line " + lineOf(Call);
      Finding Fd;
      Fd.F = &F;
      Fd.At = &Call;
      const CallBase *DetachedFrom =
          rootParent(Call, Model, Handles, Handles.paths(F));
      std::string ContextAtHand =
          DetachedFrom
              ? contextAtHand(F, Call, DetachedFrom, Model, Handles.paths(F))
              : std::string();
      bool Handed = !O.Discharges.empty() || !O.Transfers.empty() ||
                    !O.Escapes.empty() || O.Returned || !O.MovedTo.empty();
      // In optimized code a reassigned variable is an overwrite only if the
      // old handle is lost or unused afterwards.
      const std::vector<HandleEvent> &Overwrites =
          !O.Overwrites.empty() ? O.Overwrites
          : (O.LostExit || (!O.Used && O.Discharges.empty()))
              ? O.PendingOverwrites
              : O.Overwrites;
      if (!O.ExitWithHandle && Overwrites.empty() && O.Escapes.empty() &&
          O.Discharges.empty() && O.Transfers.empty()) {
        Fd.Kind = FindingKind::CancelVerified;
        Fd.Message =
            Created + " by " + creatorText(C.Site) + " needs no cancel: " +
            (F.getName() == "main"
                 ? std::string("returning from 'main' ends the process")
                 : "no path returns from '" + demangle(F.getName().str()) +
                       "' with it");
      } else if (!O.Used && !Handed && Overwrites.empty()) {
        Fd.Kind = FindingKind::DiscardedCancel;
        Fd.Message = "the cancel handle from " + creatorText(C.Site) +
                     " is never used, so nothing can cancel it; its context "
                     "lives until the parent is cancelled";
      } else if (!Overwrites.empty()) {
        const HandleEvent &E = Overwrites.front();
        Fd.Kind = FindingKind::OverwrittenCancel;
        Fd.At = E.I;
        Fd.Message = Created + " by " + creatorText(C.Site) + " is " + E.What;
        Fd.Related.push_back({Call.getDebugLoc(), "creation"});
      } else if (O.LostExit) {
        Fd.Kind = FindingKind::LostCancel;
        std::string Where = formatLocation(O.LostLoc);
        Fd.Message = (O.LostByThrow ? "leaves by an exception at "
                                    : "returns at ") +
                     Where + " without cancelling " + Created + " by " +
                     creatorText(C.Site);
        for (const std::string &H : O.PartialHelpers)
          Fd.Message += "; '" + demangle(H) + "' cancels it only on some paths";
        Fd.Related.push_back({O.LostLoc, "exit reached without cancelling"});
      } else if (DetachedFrom && !ContextAtHand.empty()) {
        const CallBase *Root = DetachedFrom;
        const std::string &Ctx = ContextAtHand;
        Fd.Kind = FindingKind::DetachedContext;
        Fd.Message = "the parent of this context is the root context from '" +
                     calleeName(*Root) + "' at line " + lineOf(*Root) +
                     " although '" + demangle(F.getName().str()) +
                     "' has a context at hand ('" + Ctx +
                     "'); cancelling the caller will not reach this work";
        Fd.Related.push_back({Root->getDebugLoc(), "root context"});
      } else if (!O.Escapes.empty()) {
        const HandleEvent &E = O.Escapes.front();
        Fd.Kind = Opts.Strict ? FindingKind::LostCancel
                              : FindingKind::CancelEscapes;
        Fd.Message = Created + " by " + creatorText(C.Site) + " escapes: " +
                     E.What + "; it cannot be followed" +
                     (Opts.Strict ? " (reported as lost under "
                                    "-cancel-verify-strict)"
                                  : "");
        Fd.Related.push_back({E.I->getDebugLoc(), "escape"});
      } else if (!O.Discharges.empty() || !O.Transfers.empty()) {
        Fd.Kind = FindingKind::CancelVerified;
        Fd.Message = Created + " by " + creatorText(C.Site) + " is " +
                     howDischarged(O);
      } else {
        // Never discharged, yet no exit is reached with it live: the paths
        // that keep it end in abort/exit/unreachable or in main's return.
        Fd.Kind = FindingKind::CancelVerified;
        Fd.Message = Created + " by " + creatorText(C.Site) +
                     " needs no cancel: no path returns from '" +
                     demangle(F.getName().str()) + "' with it";
      }
      Out.push_back(std::move(Fd));
    }
  }
}

} // namespace cancelverify
