//===- HandleSummary.cpp - Which functions create, and what callees do ------===//
//
// Creations are judged callees first (scc_iterator over the CallGraph yields
// SCCs in post-order), so when a function returns or stores a fresh handle
// for its caller, every call to it is already known to be a creation when
// the caller is analysed. What a callee does with a handle it is given is
// computed on demand and cached; inside recursion the first answer is the
// optimistic one and the query is repeated until it no longer changes.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/HandleAnalysis.h"

#include "llvm/ADT/SCCIterator.h"
#include "llvm/Analysis/CallGraph.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace cancelverify {

HandleAnalysis::HandleAnalysis(Module &M, const ApiModel &Model)
    : M(M), Model(Model) {}

HandleAnalysis::~HandleAnalysis() = default;

AccessPathBuilder &HandleAnalysis::paths(const Function &F) {
  std::unique_ptr<AccessPathBuilder> &B = Paths[&F];
  if (!B)
    B = std::make_unique<AccessPathBuilder>(F);
  return *B;
}

static AccessPath argumentPath(const Function &Callee, unsigned ArgNo,
                               bool Deref) {
  AccessPath P;
  P.Root = Callee.getArg(ArgNo);
  P.Offsets.push_back(0);
  if (Deref)
    P.Offsets.push_back(0);
  return P;
}

std::optional<HandleSite> HandleAnalysis::creationAt(const CallBase &CB) const {
  auto *Callee = dyn_cast<Function>(CB.getCalledOperand()->stripPointerCasts());
  if (!Callee)
    return std::nullopt;
  HandleSite Site;
  Site.Call = &CB;
  Site.CreatorName = Callee->getName().str();
  if (const FunctionRoles *R = Model.rolesOfCall(CB); R && R->Create) {
    const ResolvedRole &C = *R->Create;
    Site.Success = C.Spec.Success;
    if (C.Handle.Kind == IRPosition::Argument) {
      if (C.Handle.ArgNo >= CB.arg_size() || C.Handle.ArgNo >= Callee->arg_size())
        return std::nullopt;
      // An out-parameter receives the handle; sret and `this` are the handle.
      bool IsObject =
          C.Handle.ViaSRet || C.Spec.Handle.Kind == SourcePosition::This;
      Site.CalleeExpr = argumentPath(*Callee, C.Handle.ArgNo, !IsObject);
    }
    return Site;
  }
  auto It = FreshCreators.find(Callee);
  if (It == FreshCreators.end())
    return std::nullopt;
  Site.CalleeExpr = It->second.CalleeExpr;
  Site.Via = It->second.Via;
  return Site;
}

const std::vector<HandleAnalysis::Creation> &
HandleAnalysis::creationsIn(const Function &F) const {
  static const std::vector<Creation> None;
  auto It = Creations.find(&F);
  return It == Creations.end() ? None : It->second;
}

void HandleAnalysis::run() {
  if (!Model.hasCreators())
    return;
  CallGraph CG(M);
  for (scc_iterator<CallGraph *> SCC = scc_begin(&CG); !SCC.isAtEnd(); ++SCC) {
    // Recursion among creators: a second round sees the first's summaries.
    unsigned Rounds = SCC.hasCycle() ? 2 : 1;
    for (unsigned Round = 0; Round < Rounds; ++Round)
      for (CallGraphNode *Node : *SCC) {
        Function *F = Node->getFunction();
        if (!F || F->isDeclaration())
          continue;
        std::vector<Creation> &List = Creations[F];
        List.clear();
        for (Instruction &I : instructions(*F)) {
          auto *CB = dyn_cast<CallBase>(&I);
          if (!CB)
            continue;
          std::optional<HandleSite> Site = creationAt(*CB);
          if (!Site)
            continue;
          HandleOutcome O = follow(*F, &*Site, nullptr);
          // Handed to the caller: every call of F creates a handle.
          if ((O.Returned || !O.MovedTo.empty()) && !FreshCreators.count(F)) {
            HandleSite Fresh;
            if (!O.Returned)
              Fresh.CalleeExpr = O.MovedTo.front();
            std::string Loc;
            if (const DebugLoc &DL = CB->getDebugLoc())
              Loc = " at line " + std::to_string(DL.getLine());
            Fresh.Via = "'" + F->getName().str() + "', which creates it with '" +
                        Site->CreatorName + "'" + Loc;
            FreshCreators[F] = Fresh;
          }
          List.push_back({std::move(*Site), std::move(O)});
        }
      }
  }
}

CalleeEffect HandleAnalysis::effectOf(const Function &F,
                                      const AccessPath &Expr) {
  std::string Key = std::to_string(reinterpret_cast<uintptr_t>(Expr.Root));
  for (int64_t O : Expr.Offsets)
    Key += "," + std::to_string(O);
  auto Found = Effects.find({&F, Key});
  if (Found != Effects.end()) {
    Found->second.Used |= Found->second.InProgress;
    return Found->second.Effect;
  }
  EffectEntry &E = Effects[{&F, Key}];
  E.InProgress = true;
  for (unsigned Round = 0;; ++Round) {
    E.Used = false;
    HandleOutcome O = follow(F, nullptr, &Expr);
    CalleeEffect New;
    if (!O.AnyExit || O.AllExitsDischarged)
      New.Discharge = CalleeEffect::All;
    else if (O.SomeExitDischarged)
      New.Discharge = CalleeEffect::Some;
    else
      New.Discharge = CalleeEffect::None;
    if (!O.Discharges.empty())
      New.How = O.Discharges.front().Base;
    if (!O.Escapes.empty()) {
      New.Escapes = true;
      New.EscapeWhy = O.Escapes.front().What;
    }
    New.Returned = O.Returned;
    New.MovedTo = O.MovedTo;
    bool Stable = !E.Used || New == E.Effect;
    E.Effect = New;
    if (Stable)
      break;
    if (Round == 3) {
      // No fixpoint in sight: assume the callee does not discharge.
      E.Effect.Discharge = CalleeEffect::None;
      break;
    }
  }
  E.InProgress = false;
  return E.Effect;
}

} // namespace cancelverify
