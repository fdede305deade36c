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
#include "llvm/Demangle/Demangle.h"
#include "llvm/Analysis/CallGraph.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace cancelverify {

HandleAnalysis::HandleAnalysis(Module &M, const ApiModel &Model)
    : M(M), Model(Model) {}

HandleAnalysis::~HandleAnalysis() = default;

AccessPathBuilder &HandleAnalysis::paths(const Function &F) {
  auto It = Paths.find(&F);
  if (It != Paths.end())
    return *It->second;
  Building.insert(&F);
  auto B = std::make_unique<AccessPathBuilder>(
      F, [this](const Function &Callee) { return returnedArgument(Callee); },
      [this](const Function &Callee) { return argumentStores(Callee); });
  Building.erase(&F);
  return *(Paths[&F] = std::move(B));
}

bool HandleAnalysis::knownToThrow(const Function &F) {
  StringRef N = F.getName();
  if (N == "__cxa_throw" || N == "__cxa_rethrow" || N == "_Unwind_Resume")
    return true;
  if (F.isDeclaration() || F.doesNotThrow())
    return false;
  auto It = Throws.find(&F);
  if (It != Throws.end())
    return It->second;
  Throws[&F] = false; // recursion: assume not, as for unknown functions
  bool HasResume = false;
  for (const BasicBlock &BB : F)
    HasResume |= isa<ResumeInst>(BB.getTerminator());
  bool Result = false;
  for (const Instruction &I : instructions(F)) {
    auto *CB = dyn_cast<CallBase>(&I);
    const Function *Callee = CB ? CB->getCalledFunction() : nullptr;
    if (!Callee || CB->doesNotThrow())
      continue;
    // An invoke's exception leaves only through a cleanup that resumes.
    if ((isa<CallInst>(CB) || HasResume) && knownToThrow(*Callee)) {
      Result = true;
      break;
    }
  }
  Throws[&F] = Result;
  return Result;
}

std::vector<ArgumentStore> HandleAnalysis::argumentStores(const Function &F) {
  auto It = ArgumentStores.find(&F);
  if (It != ArgumentStores.end())
    return It->second.value_or(std::vector<ArgumentStore>());
  if (Building.count(&F))
    return {};
  ArgumentStores[&F] = std::nullopt; // in progress: recursion sees none
  AccessPathBuilder &P = paths(F);
  std::vector<ArgumentStore> Result;
  // The pointer argument (at offset 0) a value is, if it is one.
  auto SourceArg = [&](const Value *V) -> std::optional<unsigned> {
    if (!V->getType()->isPointerTy())
      return std::nullopt;
    AccessPath VP = P.pathOf(V);
    auto *A = dyn_cast<Argument>(VP.Root);
    if (!A || VP.Offsets.size() != 1 || VP.Offsets[0] != 0)
      return std::nullopt;
    return A->getArgNo();
  };
  auto Record = [&](const AccessPath &Dest, unsigned Src,
                    const Function *SrcFunction = nullptr) {
    auto *A = dyn_cast<Argument>(Dest.Root);
    if (!A)
      return;
    ArgumentStore AS{A->getArgNo(), Dest.Offsets, Src, SrcFunction};
    if (!llvm::is_contained(Result, AS))
      Result.push_back(AS);
  };
  for (const Instruction &I : instructions(F)) {
    if (auto *SI = dyn_cast<StoreInst>(&I)) {
      if (auto *Fn = dyn_cast<Function>(SI->getValueOperand()->stripPointerCasts()))
        Record(P.pathOf(SI->getPointerOperand()), 0, Fn);
      else if (auto Src = SourceArg(SI->getValueOperand()))
        Record(P.pathOf(SI->getPointerOperand()), *Src);
    } else if (auto *MT = dyn_cast<AnyMemTransferInst>(&I)) {
      // Copying a local object whose slot holds the argument pointer.
      AccessPath Dst = P.pathOf(MT->getRawDest());
      AccessPath Src = P.pathOf(MT->getRawSource());
      SmallVector<int64_t, 4> Rest;
      for (const auto &[Slot, Stored] : P.forwardedSlots())
        if (auto SA = SourceArg(Stored);
            SA && Slot.extends(Src, Rest) && Rest.size() == 1) {
          AccessPath D = Dst;
          D.Offsets.back() += Rest[0];
          Record(D, *SA);
        }
    } else if (auto *CB = dyn_cast<CallBase>(&I)) {
      const Function *Callee = CB->getCalledFunction();
      if (!Callee || Callee->isDeclaration() || Callee == &F)
        continue;
      for (const ArgumentStore &AS : argumentStores(*Callee)) {
        if (AS.DestArg >= CB->arg_size() ||
            (!AS.SrcFunction && AS.SrcArg >= CB->arg_size()))
          continue;
        std::optional<unsigned> Src;
        if (!AS.SrcFunction) {
          Src = SourceArg(CB->getArgOperand(AS.SrcArg));
          if (!Src)
            continue;
        }
        Record(P.pathOf(CB->getArgOperand(AS.DestArg)).then(AS.DestOffsets),
               Src.value_or(0), AS.SrcFunction);
      }
    }
  }
  ArgumentStores[&F] = Result;
  return Result;
}

std::optional<std::pair<unsigned, int64_t>>
HandleAnalysis::returnedArgument(const Function &F) {
  auto It = ReturnedArguments.find(&F);
  if (It != ReturnedArguments.end())
    return It->second.value_or(std::nullopt);
  if (Building.count(&F))
    return std::nullopt;
  // Mark in progress (recursion, or a builder under construction): unknown.
  ReturnedArguments[&F] = std::nullopt;
  std::optional<std::pair<unsigned, int64_t>> Result;
  bool First = true;
  if (F.getReturnType()->isPointerTy()) {
    AccessPathBuilder &P = paths(F);
    for (const BasicBlock &BB : F) {
      auto *RI = dyn_cast<ReturnInst>(BB.getTerminator());
      if (!RI)
        continue;
      AccessPath R = P.pathOf(RI->getReturnValue());
      auto *A = dyn_cast<Argument>(R.Root);
      std::optional<std::pair<unsigned, int64_t>> This;
      if (A && R.Offsets.size() == 1)
        This = std::make_pair(A->getArgNo(), R.Offsets[0]);
      if (!This || (!First && This != Result)) {
        Result = std::nullopt;
        break;
      }
      Result = This;
      First = false;
    }
  }
  ReturnedArguments[&F] = Result;
  return Result;
}

SmallVector<const Function *, 2>
HandleAnalysis::resolveCallees(const CallBase &CB) {
  SmallVector<const Function *, 2> Out;
  // A local function pointer written once is looked through.
  const Value *Callee = paths(*CB.getFunction()).origin(CB.getCalledOperand());
  if (auto *F = dyn_cast<Function>(Callee)) {
    Out.push_back(F);
    return Out;
  }
  if (auto *Sel = dyn_cast<SelectInst>(Callee)) {
    for (const Value *V : {Sel->getTrueValue(), Sel->getFalseValue()})
      if (auto *F = dyn_cast<Function>(V->stripPointerCasts()))
        Out.push_back(F);
      else
        return {};
    return Out;
  }
  // A struct field that only ever holds one function (std::function's
  // invoker, a callback member).
  auto *LI = dyn_cast<LoadInst>(Callee);
  auto *GEP = LI ? dyn_cast<GEPOperator>(LI->getPointerOperand()) : nullptr;
  if (!GEP)
    return Out;
  const DataLayout &DL = M.getDataLayout();
  auto FieldOf = [&](const GEPOperator *G)
      -> std::optional<std::pair<const Type *, int64_t>> {
    APInt Off(DL.getIndexTypeSizeInBits(G->getType()), 0);
    if (!isa<StructType>(G->getSourceElementType()) ||
        !G->accumulateConstantOffset(DL, Off))
      return std::nullopt;
    return std::make_pair(G->getSourceElementType(), Off.getSExtValue());
  };
  if (!FieldCallees) {
    FieldCallees.emplace();
    for (const Function &F : M)
      for (const BasicBlock &BB : F)
        for (const Instruction &I : BB) {
          auto *SI = dyn_cast<StoreInst>(&I);
          if (!SI)
            continue;
          auto *Fn = dyn_cast<Function>(SI->getValueOperand()->stripPointerCasts());
          auto *G = dyn_cast<GEPOperator>(SI->getPointerOperand());
          if (!Fn || !G)
            continue;
          if (auto Key = FieldOf(G)) {
            auto &List = (*FieldCallees)[*Key];
            if (!llvm::is_contained(List, Fn))
              List.push_back(Fn);
          }
        }
  }
  if (auto Key = FieldOf(GEP)) {
    auto It = FieldCallees->find(*Key);
    if (It != FieldCallees->end() && It->second.size() == 1)
      Out = It->second;
  }
  return Out;
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
  Site.ReturnOffset = It->second.ReturnOffset;
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
            else
              Fresh.ReturnOffset = O.ReturnOffset;
            std::string Loc;
            if (const DebugLoc &DL = CB->getDebugLoc())
              Loc = " at line " + std::to_string(DL.getLine());
            Fresh.Via = "'" + demangle(F->getName().str()) +
                        "', which creates it with '" +
                        demangle(Site->CreatorName) + "'" + Loc;
            FreshCreators[F] = Fresh;
          }
          List.push_back({std::move(*Site), std::move(O)});
        }
      }
  }
}

std::string CallContext::key() const {
  std::string K;
  for (const auto &[Slot, Fn] : FunctionSlots) {
    K += ";" + std::to_string(reinterpret_cast<uintptr_t>(Slot.Root));
    for (int64_t O : Slot.Offsets)
      K += "," + std::to_string(O);
    K += "=" + std::to_string(reinterpret_cast<uintptr_t>(Fn));
  }
  for (const ConditionFact &C : Conditions)
    K += "|" + std::to_string(C.ArgNo) + ":" + std::to_string(C.Predicate) +
         ":" + std::to_string(reinterpret_cast<uintptr_t>(C.Constant)) + ":" +
         (C.Zero ? "1" : "0");
  return K;
}

CalleeEffect HandleAnalysis::effectOf(const Function &F, const AccessPath &Expr,
                                      const CallContext &Context) {
  std::string Key = std::to_string(reinterpret_cast<uintptr_t>(Expr.Root));
  for (int64_t O : Expr.Offsets)
    Key += "," + std::to_string(O);
  Key += Context.key();
  auto Found = Effects.find({&F, Key});
  if (Found != Effects.end()) {
    Found->second.Used |= Found->second.InProgress;
    return Found->second.Effect;
  }
  EffectEntry &E = Effects[{&F, Key}];
  E.InProgress = true;
  for (unsigned Round = 0;; ++Round) {
    E.Used = false;
    HandleOutcome O = follow(F, nullptr, &Expr, &Context);
    CalleeEffect New;
    if (!O.AnyExit || O.AllExitsDischarged)
      New.Discharge = CalleeEffect::All;
    else if (O.SomeExitDischarged)
      New.Discharge = CalleeEffect::Some;
    else
      New.Discharge = CalleeEffect::None;
    // Name a direct discharge over one through a (recursive) call.
    for (const HandleEvent &D : O.Discharges)
      if (D.Base == D.What) {
        New.How = D.Base;
        break;
      }
    if (New.How.empty() && !O.Discharges.empty() &&
        O.Discharges.front().Base != "cancelled")
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
