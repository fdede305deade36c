//===- HandleSummaries.cpp - What functions do with cancel handles ---------===//
//
// Bottom-up, one SCC at a time (see HandleSummaries.h). Facts of an SCC are
// computed from facts of the SCCs below it, which are final; inside a
// recursive SCC a worklist recomputes the callers of a function whose facts
// changed. Facts only grow (a function becomes known to throw, stores more
// arguments, becomes a creator), so the worklist ends; the few that could
// flip (the returned argument) are bounded by a cap on visits.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/HandleSummaries.h"
#include "BorrowFacts.h"
#include "CallableHandle.h"
#include "CalleeEffects.h"
#include "HandleFlow.h"
#include "SharedOwner.h"

#include "cancelverify/ApiModel.h"
#include "cancelverify/CallTarget.h"
#include "cancelverify/SourceFrames.h"
#include "cancelverify/SummaryCallGraph.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"

#include <deque>

using namespace llvm;

namespace cancelverify {

/// Visits of one function inside one SCC's fixpoint; facts that still
/// change after that many are left as they are.
static constexpr unsigned MaxVisits = 8;
/// Path builders kept at a time: enough for a flow, the callees it asks
/// about and the checks, without keeping one per function of the module.
static constexpr size_t PathCacheSize = 64;
/// Argument-store paths longer than this are not recorded: recursion over
/// a linked structure would otherwise grow them forever.
static constexpr size_t MaxStoreDepth = 6;
/// Offsets of a returned path (the first, then one per load: up to two
/// loads, a reference member of a member).
static constexpr size_t MaxReturnedDepth = 3;

struct HandleSummaries::FunctionFacts {
  bool Throws = false;
  /// Writes no memory but its own locals (nor do its callees).
  bool ReadsOnly = false;
  /// The type info of the one type every exception it lets out has, when
  /// the module shows it (null otherwise).
  const Value *ThrownType = nullptr;
  std::optional<ReturnedArgument> Returned;
  std::vector<ArgumentStore> Stores;
  bool ReturnsRoot = false;
  const ConstantInt *ReturnsConstant = nullptr;
  std::optional<HandleSite> Fresh;
  std::vector<Creation> Creations;
  std::optional<ReturnSources> Sources;
};

HandleSummaries::HandleSummaries(Module &M, const ApiModel &Model,
                                 const SummaryCallGraph &Graph)
    : M(M), Model(Model), Graph(Graph),
      Effects(std::make_unique<CalleeEffects>(*this)),
      Borrows(std::make_unique<BorrowFacts>(M)),
      Callables(std::make_unique<CallableOps>()),
      SharedOwners(std::make_unique<SharedOwnerOps>()) {}

bool HandleSummaries::frees(const CallBase &CB, unsigned ArgNo) {
  return Borrows->frees(CB, ArgNo);
}

bool HandleSummaries::reallocates(const CallBase &CB) {
  return Borrows->reallocates(CB);
}

uint64_t HandleSummaries::reachableBytes(const CallBase &CB, unsigned ArgNo) {
  return Borrows->reachableBytes(CB, ArgNo);
}

bool HandleSummaries::borrows(const CallBase &CB, unsigned ArgNo,
                              bool &Returned) {
  BorrowFacts::Use U = Borrows->use(CB, ArgNo);
  Returned = U == BorrowFacts::ReturnsIt;
  return U != BorrowFacts::Keeps;
}

HandleSummaries::~HandleSummaries() = default;

HandleSummaries::FunctionFacts &HandleSummaries::facts(const Function &F) {
  auto [It, New] = FactIndex.try_emplace(&F, AllFacts.size());
  if (New)
    AllFacts.emplace_back();
  return AllFacts[It->second];
}

const HandleSummaries::FunctionFacts *
HandleSummaries::lookup(const Function &F) const {
  auto It = FactIndex.find(&F);
  return It == FactIndex.end() ? nullptr : &AllFacts[It->second];
}

std::shared_ptr<AccessPathBuilder>
HandleSummaries::pathsFor(const Function &F) {
  for (size_t I = PathCache.size(); I-- > 0;)
    if (PathCache[I].first == &F) {
      auto Entry = std::move(PathCache[I]);
      PathCache.erase(PathCache.begin() + I);
      PathCache.push_back(std::move(Entry));
      return PathCache.back().second;
    }
  if (PathCache.size() >= PathCacheSize)
    PathCache.erase(PathCache.begin());
  PathCache.push_back({&F, std::make_shared<AccessPathBuilder>(F, this)});
  return PathCache.back().second;
}

bool isThrowFunction(const Function &F) {
  StringRef N = F.getName();
  return N == "__cxa_throw" || N == "__cxa_rethrow" || N == "_Unwind_Resume";
}

/// Whether \p F rethrows the exception being handled.
static bool isRethrow(const Function &F) {
  return F.getName() == "__cxa_rethrow";
}

bool HandleSummaries::knownToThrow(const Function &F) const {
  if (F.isDeclaration())
    return !F.doesNotThrow() && isThrowFunction(F);
  const FunctionFacts *Fa = lookup(F);
  return Fa && Fa->Throws;
}

std::optional<ReturnedArgument>
HandleSummaries::returnedArgument(const Function &F) const {
  const FunctionFacts *Fa = lookup(F);
  return Fa ? Fa->Returned : std::nullopt;
}

ArrayRef<ArgumentStore>
HandleSummaries::argumentStores(const Function &F) const {
  const FunctionFacts *Fa = lookup(F);
  return Fa ? ArrayRef<ArgumentStore>(Fa->Stores) : ArrayRef<ArgumentStore>();
}

const ConstantInt *HandleSummaries::returnedConstant(const Function &F) const {
  if (F.isInterposable())
    return nullptr;
  const FunctionFacts *Fa = lookup(F);
  return Fa ? Fa->ReturnsConstant : nullptr;
}

const ConstantInt *HandleSummaries::constantGlobal(const GlobalVariable &G) {
  auto [It, New] = ConstantGlobals.try_emplace(&G, nullptr);
  if (!New)
    return It->second;
  if (!G.hasDefinitiveInitializer())
    return nullptr;
  auto *Init = dyn_cast<ConstantInt>(G.getInitializer());
  // Another translation unit may write a global it can see; one of this
  // unit is constant if all it is used for is being read.
  bool OnlyRead = G.isConstant() ||
                  (G.hasLocalLinkage() && all_of(G.users(), [](const User *U) {
                     return isa<LoadInst>(U);
                   }));
  return It->second = Init && OnlyRead ? Init : nullptr;
}

bool HandleSummaries::returnsRoot(const Function &F) const {
  const FunctionFacts *Fa = lookup(F);
  return Fa && Fa->ReturnsRoot;
}

bool HandleSummaries::callReturnsRoot(const CallBase &CB) const {
  const FunctionRoles *R = Model.rolesOfCall(CB);
  if (R && R->Root)
    return true;
  const Function *Callee = calledFunction(CB);
  return Callee && !Callee->isDeclaration() && returnsRoot(*Callee);
}

const HandleSite *HandleSummaries::freshHandle(const Function &F) const {
  const FunctionFacts *Fa = lookup(F);
  return Fa && Fa->Fresh ? &*Fa->Fresh : nullptr;
}

ArrayRef<HandleSummaries::Creation>
HandleSummaries::creationsIn(const Function &F) const {
  const FunctionFacts *Fa = lookup(F);
  return Fa ? ArrayRef<Creation>(Fa->Creations) : ArrayRef<Creation>();
}

CalleeEffect HandleSummaries::effectOf(const Function &F, const AccessPath &Expr,
                                       const CallContext &Context) {
  return Effects->get(F, Expr, Context);
}

void HandleSummaries::knownEffects(
    const Function &F,
    SmallVectorImpl<std::pair<AccessPath, CalleeEffect>> &Out) const {
  Effects->forEachPlain(F, [&](const AccessPath &Expr, const CalleeEffect &E) {
    Out.push_back({Expr, E});
  });
  llvm::stable_sort(Out, [](const auto &L, const auto &R) {
    unsigned LA = cast<Argument>(L.first.Root)->getArgNo();
    unsigned RA = cast<Argument>(R.first.Root)->getArgNo();
    return LA != RA ? LA < RA : L.first.Offsets < R.first.Offsets;
  });
}

bool HandleSummaries::computeThrows(const Function &F) {
  if (isThrowFunction(F))
    return true;
  if (F.isDeclaration() || F.doesNotThrow())
    return false;
  // The handlers and cleanups an exception can reach: those of the invokes
  // of functions known to throw, and what follows them. A rethrow anywhere
  // else (`catch (...) { ...; throw; }` around calls assumed not to throw,
  // as in the standard containers' node allocation) has nothing to rethrow.
  SmallPtrSet<const BasicBlock *, 8> Unwinding;
  SmallVector<const BasicBlock *, 8> Work;
  for (const BasicBlock &BB : F)
    if (auto *Inv = dyn_cast<InvokeInst>(BB.getTerminator())) {
      const Function *Callee = calledFunction(*Inv);
      if (Callee && !isRethrow(*Callee) && knownToThrow(*Callee) &&
          Unwinding.insert(Inv->getUnwindDest()).second)
        Work.push_back(Inv->getUnwindDest());
    }
  while (!Work.empty())
    for (const BasicBlock *Succ : successors(Work.pop_back_val()))
      if (Unwinding.insert(Succ).second)
        Work.push_back(Succ);
  // Every handler and cleanup of the function, and what follows them.
  SmallPtrSet<const BasicBlock *, 8> Handlers;
  for (const BasicBlock &BB : F)
    if (BB.isLandingPad() && Handlers.insert(&BB).second)
      Work.push_back(&BB);
  while (!Work.empty())
    for (const BasicBlock *Succ : successors(Work.pop_back_val()))
      if (Handlers.insert(Succ).second)
        Work.push_back(Succ);
  bool HasResume = any_of(F, [&](const BasicBlock &BB) {
    return isa<ResumeInst>(BB.getTerminator()) && Unwinding.count(&BB);
  });
  for (const Instruction &I : instructions(F)) {
    auto *CB = dyn_cast<CallBase>(&I);
    const Function *Callee = CB ? calledFunction(*CB) : nullptr;
    if (!Callee || CB->doesNotThrow())
      continue;
    if (isRethrow(*Callee)) {
      // Outside this function's own handlers it rethrows what its caller
      // is handling (`[[noreturn]] void rethrow() { throw; }`).
      if (Unwinding.count(CB->getParent()) || !Handlers.count(CB->getParent()))
        return true;
      continue;
    }
    // An invoke's exception leaves only through a cleanup that resumes.
    if ((isa<CallInst>(CB) || HasResume) && knownToThrow(*Callee))
      return true;
  }
  return false;
}

std::optional<ReturnedArgument>
HandleSummaries::computeReturnedArgument(const Function &F,
                                         AccessPathBuilder &P) {
  if (!F.getReturnType()->isPointerTy())
    return std::nullopt;
  std::optional<ReturnedArgument> Result;
  bool First = true;
  for (const BasicBlock &BB : F) {
    auto *RI = dyn_cast<ReturnInst>(BB.getTerminator());
    if (!RI)
      continue;
    AccessPath R = P.pathOf(RI->getReturnValue());
    auto *A = dyn_cast<Argument>(R.Root);
    std::optional<ReturnedArgument> This;
    // A pointer loaded from an argument's memory names what is there after
    // the call only if nothing in between wrote it: loads are followed in
    // functions that write nothing but their own locals.
    if (A && (R.Offsets.size() == 1 ||
              (R.Offsets.size() <= MaxReturnedDepth && facts(F).ReadsOnly)))
      This =
          ReturnedArgument{A->getArgNo(), {R.Offsets.begin(), R.Offsets.end()}};
    if (!This || (!First && This != Result))
      return std::nullopt;
    Result = This;
    First = false;
  }
  return Result;
}

std::vector<ArgumentStore>
HandleSummaries::computeArgumentStores(const Function &F, AccessPathBuilder &P) {
  std::vector<ArgumentStore> Result;
  // The pointer argument (at offset 0) a value is, if it is one.
  auto SourceArg = [&](const Value *V) -> std::optional<unsigned> {
    if (!V->getType()->isPointerTy())
      return std::nullopt;
    const AccessPath &VP = P.path(P.idOf(V));
    auto *A = dyn_cast<Argument>(VP.Root);
    if (!A || VP.Offsets.size() != 1 || VP.Offsets[0] != 0)
      return std::nullopt;
    return A->getArgNo();
  };
  auto Record = [&](const AccessPath &Dest, unsigned Src,
                    const Function *SrcFunction = nullptr) {
    auto *A = dyn_cast<Argument>(Dest.Root);
    if (!A || Dest.Offsets.size() > MaxStoreDepth)
      return;
    ArgumentStore AS{A->getArgNo(), Dest.Offsets, Src, SrcFunction};
    if (!is_contained(Result, AS))
      Result.push_back(AS);
  };
  for (const Instruction &I : instructions(F)) {
    if (auto *SI = dyn_cast<StoreInst>(&I)) {
      if (auto *Fn =
              dyn_cast<Function>(SI->getValueOperand()->stripPointerCasts()))
        Record(P.pathOf(SI->getPointerOperand()), 0, Fn);
      else if (auto Src = SourceArg(SI->getValueOperand()))
        Record(P.pathOf(SI->getPointerOperand()), *Src);
    } else if (auto *MT = dyn_cast<AnyMemTransferInst>(&I)) {
      // Copying a local object whose slot holds the argument pointer.
      AccessPath Dst = P.pathOf(MT->getRawDest());
      AccessPath Src = P.pathOf(MT->getRawSource());
      SmallVector<int64_t, 4> Rest;
      for (const ForwardedSlot &FS : P.forwardedSlots())
        if (auto SA = SourceArg(FS.Stored);
            SA && FS.Slot.extends(Src, Rest) && Rest.size() == 1) {
          AccessPath D = Dst;
          D.Offsets.back() += Rest[0];
          Record(D, *SA);
        }
    } else if (auto *CB = dyn_cast<CallBase>(&I)) {
      const Function *Callee = calledFunction(*CB);
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
  return Result;
}

bool HandleSummaries::computeReturnsRoot(const Function &F,
                                         AccessPathBuilder &P) {
  if (!F.getReturnType()->isPointerTy())
    return false;
  bool Any = false;
  for (const BasicBlock &BB : F) {
    auto *RI = dyn_cast<ReturnInst>(BB.getTerminator());
    if (!RI)
      continue;
    auto *Inner = dyn_cast<CallBase>(P.origin(RI->getReturnValue()));
    if (!Inner || !callReturnsRoot(*Inner))
      return false;
    Any = true;
  }
  return Any;
}

const Value *HandleSummaries::thrownType(const Function &F) const {
  const FunctionFacts *Fa = lookup(F);
  return Fa ? Fa->ThrownType : nullptr;
}

/// The one type \p F's explicit throws and throwing callees let out, if
/// they agree and each is known.
const Value *HandleSummaries::computeThrownType(const Function &F) {
  const Value *Type = nullptr;
  bool HasResume = false;
  for (const BasicBlock &BB : F)
    HasResume |= isa<ResumeInst>(BB.getTerminator());
  for (const Instruction &I : instructions(F)) {
    auto *CB = dyn_cast<CallBase>(&I);
    const Function *Callee = CB ? calledFunction(*CB) : nullptr;
    if (!Callee || CB->doesNotThrow() || !(isa<CallInst>(CB) || HasResume) ||
        !knownToThrow(*Callee))
      continue;
    const Value *T = Callee->getName() == "__cxa_throw" && CB->arg_size() > 1
                         ? CB->getArgOperand(1)->stripPointerCasts()
                         : thrownType(*Callee);
    if (!T || (Type && T != Type))
      return nullptr;
    Type = T;
  }
  return Type;
}

/// Whether \p F writes nothing but its own locals, and calls only
/// functions that do the same.
bool HandleSummaries::computeReadsOnly(const Function &F) {
  if (F.onlyReadsMemory())
    return true;
  if (F.isDeclaration())
    return false;
  auto Local = [](const Value *Addr) {
    return isa<AllocaInst>(getUnderlyingObject(Addr));
  };
  for (const Instruction &I : instructions(F)) {
    if (!I.mayWriteToMemory())
      continue;
    if (auto *SI = dyn_cast<StoreInst>(&I)) {
      if (SI->isVolatile() || !Local(SI->getPointerOperand()))
        return false;
      continue;
    }
    if (auto *MI = dyn_cast<MemIntrinsic>(&I)) {
      if (MI->isVolatile() || !Local(MI->getRawDest()))
        return false;
      continue;
    }
    if (auto *II = dyn_cast<IntrinsicInst>(&I);
        II && II->isAssumeLikeIntrinsic())
      continue;
    auto *CB = dyn_cast<CallBase>(&I);
    const Function *Callee = CB ? calledFunction(*CB) : nullptr;
    if (!Callee || Callee == &F ||
        !(Callee->onlyReadsMemory() ||
          (!Callee->isDeclaration() && facts(*Callee).ReadsOnly)))
      return false;
  }
  return true;
}

bool HandleSummaries::computeBaseFacts(const Function &F) {
  bool Changed = false;
  if (!facts(F).ReadsOnly && computeReadsOnly(F)) {
    facts(F).ReadsOnly = true;
    Changed = true;
  }
  {
    FunctionFacts &Fa = facts(F);
    if (!Fa.Throws && computeThrows(F)) {
      Fa.Throws = true;
      Changed = true;
    }
  }
  if (facts(F).Throws) {
    const Value *T = computeThrownType(F);
    FunctionFacts &Fa = facts(F);
    Changed |= T != Fa.ThrownType;
    Fa.ThrownType = T;
  }
  if (F.getReturnType()->isIntegerTy() && !facts(F).ReturnsConstant) {
    const ConstantInt *Same = nullptr;
    bool Any = false, All = true;
    for (const BasicBlock &BB : F)
      if (auto *RI = dyn_cast<ReturnInst>(BB.getTerminator())) {
        auto *K = dyn_cast<ConstantInt>(RI->getReturnValue());
        All &= K && (!Same || K == Same);
        Same = K;
        Any = true;
      }
    if (Any && All) {
      facts(F).ReturnsConstant = Same;
      Changed = true;
    }
  }
  bool PointerArgs = any_of(F.args(), [](const Argument &A) {
    return A.getType()->isPointerTy();
  });
  if (!PointerArgs && !F.getReturnType()->isPointerTy())
    return Changed;
  auto P = std::make_shared<AccessPathBuilder>(F, this);
  std::optional<ReturnedArgument> Returned = computeReturnedArgument(F, *P);
  std::vector<ArgumentStore> Stores = computeArgumentStores(F, *P);
  bool ReturnsRoot = computeReturnsRoot(F, *P);
  FunctionFacts &Fa = facts(F);
  if (Returned != Fa.Returned) {
    Fa.Returned = Returned;
    Changed = true;
  }
  for (ArgumentStore &AS : Stores)
    if (!is_contained(Fa.Stores, AS)) {
      Fa.Stores.push_back(std::move(AS));
      Changed = true;
    }
  if (ReturnsRoot && !Fa.ReturnsRoot) {
    Fa.ReturnsRoot = true;
    Changed = true;
  }
  // The builder read only final facts outside recursion: keep it for the
  // creations of this function. In recursion, facts it read may change.
  for (size_t I = 0; I < PathCache.size(); ++I)
    if (PathCache[I].first == &F) {
      PathCache.erase(PathCache.begin() + I);
      break;
    }
  if (!Graph.isRecursive(F)) {
    if (PathCache.size() >= PathCacheSize)
      PathCache.erase(PathCache.begin());
    PathCache.push_back({&F, std::move(P)});
  }
  return Changed;
}

std::optional<HandleSite> HandleSummaries::creationAt(const CallBase &CB) const {
  auto *Callee = calleeNamed(CB);
  if (!Callee)
    return std::nullopt;
  // The standard library's own allocations (a shared pointer's control
  // block, a container's buffer) are its business, managed by protocols
  // such as reference counts that it keeps correctly: they are not
  // creations of the program, at any -O level.
  if (inStandardLibrary(CB))
    return std::nullopt;
  HandleSite Site;
  Site.Call = &CB;
  Site.Creator = Callee;
  if (const FunctionRoles *R = Model.rolesOfCall(CB); R && R->Create) {
    const ResolvedRole &C = *R->Create;
    Site.Success = C.Spec.Success;
    if (C.Parent && C.Parent->ArgNo < CB.arg_size())
      Site.ParentArg = C.Parent->ArgNo;
    if (C.Handle.Kind == IRPosition::Argument) {
      if (C.Handle.ArgNo >= CB.arg_size() ||
          C.Handle.ArgNo >= Callee->arg_size())
        return std::nullopt;
      // An out-parameter receives the handle; sret and `this` are the handle.
      bool IsObject =
          C.Handle.ViaSRet || C.Spec.Handle.Kind == SourcePosition::This;
      AccessPath E = AccessPath::rootOf(Callee->getArg(C.Handle.ArgNo));
      if (!IsObject)
        E = E.deref();
      // A returned object that holds one std::function beside other things
      // (Go's `ctx, cancel := WithCancel(parent)` as a pair or a struct):
      // the callable is the handle, the rest is not owed.
      if (C.Handle.ViaSRet)
        if (std::optional<uint64_t> Off =
                callableMemberOffset(CB.getParamStructRetType(C.Handle.ArgNo),
                                     CB.getModule()->getDataLayout()))
          E.Offsets[0] = *Off;
      Site.CalleeExpr = E;
    }
    return Site;
  }
  const HandleSite *Fresh = freshHandle(*Callee);
  if (!Fresh)
    return std::nullopt;
  Site.CalleeExpr = Fresh->CalleeExpr;
  Site.ReturnOffset = Fresh->ReturnOffset;
  Site.WrapperCreation = Fresh->WrapperCreation;
  Site.Success = Fresh->Success;
  Site.ValueOf = Fresh->ValueOf;
  Site.ValueStatus = Fresh->ValueStatus;
  if (Fresh->ParentArg && *Fresh->ParentArg < CB.arg_size())
    Site.ParentArg = Fresh->ParentArg;
  return Site;
}

/// Whether every return of \p F returns the result of \p CB.
bool HandleSummaries::returnsOnly(const Function &F, const CallBase &CB) {
  if (F.getReturnType()->isVoidTy())
    return false;
  AccessPathBuilder &P = paths(F);
  bool Any = false;
  for (const BasicBlock &BB : F)
    if (auto *RI = dyn_cast<ReturnInst>(BB.getTerminator())) {
      if (P.origin(RI->getReturnValue()) != &CB)
        return false;
      Any = true;
    }
  return Any;
}

/// The success condition a wrapper's returned constants say: those it
/// returns where it handed the handle over (and only there) against those
/// it returns where there is no handle, or one it cancelled itself.
static std::optional<SuccessCondition>
successFromReturns(const HandleOutcome &O) {
  if (O.ReturnsOther || O.ReturnedConstants.empty())
    return std::nullopt;
  constexpr uint8_t Over = 1u << flow::Away;
  constexpr uint8_t None = (1u << flow::Dead) | (1u << flow::Done);
  SmallVector<const APInt *, 2> Handed, Without;
  for (const auto &[K, Mask] : O.ReturnedConstants) {
    if (Mask == Over)
      Handed.push_back(&K->getValue());
    else if (!(Mask & ~None))
      Without.push_back(&K->getValue());
    else
      return std::nullopt;
  }
  if (Handed.empty() || Without.empty())
    return std::nullopt;
  auto All = [](ArrayRef<const APInt *> L, auto Pred) {
    return all_of(L, [&](const APInt *V) { return Pred(*V); });
  };
  if (All(Handed, [](const APInt &V) { return V.isZero(); }))
    return SuccessCondition::ReturnsZero;
  if (All(Without, [](const APInt &V) { return V.isZero(); }))
    return SuccessCondition::ReturnsNonZero;
  if (All(Handed, [](const APInt &V) { return V.isNonNegative(); }) &&
      All(Without, [](const APInt &V) { return V.isNegative(); }))
    return SuccessCondition::ReturnsNonNegative;
  return std::nullopt;
}

/// The success condition of a function that returns the handle inside an
/// object it returns: where the handle exists the object does, so a null
/// result has none, provided the function returns null only where it holds
/// no handle and no other pointer (an object it found, a fallback).
static std::optional<SuccessCondition>
successOfReturnedObject(const HandleOutcome &O) {
  constexpr uint8_t None = (1u << flow::Dead) | (1u << flow::Done);
  if (O.OtherReturnStatuses || O.ObjectReturnedWithout ||
      (O.NullReturnStatuses & ~None))
    return std::nullopt;
  return SuccessCondition::ReturnsNonNull;
}

/// A parent the wrapper \p F was given and passes on to the creation
/// \p Inner is its parent too, so a caller deriving from a root through it
/// is a detached context.
void HandleSummaries::setParentArg(const Function &F, const HandleSite &Inner,
                                   HandleSite &Fresh) {
  if (Inner.ParentArg)
    if (auto *A = dyn_cast<Argument>(
            paths(F).origin(Inner.Call->getArgOperand(*Inner.ParentArg))))
      Fresh.ParentArg = A->getArgNo();
}

/// Whether some return of \p F is reached from its entry without passing
/// one of \p Calls: on that path the function creates nothing.
static bool returnsWithout(const Function &F,
                           ArrayRef<const CallBase *> Calls) {
  SmallPtrSet<const BasicBlock *, 4> Barriers;
  for (const CallBase *CB : Calls)
    Barriers.insert(CB->getParent());
  SmallVector<const BasicBlock *, 16> Work{&F.getEntryBlock()};
  SmallPtrSet<const BasicBlock *, 32> Seen;
  while (!Work.empty()) {
    const BasicBlock *BB = Work.pop_back_val();
    if (Barriers.count(BB) || !Seen.insert(BB).second)
      continue;
    if (isa<ReturnInst>(BB->getTerminator()))
      return true;
    Work.append(succ_begin(BB), succ_end(BB));
  }
  return false;
}

/// The values of the stores to \p Slot that \p LI may read (the last store
/// on each path to it). A parameter spilled at -O0 and overwritten before
/// the return does not reach it.
static void reachingStores(const LoadInst &LI, const AllocaInst &Slot,
                           SmallVectorImpl<const Value *> &Out) {
  SmallVector<const StoreInst *, 4> Stores;
  lastStoresBefore(LI, &Slot, Stores);
  for (const StoreInst *SI : Stores)
    Out.push_back(SI->getValueOperand());
}

/// What the pointers \p F returns may be, followed through the -O0 return
/// slot, phis and selects of the returns, and library calls that return
/// their argument's memory: a pointer it was given, or one that is no
/// creation's result whatever the path (a global's value such as `stdout`,
/// a global's address, what a library function that creates nothing
/// returns). What a function of the module returns and what is read from
/// other memory are left to the dataflow, which sees whether they hold the
/// handle (`return guard.release();`, a recursive creator).
HandleSummaries::ReturnSources
HandleSummaries::returnSources(const Function &F) {
  FunctionFacts &Fa = facts(F);
  if (Fa.Sources)
    return *Fa.Sources;
  ReturnSources R;
  if (F.getReturnType()->isPointerTy()) {
    AccessPathBuilder &P = paths(F);
    SmallVector<const Value *, 8> Returned;
    for (const BasicBlock &BB : F)
      if (auto *RI = dyn_cast<ReturnInst>(BB.getTerminator());
          RI && RI->getReturnValue())
        Returned.push_back(RI->getReturnValue());
    unsigned I = 0;
    for (; I < Returned.size() && I < 64; ++I) {
      const Value *V = Returned[I]->stripPointerCasts();
      if (isa<Argument>(P.pathOf(V).Root)) {
        R.Argument = true;
        continue;
      }
      if (auto *Phi = dyn_cast<PHINode>(V)) {
        Returned.append(Phi->value_op_begin(), Phi->value_op_end());
        continue;
      }
      if (auto *Sel = dyn_cast<SelectInst>(V)) {
        Returned.append({Sel->getTrueValue(), Sel->getFalseValue()});
        continue;
      }
      if (auto *Call = dyn_cast<CallBase>(V)) {
        const Function *Callee = calledFunction(*Call);
        if (creationAt(*Call) || !Callee || !Callee->isDeclaration())
          continue;
        // A library call that returns the memory of its argument
        // (`realloc(ptr, n)`, `strcpy`'s destination) returns that
        // argument.
        bool ReturnsArgument = false;
        for (unsigned J = 0; J < Call->arg_size(); ++J)
          if (Call->getArgOperand(J)->getType()->isPointerTy() &&
              Borrows->use(*Call, J) == BorrowFacts::ReturnsIt) {
            Returned.push_back(Call->getArgOperand(J));
            ReturnsArgument = true;
          }
        // A fresh allocation is the object a constructor fills, not one
        // found elsewhere: the dataflow says whether it holds the handle.
        R.Other |= !ReturnsArgument && !Callee->isIntrinsic() &&
                   !Call->returnDoesNotAlias();
        continue;
      }
      if (auto *LI = dyn_cast<LoadInst>(V)) {
        const Value *Addr = LI->getPointerOperand()->stripPointerCasts();
        if (auto *Slot = dyn_cast<AllocaInst>(Addr))
          reachingStores(*LI, *Slot, Returned);
        else
          R.Other |= isa<GlobalVariable>(Addr);
        continue;
      }
      R.Other |= isa<Constant>(V) && !isa<ConstantPointerNull, UndefValue>(V);
    }
    // Too many to follow: anything may be returned.
    if (I < Returned.size())
      R.Other = true;
  }
  Fa.Sources = R;
  return R;
}

bool HandleSummaries::mayReturnArgument(const Function &F) {
  return returnSources(F).Argument;
}

bool HandleSummaries::summariseCreations(const Function &F) {
  std::vector<HandleSite> Sites;
  for (const Instruction &I : instructions(F))
    if (auto *CB = dyn_cast<CallBase>(&I))
      if (std::optional<HandleSite> Site = creationAt(*CB))
        Sites.push_back(std::move(*Site));
  if (Sites.empty()) {
    facts(F).Creations.clear();
    return false;
  }
  HandleFlow Flow(*this, F);
  for (const HandleSite &Site : Sites)
    Flow.addCreation(Site);
  Flow.run();
  std::vector<Creation> List;
  bool BecameFresh = false;
  // A function that may instead return what it was given (append to a
  // list: a new head, or the old one) does not create on every call: its
  // callers would see the old handle "created again".
  bool MayReturnArgument = mayReturnArgument(F);
  FunctionFacts &Fa = facts(F);
  // The creations that hand their handle over in the same slot of what the
  // caller passed, each on its own branch (`if (n) s->name = malloc(m);
  // else s->name = malloc(1);`): together they fill it on every path.
  auto SameSlot = [&](unsigned H) {
    SmallVector<const CallBase *, 2> Calls;
    const HandleOutcome &O = Flow.outcome(H);
    for (unsigned J = 0; J < Sites.size(); ++J) {
      const HandleOutcome &OJ = Flow.outcome(J);
      if (J == H ||
          (!OJ.Returned && !OJ.MovedStaleAt && OJ.MovedTo.size() == 1 &&
           O.MovedTo.size() == 1 && OJ.MovedTo.front() == O.MovedTo.front()))
        Calls.push_back(Sites[J].Call);
    }
    return Calls;
  };
  SmallVector<SmallVector<const CallBase *, 2>, 4> Fillers;
  for (unsigned H = 0; H < Sites.size(); ++H) {
    const HandleOutcome &O = Flow.outcome(H);
    Fillers.push_back(!O.Returned && !O.MovedTo.empty()
                          ? SameSlot(H)
                          : SmallVector<const CallBase *, 2>{Sites[H].Call});
  }
  for (unsigned H = 0; H < Sites.size(); ++H) {
    HandleOutcome &O = Flow.outcome(H);
    // Handed to the caller: every call of F creates a handle.
    if ((O.Returned || (!O.MovedTo.empty() && !O.MovedStaleAt)) && !Fa.Fresh &&
        !(O.Returned && MayReturnArgument) &&
        !(O.Returned && O.ReturnOffset == 0 &&
          (O.OtherPointerReturned || returnSources(F).Other))) {
      HandleSite Fresh;
      if (!O.Returned)
        Fresh.CalleeExpr = O.MovedTo.front();
      else
        Fresh.ReturnOffset = O.ReturnOffset;
      Fresh.Creator = &F;
      Fresh.WrapperCreation = Sites[H].Call;
      // Inside the object it returns (a constructor function in C): a
      // creation for every call that returns an object, when every other
      // return gives null and no handle.
      if (!O.Returned && Fresh.CalleeExpr->Root == &F) {
        std::optional<SuccessCondition> C = successOfReturnedObject(O);
        if (!C) {
          List.push_back({std::move(Sites[H]), std::move(O)});
          continue;
        }
        Fresh.Success = *C;
        setParentArg(F, Sites[H], Fresh);
        Fa.Fresh = Fresh;
        BecameFresh = true;
        List.push_back({std::move(Sites[H]), std::move(O)});
        continue;
      }
      // A wrapper that returns the creation's status has its success
      // condition.
      if (!O.Returned && returnsOnly(F, *Sites[H].Call))
        Fresh.Success = Sites[H].Success;
      // One that returns the created value itself (a descriptor, a pointer)
      // keeps its success condition too: a value the condition calls a
      // failure cannot be the live handle, wherever the wrapper got it.
      else if (O.Returned && O.ReturnOffset == 0 && !Sites[H].CalleeExpr &&
               Sites[H].Call->getType() == F.getReturnType())
        Fresh.Success = Sites[H].Success;
      // Or returns a descriptor a callee stored for it.
      else if (O.Returned && O.ReturnOffset == 0 && Sites[H].ValueOf &&
               Sites[H].ValueOf->getType() == F.getReturnType())
        Fresh.Success = Sites[H].ValueStatus;
      // One that hands the handle over through an out-parameter and says
      // so in its result (`if (!c) return -1; *out = c; return 0;`).
      if (!O.Returned && Fresh.Success == SuccessCondition::Always &&
          !O.MovedTo.empty())
        if (std::optional<SuccessCondition> C = successFromReturns(O))
          Fresh.Success = *C;
      // One that stores a created descriptor for its caller: its value
      // carries the creation's condition (a copy that is -1 is no handle).
      if (!O.Returned) {
        const HandleSite &In = Sites[H];
        if (!In.CalleeExpr && In.ReturnOffset == 0 &&
            In.Call->getType()->isIntegerTy() &&
            In.Success != SuccessCondition::Always) {
          Fresh.ValueOf = In.Call;
          Fresh.ValueStatus = In.Success;
        } else if (In.ValueOf && In.Success == SuccessCondition::Always) {
          Fresh.ValueOf = In.ValueOf;
          Fresh.ValueStatus = In.ValueStatus;
        }
      }
      // One that fills its out-parameter only on some paths, with nothing
      // in its result to tell which (`if (*out == NULL) *out = malloc(n);`
      // fills it only when the caller left it empty), does not create on
      // every call: its callers may already own what *out holds. Other
      // creations that fill the same slot on the other paths do.
      if (!O.Returned && Fresh.Success == SuccessCondition::Always &&
          returnsWithout(F, Fillers[H])) {
        List.push_back({std::move(Sites[H]), std::move(O)});
        continue;
      }
      setParentArg(F, Sites[H], Fresh);
      Fa.Fresh = Fresh;
      BecameFresh = true;
    }
    List.push_back({std::move(Sites[H]), std::move(O)});
  }
  Fa.Creations = std::move(List);
  return BecameFresh;
}

void HandleSummaries::summariseSCC(ArrayRef<const Function *> SCC) {
  bool Recursive = SCC.size() > 1 || Graph.isRecursive(*SCC.front());
  // Runs Step on every function of the SCC, and again on the callers of a
  // function for which it reports a change, until nothing changes.
  auto Fixpoint = [&](auto Step) {
    if (!Recursive) {
      Step(*SCC.front());
      return;
    }
    std::deque<const Function *> Work(SCC.begin(), SCC.end());
    DenseMap<const Function *, unsigned> Visits;
    DenseSet<const Function *> Queued(SCC.begin(), SCC.end());
    while (!Work.empty()) {
      const Function *F = Work.front();
      Work.pop_front();
      Queued.erase(F);
      if (++Visits[F] > MaxVisits || !Step(*F))
        continue;
      for (const Function *Caller : Graph.callersInSCC(*F))
        if (Queued.insert(Caller).second)
          Work.push_back(Caller);
    }
  };
  Fixpoint([&](const Function &F) { return computeBaseFacts(F); });
  // Before any caller asks: a function's reads include its callees'.
  for (const Function *F : SCC)
    decidingReads(*F);
  Fixpoint([&](const Function &F) { return summariseCreations(F); });
}

SmallVector<const Function *, 2>
HandleSummaries::resolveCallees(const CallBase &CB,
                                AccessPathBuilder &CallerPaths) {
  SmallVector<const Function *, 2> Out;
  // A local function pointer written once is looked through.
  const Value *Callee = CallerPaths.origin(CB.getCalledOperand());
  if (const Function *F = functionNamedBy(Callee)) {
    Out.push_back(F);
    return Out;
  }
  if (auto *Sel = dyn_cast<SelectInst>(Callee)) {
    for (const Value *V : {Sel->getTrueValue(), Sel->getFalseValue()})
      if (const Function *F = functionNamedBy(V))
        Out.push_back(F);
      else
        return {};
    return Out;
  }
  if (const Function *F = virtualTarget(CB, CallerPaths)) {
    Out.push_back(F);
    return Out;
  }
  // A slot of a constant table (`static const struct ops OPS = {stop}`):
  // its initializer holds every function the call can reach. Tables that
  // can be written are left alone, since another unit may write them.
  if (auto *LI = dyn_cast<LoadInst>(CB.getCalledOperand()->stripPointerCasts()))
    if (auto *GV = dyn_cast<GlobalVariable>(
            getUnderlyingObject(LI->getPointerOperand()));
        GV && GV->isConstant() && GV->hasDefinitiveInitializer())
      return Graph.indirectTargets(CB);
  // A struct field that only ever holds one function (std::function's
  // invoker, a callback member).
  ArrayRef<const Function *> Stored = Graph.fieldFunctions(Callee);
  if (Stored.size() == 1)
    Out.push_back(Stored.front());
  return Out;
}

} // namespace cancelverify
