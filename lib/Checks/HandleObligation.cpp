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
#include "DetachedContext.h"

#include "cancelverify/AnalysisOptions.h"
#include "cancelverify/CallTarget.h"
#include "cancelverify/Compat.h"
#include "cancelverify/Finding.h"
#include "cancelverify/FunctionSummaries.h"
#include "cancelverify/SourceFrames.h"

#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

#include <set>
#include <tuple>

using namespace llvm;

namespace cancelverify {

namespace {

/// The source variables of one function by the value or address debug
/// records give them, gathered once.
class VariableNames {
public:
  explicit VariableNames(const Function &F) {
    for (const BasicBlock &BB : F)
      for (const Instruction &I : BB)
        compat::forEachDebugVariable(
            I, [&](const Value *V, const DILocalVariable *Var, bool,
                   bool Whole) {
              // An inlined callee's parameter is no name the user gave.
              if (V && Whole)
                Names.try_emplace(V, Var);
            });
  }
  /// The variable that receives the handle \p Site creates.
  std::string of(const HandleSite &Site) const {
    const CallBase &CB = *Site.Call;
    const Value *Where = &CB;
    if (Site.CalleeExpr && isa<Argument>(Site.CalleeExpr->Root)) {
      auto *Arg = cast<Argument>(Site.CalleeExpr->Root);
      Where = CB.getArgOperand(Arg->getArgNo())->stripPointerCasts();
    } else {
      for (const User *U : CB.users())
        if (auto *SI = dyn_cast<StoreInst>(U); SI && SI->getValueOperand() == &CB)
          Where = SI->getPointerOperand()->stripPointerCasts();
    }
    auto It = Names.find(Where);
    return It == Names.end() ? std::string() : It->second->getName().str();
  }

private:
  DenseMap<const Value *, const DILocalVariable *> Names;
};

} // namespace

/// The destructor whose inlined body \p I belongs to, or that \p I calls:
/// optimized code keeps guards only as inlined scopes in debug info.
static std::string destructorOf(const Instruction &I) {
  for (const DILocation *L = I.getDebugLoc().get(); L; L = L->getInlinedAt()) {
    const DISubprogram *SP = L->getScope()->getSubprogram();
    if (!SP || !SP->getName().starts_with("~"))
      continue;
    if (auto *Class = dyn_cast_or_null<DICompositeType>(SP->getScope()))
      return (Class->getName() + "::" + SP->getName()).str();
    return SP->getName().str();
  }
  if (auto *CB = dyn_cast<CallBase>(&I))
    if (auto *Callee = calleeNamed(*CB)) {
      std::string Name = demangle(Callee->getName().str());
      if (StringRef(Name).contains("::~"))
        return Name;
    }
  return std::string();
}

/// In optimized code a helper that owns its handle may be inlined: the
/// finding belongs where the helper created it and where its path left
/// the helper, not at the call of the helper in the function it was
/// inlined into.
static void placeInOwningFrame(Finding &Fd, const HandleSummaries::Creation &C) {
  if (C.Site.CalleeExpr)
    return;
  const DILocation *Frame = owningFrameLocation(*C.Site.Call);
  if (!Frame)
    return;
  Fd.Handle.CreationLoc = detachedLocation(Frame);
  Fd.Handle.Frame = Frame;
  if (Fd.At == C.Site.Call)
    Fd.Loc = Fd.Handle.CreationLoc;
  for (RelatedLocation &R : Fd.Related)
    if (R.Role == RelatedRole::Creation)
      R.Loc = Fd.Handle.CreationLoc;
  if (Fd.Kind != FindingKind::LostCancel || Fd.Handle.LostByThrow)
    return;
  // The last decision inside the helper on the way out: its early return.
  for (const PathStep &Step : llvm::reverse(Fd.Handle.LostPath))
    if (const DILocation *L =
            locationInFrame(Step.Branch->getDebugLoc(), Frame)) {
      DebugLoc Exit = detachedLocation(L);
      for (RelatedLocation &R : Fd.Related)
        if (R.Role == RelatedRole::LostExit && R.Loc == Fd.Handle.LostLoc)
          R.Loc = Exit;
      Fd.Handle.LostLoc = Exit;
      return;
    }
}

/// The verdict on one creation.
static Finding judge(const Function &F, const HandleSummaries::Creation &C,
                     HandleSummaries &HS, const CheckContext &Ctx) {
  const HandleOutcome &O = C.Outcome;
  const CallBase &Call = *C.Site.Call;
  Finding Fd;
  Fd.F = &F;
  Fd.At = &Call;
  Fd.Handle.Site = C.Site;
  const CallBase *DetachedFrom = rootParent(C.Site, HS);
  std::string ContextAtHand =
      DetachedFrom ? contextAtHand(F, C.Site, *DetachedFrom, Ctx.Model, HS)
                   : std::string();
  bool Handed = !O.Discharges.empty() || !O.Transfers.empty() ||
                !O.Escapes.empty() || O.Returned || !O.MovedTo.empty();
  // In optimized code a reassigned variable is an overwrite only if the
  // old handle is lost or unused afterwards.
  const std::vector<OverwriteEvent> &Overwrites =
      !O.Overwrites.empty() ? O.Overwrites
      : (O.LostExit || (!O.Used && O.Discharges.empty()))
          ? O.PendingOverwrites
          : O.Overwrites;
  if (!O.ExitWithHandle && Overwrites.empty() && O.Escapes.empty() &&
      O.Discharges.empty() && O.Transfers.empty()) {
    Fd.Kind = FindingKind::CancelVerified;
    Fd.Handle.How = F.getName() == "main" ? VerifiedHow::MainReturn
                                          : VerifiedHow::NoExitWithHandle;
  } else if (!O.Used && !Handed &&
             all_of(Overwrites, [](const OverwriteEvent &E) {
               return E.Kind == OverwriteEvent::CreatedAgain;
             })) {
    // Never used, only made again (a result dropped inside a loop): each
    // one is discarded, none is overwritten.
    Fd.Kind = FindingKind::DiscardedCancel;
  } else if (!Overwrites.empty()) {
    const OverwriteEvent &E = Overwrites.front();
    Fd.Kind = FindingKind::OverwrittenCancel;
    Fd.At = E.I;
    Fd.Handle.Overwrite = E;
    Fd.Related.push_back({RelatedRole::Creation, Call.getDebugLoc(), ""});
  } else if (O.LostExit) {
    Fd.Kind = FindingKind::LostCancel;
    Fd.Handle.LostLoc = O.LostLoc;
    Fd.Handle.LostByThrow = O.LostByThrow;
    Fd.Handle.LostExit = O.LostExit;
    Fd.Handle.LostPath = O.LostPath;
    Fd.Handle.PartialHelpers = O.PartialHelpers;
    Fd.Related.push_back({RelatedRole::LostExit, O.LostLoc, ""});
  } else if (DetachedFrom && !ContextAtHand.empty()) {
    Fd.Kind = FindingKind::DetachedContext;
    Fd.Handle.RootCall = DetachedFrom;
    Fd.Handle.ContextAtHand = ContextAtHand;
    Fd.Related.push_back(
        {RelatedRole::RootContext, DetachedFrom->getDebugLoc(), ""});
  } else if (!O.Escapes.empty()) {
    const EscapeEvent &E = O.Escapes.front();
    Fd.Kind = Ctx.Options.Strict ? FindingKind::LostCancel
                                 : FindingKind::CancelEscapes;
    Fd.Handle.Escape = E;
    Fd.Handle.Strict = Ctx.Options.Strict;
    Fd.Related.push_back({RelatedRole::Escape, E.I->getDebugLoc(), ""});
  } else if (!O.Discharges.empty()) {
    Fd.Kind = FindingKind::CancelVerified;
    Fd.Handle.Discharges = O.Discharges;
    Fd.Handle.Destructor = destructorOf(*O.Discharges.front().I);
    Fd.Handle.How = Fd.Handle.Destructor.empty() ? VerifiedHow::Discharged
                                                 : VerifiedHow::Guarded;
    for (const DischargeEvent &D : O.Discharges)
      Fd.Related.push_back({RelatedRole::Discharge, D.I->getDebugLoc(), ""});
    // Discharged on some paths, handed to the caller on the others.
    if (!O.Transfers.empty()) {
      Fd.Handle.Transfer = O.Transfers.front();
      Fd.Handle.CallsAreCreations = HS.freshHandle(F) != nullptr;
      Fd.Related.push_back(
          {RelatedRole::Transfer, O.Transfers.front().Loc, ""});
    }
  } else if (!O.Transfers.empty()) {
    Fd.Kind = FindingKind::CancelVerified;
    Fd.Handle.How = VerifiedHow::Transferred;
    Fd.Handle.Transfer = O.Transfers.front();
    Fd.Handle.CallsAreCreations = HS.freshHandle(F) != nullptr;
    Fd.Related.push_back(
        {RelatedRole::Transfer, O.Transfers.front().Loc, ""});
  } else {
    // Never discharged, yet no exit is reached with it live: the paths
    // that keep it end in abort/exit/unreachable or in main's return.
    Fd.Kind = FindingKind::CancelVerified;
    Fd.Handle.How = VerifiedHow::NoExitWithHandle;
  }
  return Fd;
}

void HandleObligationCheck::run(CheckContext &C, FindingSink &Out) {
  HandleSummaries *HS = C.Summaries.handles();
  if (!HS)
    return;
  std::set<std::tuple<unsigned, const void *, unsigned, unsigned, unsigned>>
      Placed;
  for (const Function &F : C.M) {
    if (F.isDeclaration())
      continue;
    ArrayRef<HandleSummaries::Creation> Creations = HS->creationsIn(F);
    if (Creations.empty())
      continue;
    VariableNames Names(F);
    for (const HandleSummaries::Creation &Cr : Creations) {
      Finding Fd = judge(F, Cr, *HS, C);
      Fd.Handle.Variable = Names.of(Cr.Site);
      placeInOwningFrame(Fd, Cr);
      // A helper inlined into several callers is one finding, reported
      // once, where the helper is.
      if (const DebugLoc &L = Fd.Handle.CreationLoc;
          L && !Placed
                    .insert({unsigned(Fd.Kind), L->getScope(), L.getLine(),
                             L.getCol(),
                             Fd.Handle.LostLoc ? Fd.Handle.LostLoc.getLine()
                                               : 0u})
                    .second)
        continue;
      Out.consume(Fd);
    }
  }
}

} // namespace cancelverify
