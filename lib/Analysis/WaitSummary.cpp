//===- WaitSummary.cpp - Blocking and cancellation, per function ----------===//
//
// Bottom-up over the SummaryCallGraph's SCCs, one SCC per call from
// FunctionSummaries. Each fact only
// ever grows (absent -> inferred -> modelled), so the fixpoint inside an SCC
// (a worklist of callers of what grew) terminates, and a witness is only
// replaced by a modelled one, which points to a callee whose modelled fact
// was set earlier: following witnesses always ends, even through recursion.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/WaitSummary.h"
#include "cancelverify/ApiModel.h"
#include "cancelverify/CallTarget.h"
#include "cancelverify/ObservationFlow.h"
#include "cancelverify/SourceFrames.h"
#include "cancelverify/SummaryCallGraph.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/AssumptionCache.h"
#include "llvm/Analysis/DemandedBits.h"
#include "llvm/Analysis/PostDominators.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"

#include <deque>

using namespace llvm;

namespace cancelverify {

/// Witness chains are short in practice; this bounds a malformed one.
static constexpr unsigned MaxChainLength = 64;

const WaitSummary *WaitSummaries::lookup(const Function *F) const {
  auto It = Summaries.find(F);
  return It == Summaries.end() ? nullptr : &It->second;
}

const FunctionRoles *
WaitSummaries::modelledRolesOf(const DISubprogram *SP) const {
  if (!SP)
    return nullptr;
  auto It = ModelledSubprograms.find(SP);
  return It == ModelledSubprograms.end() ? nullptr : &It->second;
}

/// Takes \p Candidate if \p Fact has nothing yet or only an inferred flag
/// where \p Candidate is modelled. Returns true if \p Fact changed.
static bool improve(ObservationFact &Fact, const ObservationFact &Candidate) {
  if (!Candidate)
    return false;
  if (Fact && !(Fact.Inferred && !Candidate.Inferred))
    return false;
  Fact = Candidate;
  return true;
}

static bool mergeInto(WaitSummary &Old, const WaitSummary &New) {
  bool Changed = false;
  if (!Old.Blocks && New.Blocks) {
    Old.Blocks = New.Blocks;
    Changed = true;
  }
  if (!Old.Observes && New.Observes) {
    Old.Observes = New.Observes;
    Changed = true;
  }
  Changed |= improve(Old.Returns, New.Returns);
  Changed |= improve(Old.Leaves, New.Leaves);
  if (!Old.NeverReturns && New.NeverReturns) {
    Old.NeverReturns = true;
    Changed = true;
  }
  return Changed;
}

static bool hasWaitOrObserveRole(const ApiModel &Model, const Function &F) {
  const FunctionRoles *R = Model.rolesOf(&F);
  return R && (R->Wait || R->Observe);
}

/// The name a function inlined from \p SP had: its symbol.
static StringRef symbolOf(const DISubprogram &SP) {
  return SP.getLinkageName().empty() ? SP.getName() : SP.getLinkageName();
}

struct WaitSummaries::BitsCache {
  explicit BitsCache(Function &F) : F(&F), AC(F), DT(F), DB(F, AC, DT) {}
  const Function *F;
  AssumptionCache AC;
  DominatorTree DT;
  DemandedBits DB;
};

WaitSummaries::WaitSummaries(const ApiModel &Model,
                             const AnalysisOptions &Options,
                             const SummaryCallGraph &Graph)
    : Model(Model), Config(Options.Model), Inference(Options.InferFlags),
      Graph(Graph) {}

WaitSummaries::~WaitSummaries() = default;

APInt WaitSummaries::demandedBits(const LoadInst &LI) const {
  // Analysis only: DemandedBits wants mutable IR but does not change it.
  auto &F = const_cast<Function &>(*LI.getFunction());
  if (!Bits || Bits->F != &F)
    Bits = std::make_unique<BitsCache>(F);
  unsigned Width = LI.getType()->getScalarSizeInBits();
  APInt Used(Width, 0);
  for (const Use &U : LI.uses()) {
    // `x <u C` with C a multiple of 2^k does not read x's low k bits: the
    // optimizer turns `(x >> 2) < 5` on a bitfield into `x <u 20`, and
    // DemandedBits takes a compare to read every bit.
    auto *Cmp = dyn_cast<ICmpInst>(U.getUser());
    const auto *C = Cmp ? dyn_cast<ConstantInt>(Cmp->getOperand(1 - U.getOperandNo()))
                        : nullptr;
    if (C && Cmp->isRelational()) {
      CmpInst::Predicate P = U.getOperandNo() == 0 ? Cmp->getPredicate()
                                                   : Cmp->getSwappedPredicate();
      // x <= C is x < C + 1; x > C is !(x < C + 1).
      bool PlusOne = P == CmpInst::ICMP_ULE || P == CmpInst::ICMP_UGT ||
                     P == CmpInst::ICMP_SLE || P == CmpInst::ICMP_SGT;
      APInt Bound = PlusOne ? C->getValue() + 1 : C->getValue();
      unsigned Low = std::min(Bound.countr_zero(), Width);
      Used |= APInt::getBitsSetFrom(Width, Low);
      continue;
    }
    Used |= Bits->DB.getDemandedBits(const_cast<Use *>(&U));
  }
  return Used;
}

void WaitSummaries::prepare(Module &M) {
  Evidence = std::make_unique<FlagEvidence>(M, Model, Graph);
  DenseSet<const DISubprogram *> Known;
  for (const Function &F : M)
    if (const DISubprogram *SP = F.getSubprogram()) {
      Known.insert(SP);
      if (hasWaitOrObserveRole(Model, F))
        ModelledSubprograms.try_emplace(SP, *Model.rolesOf(&F));
    }

  // Optimized code holds inlined copies of functions that are gone from the
  // module (a std:: template instance, once inlined everywhere). The model
  // only knows functions of the module, so ask a model of the same
  // configuration about declarations of those names, in a scratch module.
  SmallVector<const DISubprogram *, 16> Gone;
  for (const Function &F : M)
    for (const Instruction &I : instructions(F))
      for (const InlinedFrame &Frame : inlinedFrames(I))
        if (Known.insert(Frame.Callee).second &&
            !symbolOf(*Frame.Callee).starts_with("llvm."))
          Gone.push_back(Frame.Callee);
  if (Gone.empty())
    return;
  Module Scratch("cancel-verify-inlined", M.getContext());
  Scratch.setTargetTriple(M.getTargetTriple());
  Scratch.setDataLayout(M.getDataLayout());
  auto *Ty = FunctionType::get(Type::getVoidTy(M.getContext()), false);
  for (const DISubprogram *SP : Gone)
    Function::Create(Ty, GlobalValue::ExternalLinkage, symbolOf(*SP), Scratch);
  std::vector<ModelDiagnostic> Ignored;
  std::unique_ptr<ApiModel> ScratchModel =
      ApiModel::build(Scratch, Config, Ignored);
  if (!ScratchModel)
    return;
  for (const DISubprogram *SP : Gone)
    if (const Function *F = Scratch.getFunction(symbolOf(*SP)))
      if (hasWaitOrObserveRole(*ScratchModel, *F))
        ModelledSubprograms.try_emplace(SP, *ScratchModel->rolesOf(F));
}

void WaitSummaries::summariseSCC(ArrayRef<const Function *> Functions) {
  // The model says what a modelled function does; its body (if the module
  // has one) is an implementation detail.
  SmallVector<const Function *, 4> SCC;
  for (const Function *F : Functions)
    if (!hasWaitOrObserveRole(Model, *F))
      SCC.push_back(F);
  if (SCC.empty())
    return;
  for (const Function *F : SCC)
    Summaries.try_emplace(F);
  if (SCC.size() == 1 && !Graph.isRecursive(*SCC.front())) {
    WaitSummary New;
    summarise(*SCC.front(), New);
    mergeInto(Summaries[SCC.front()], New);
    return;
  }
  // Inside a recursive SCC, summarise again the callers of a function
  // whose summary grew, until nothing grows. Facts only grow and have few
  // levels, so each function is summarised a bounded number of times.
  DenseSet<const Function *> InSCC(SCC.begin(), SCC.end());
  std::deque<const Function *> Work(SCC.begin(), SCC.end());
  DenseSet<const Function *> Queued(SCC.begin(), SCC.end());
  while (!Work.empty()) {
    const Function *F = Work.front();
    Work.pop_front();
    Queued.erase(F);
    WaitSummary New;
    summarise(*F, New);
    if (!mergeInto(Summaries[F], New))
      continue;
    for (const Function *Caller : Graph.callersInSCC(*F))
      if (InSCC.count(Caller) && Queued.insert(Caller).second)
        Work.push_back(Caller);
  }
}

bool WaitSummaries::neverReturns(const CallBase &CB) const {
  if (CB.doesNotReturn())
    return true;
  const WaitSummary *S = calleeSummary(CB);
  return S && S->NeverReturns;
}

SmallPtrSet<const BasicBlock *, 16>
WaitSummaries::endsAbnormally(const Function &F) const {
  // The least fixpoint: a block that ends so itself, or whose successors
  // all do. A cycle with no way out but such ends is not included (an
  // event loop that runs forever is not a crash).
  SmallPtrSet<const BasicBlock *, 16> Doomed;
  SmallVector<const BasicBlock *, 8> Work;
  for (const BasicBlock &BB : F) {
    const Instruction *T = BB.getTerminator();
    bool Ends = isa<UnreachableInst, ResumeInst>(T);
    for (const Instruction &I : BB) {
      if (Ends)
        break;
      // An invoke's unwind edge goes on (to a handler that may be in a
      // loop); its successors decide.
      if (auto *CI = dyn_cast<CallInst>(&I);
          CI && !isa<IntrinsicInst>(CI) && neverReturns(*CI))
        Ends = true;
    }
    if (Ends && Doomed.insert(&BB).second)
      Work.push_back(&BB);
  }
  while (!Work.empty()) {
    const BasicBlock *BB = Work.pop_back_val();
    for (const BasicBlock *Pred : predecessors(BB)) {
      if (Doomed.count(Pred))
        continue;
      if (all_of(successors(Pred),
                 [&](const BasicBlock *S) { return Doomed.count(S); })) {
        Doomed.insert(Pred);
        Work.push_back(Pred);
      }
    }
  }
  return Doomed;
}

void WaitSummaries::summarise(const Function &F, WaitSummary &Out) const {
  ObjectRootFinder Roots(F.getParent()->getDataLayout());
  SmallPtrSet<const BasicBlock *, 16> Doomed = endsAbnormally(F);
  Out.NeverReturns = Doomed.count(&F.getEntryBlock());
  // Witnesses are chosen in source order, which optimizations keep and
  // block order does not.
  std::vector<std::pair<const Instruction *, InstructionFacts>> Facts;
  for (const Instruction &I : instructions(F)) {
    InstructionFacts IF = classify(I, Roots);
    // A wait on the way to a crash (an assertion that logs under a lock,
    // then aborts) does not make a caller wait.
    if (IF.Blocks && Doomed.count(I.getParent()))
      IF.Blocks = false;
    if (IF.Blocks || !IF.Observations.empty())
      Facts.push_back({&I, std::move(IF)});
  }
  sortBySourceOrder(Facts, [](const auto &Entry) { return Entry.first; });

  // Value observations, by flow label.
  SmallVector<ObservationFact, 8> Sources;
  for (const auto &[I, IF] : Facts) {
    if (IF.Blocks && !Out.Blocks)
      Out.Blocks = I;
    for (const Observation &O : IF.Observations) {
      if (!O.Inferred && !Out.Observes)
        Out.Observes = I;
      if (O.Kind == Observation::Acts)
        improve(Out.Leaves, {I, O.Inferred});
      else if (O.Kind == Observation::Value)
        Sources.push_back({I, O.Inferred});
    }
  }
  if (Sources.empty())
    return;

  // Built here rather than cached in the analysis manager: a summary needs
  // it once, and keeping one per function would hold the whole module's.
  PostDominatorTree PDT(const_cast<Function &>(F));
  ObservationFlow Flow(F, PDT);
  for (unsigned Label = 0; Label < Sources.size(); ++Label)
    Flow.addSource(Sources[Label].Witness, Label);
  Flow.run();

  if (!F.getReturnType()->isVoidTy())
    for (unsigned Label : Flow.returnLabels().set_bits())
      improve(Out.Returns, Sources[Label]);

  if (Flow.dependentBranches().empty())
    return;
  for (const Instruction *Branch : Flow.dependentBranches()) {
    const BasicBlock *From = Branch->getParent();
    if (Doomed.count(From) ||
        none_of(successors(From),
                [&](const BasicBlock *S) { return Doomed.count(S); }))
      continue;
    if (const ObservationLabels *L = Flow.conditionLabels(*Branch))
      for (unsigned Label : L->set_bits())
        improve(Out.Leaves, Sources[Label]);
  }
}

const WaitSummary *WaitSummaries::calleeSummary(const CallBase &CB) const {
  const auto *F = calleeNamed(CB);
  return F ? lookup(F) : nullptr;
}

std::optional<InferredFlag>
WaitSummaries::inferFlag(const LoadInst &LI, ObjectRootFinder &Roots) const {
  if (Inference == FlagInference::None)
    return std::nullopt;
  InferredFlag Flag;
  Flag.Access = LI.isVolatile() ? InferredFlag::Volatile
                : LI.isAtomic() ? InferredFlag::Atomic
                                : InferredFlag::Plain;
  if (Flag.Access == InferredFlag::Plain &&
      Inference != FlagInference::NonLocal)
    return std::nullopt;
  // Flags are integers and booleans; a loaded pointer is a way to memory.
  if (!LI.getType()->isIntegerTy())
    return std::nullopt;
  Flag.Root = Roots.find(LI.getPointerOperand());
  if (!Flag.Root.isNonLocal())
    return std::nullopt;
  if (const auto *GV = dyn_cast<GlobalVariable>(Flag.Root.Base))
    if (GV->isConstant() || onlyCounted(*GV, Flag.Root.Offset))
      return std::nullopt;
  Flag.Member = Evidence->memberAccessed(LI, LI.getPointerOperand());
  return Flag;
}

std::vector<WaitSummaries::FlagPlace>
WaitSummaries::inferredFlagPlaces(const Module &M) const {
  std::vector<FlagPlace> Places;
  auto Add = [&](FlagPlace P) {
    for (const FlagPlace &Q : Places)
      if (Q.Global == P.Global && Q.Struct == P.Struct && Q.Member == P.Member)
        return;
    Places.push_back(std::move(P));
  };
  for (const Function &F : M) {
    if (F.isDeclaration())
      continue;
    ObjectRootFinder Roots(M.getDataLayout());
    for (const Instruction &I : instructions(F)) {
      const auto *LI = dyn_cast<LoadInst>(&I);
      if (!LI || Model.flagRead(*LI))
        continue;
      std::optional<InferredFlag> Flag = inferFlag(*LI, Roots);
      if (!Flag || !flagEvidence(*Flag, F))
        continue;
      const auto *GV = dyn_cast_or_null<GlobalVariable>(Flag->Root.Base);
      if (GV && Flag->Root.Kind == ObjectRoot::Global && Flag->Root.Offset &&
          *Flag->Root.Offset == 0 && GV->getValueType()->isIntegerTy()) {
        if (!GV->hasLocalLinkage())
          Add({GV, "", ""});
      } else if (Flag->Member && !Flag->Member->Member.empty() &&
                 !isImplementationName(Flag->Member->Owner)) {
        Add({nullptr, Flag->Member->Owner, Flag->Member->Member});
      }
    }
  }
  return Places;
}

std::optional<std::string>
WaitSummaries::flagEvidence(const InferredFlag &Flag,
                            const Function &Reader) const {
  return Evidence->explain(Flag.Root, Flag.Member, Reader);
}

bool WaitSummaries::onlyCounted(const GlobalVariable &GV,
                                std::optional<int64_t> Offset) const {
  auto [It, New] = Counters.try_emplace({&GV, Offset.value_or(-1)}, false);
  if (!New)
    return It->second;
  // A counter is only ever stepped: every write the module makes to it
  // adds to or subtracts from it (a request count, a done count of
  // workers), which says nothing about stopping. One other write (a store
  // of a constant, an exchange, a call given its address) and it may be a
  // flag.
  const DataLayout &DL = GV.getParent()->getDataLayout();
  unsigned Steps = 0;
  bool Other = false;
  SmallVector<const Value *, 8> Work{&GV};
  SmallPtrSet<const Value *, 8> Seen{&GV};
  while (!Work.empty() && !Other) {
    const Value *V = Work.pop_back_val();
    for (const User *U : V->users()) {
      if (isa<ConstantExpr>(U) || isa<GetElementPtrInst>(U) ||
          isa<CastInst>(U)) {
        if (Seen.insert(U).second)
          Work.push_back(U);
        continue;
      }
      const Value *Addr = nullptr;
      bool Step = false;
      if (auto *SI = dyn_cast<StoreInst>(U)) {
        if (SI->getValueOperand() == V) {
          Other = true; // the address itself escapes into memory
          break;
        }
        Addr = SI->getPointerOperand();
        Step = isCounterStep(SI->getValueOperand(), Addr);
      } else if (auto *RMW = dyn_cast<AtomicRMWInst>(U)) {
        Addr = RMW->getPointerOperand();
        Step = RMW->getOperation() == AtomicRMWInst::Add ||
               RMW->getOperation() == AtomicRMWInst::Sub;
      } else if (isa<LoadInst>(U)) {
        continue;
      } else {
        Other = true; // a call, a compare-exchange, a PHI: cannot tell
        break;
      }
      int64_t At = 0;
      const Value *Base = GetPointerBaseWithConstantOffset(Addr, At, DL);
      if (Base == &GV && Offset && At != *Offset)
        continue; // another field
      if (!Step) {
        Other = true;
        break;
      }
      ++Steps;
    }
  }
  It->second = Steps > 0 && !Other;
  return It->second;
}

std::optional<InferredFlag>
WaitSummaries::translateToCaller(const InferredFlag &Flag, const CallBase &CB,
                                 ObjectRootFinder &CallerRoots) const {
  if (Flag.Root.Kind == ObjectRoot::Global)
    return Flag;
  if (Flag.Root.Kind != ObjectRoot::Argument)
    return std::nullopt;
  unsigned ArgNo = cast<Argument>(Flag.Root.Base)->getArgNo();
  if (ArgNo >= CB.arg_size())
    return std::nullopt;
  ObjectRoot Actual = CallerRoots.find(CB.getArgOperand(ArgNo));
  // A flag in the caller's own stack frame is not shared with anyone.
  if (!Actual.isNonLocal())
    return std::nullopt;
  InferredFlag Out = Flag;
  Out.Root = Actual;
  if (Actual.Offset && Flag.Root.Offset)
    Out.Root.Offset = *Actual.Offset + *Flag.Root.Offset;
  else
    Out.Root.Offset.reset();
  return Out;
}

InstructionFacts WaitSummaries::classify(const Instruction &I,
                                         ObjectRootFinder &Roots) const {
  InstructionFacts Facts;
  // Inlined code of a modelled function stands for a call to it.
  for (const InlinedFrame &Frame : inlinedFrames(I))
    if (const FunctionRoles *R = modelledRolesOf(Frame.Callee)) {
      Facts.Blocks = R->Wait.has_value();
      if (R->Observe && !I.getType()->isVoidTy())
        Facts.Observations.push_back({Observation::Value, std::nullopt});
      return Facts;
    }

  if (const auto *CB = dyn_cast<CallBase>(&I)) {
    if (isa<IntrinsicInst>(CB))
      return Facts;
    const FunctionRoles *R = Model.rolesOfCall(*CB);
    if (R && (R->Wait || R->Observe)) {
      Facts.Blocks = R->Wait.has_value();
      // An observer that returns nothing acts by itself: it returns only
      // when there is nothing to act on (pthread_testcancel).
      if (R->Observe)
        Facts.Observations.push_back(
            {CB->getType()->isVoidTy() ? Observation::Acts : Observation::Value,
             std::nullopt});
      return Facts;
    }
    const WaitSummary *S = calleeSummary(*CB);
    if (!S && !calledFunction(*CB))
      return classifyIndirect(*CB);
    if (!S)
      return Facts;
    Facts.Blocks = S->Blocks != nullptr;
    auto AddFact = [&](const ObservationFact &Fact, Observation::KindTy Kind) {
      if (!Fact)
        return;
      if (!Fact.Inferred) {
        Facts.Observations.push_back({Kind, std::nullopt});
        return;
      }
      if (std::optional<InferredFlag> Flag =
              translateToCaller(*Fact.Inferred, *CB, Roots))
        Facts.Observations.push_back({Kind, Flag});
    };
    AddFact(S->Leaves, Observation::Acts);
    AddFact(S->Returns, Observation::Value);
    if (S->Observes)
      Facts.Observations.push_back({Observation::Passive, std::nullopt});
    return Facts;
  }

  if (const auto *LI = dyn_cast<LoadInst>(&I)) {
    if (Model.flagRead(*LI, [&](const LoadInst &L) { return demandedBits(L); }))
      Facts.Observations.push_back({Observation::Value, std::nullopt});
    else if (std::optional<InferredFlag> Flag = inferFlag(*LI, Roots))
      Facts.Observations.push_back({Observation::Value, Flag});
  }
  return Facts;
}

/// What an indirect call does when its targets are known
/// (SummaryCallGraph::indirectTargets): it may block if one of them may;
/// it observes when one does, and returns or acts on the observation only
/// when every target does (modelled facts only: a flag inferred in a
/// callee is not translated through a pointer).
InstructionFacts WaitSummaries::classifyIndirect(const CallBase &CB) const {
  InstructionFacts Facts;
  SmallVector<const Function *, 4> Targets = Graph.indirectTargets(CB);
  if (Targets.empty())
    return Facts;
  bool AllReturn = true, AllLeave = true, AnyObserves = false;
  for (const Function *T : Targets) {
    if (const FunctionRoles *R = Model.rolesOf(T); R && (R->Wait || R->Observe)) {
      Facts.Blocks |= R->Wait.has_value();
      AnyObserves |= R->Observe.has_value();
      AllReturn &= R->Observe && !T->getReturnType()->isVoidTy();
      AllLeave &= R->Observe && T->getReturnType()->isVoidTy();
      continue;
    }
    const WaitSummary *S = lookup(T);
    if (!S) {
      AllReturn = AllLeave = false;
      continue;
    }
    Facts.Blocks |= S->Blocks != nullptr;
    AnyObserves |= S->Observes != nullptr;
    AllReturn &= S->Returns && !S->Returns.Inferred;
    AllLeave &= S->Leaves && !S->Leaves.Inferred;
  }
  if (AllLeave)
    Facts.Observations.push_back({Observation::Acts, std::nullopt});
  else if (AllReturn)
    Facts.Observations.push_back({Observation::Value, std::nullopt});
  else if (AnyObserves)
    Facts.Observations.push_back({Observation::Passive, std::nullopt});
  return Facts;
}

/// The callee's witness for an observation of kind \p Kind, falling back to
/// the other kinds (a thread-exiting helper leaves on what another helper
/// returned to it).
static const Instruction *observationWitness(const WaitSummary &S,
                                             Observation::KindTy Kind) {
  const Instruction *ByKind[] = {S.Leaves.Witness, S.Returns.Witness,
                                 S.Observes};
  if (const Instruction *W = ByKind[Kind])
    return W;
  for (const Instruction *W : ByKind)
    if (W)
      return W;
  return nullptr;
}

Witness WaitSummaries::explain(const Instruction &I, bool Blocking,
                               Observation::KindTy Kind,
                               unsigned OuterFrames) const {
  Witness W;
  const Instruction *Cur = &I;
  // Functions already on the chain: a call through a pointer may reach
  // one of them again (a tree walker's callbacks), and the chain must go
  // down to the call that blocks or observes instead.
  SmallPtrSet<const Function *, 8> OnChain;
  for (unsigned Depth = 0; Cur && Depth < MaxChainLength; ++Depth) {
    W.Last = Cur;
    W.Loc = locationOrTwin(*Cur);
    SmallVector<InlinedFrame, 4> Frames = inlinedFrames(W.Loc);
    // Only the instruction we start from sits inside the outer frames.
    unsigned Skip =
        Depth == 0 ? std::min<size_t>(OuterFrames, Frames.size()) : 0;
    for (const InlinedFrame &Frame : drop_begin(Frames, Skip)) {
      std::string Name = sourceName(*Frame.Callee);
      if (modelledRolesOf(Frame.Callee) || isImplementationName(Name)) {
        W.Leaf = Name;
        W.Loc = Frame.CallSite;
        return W;
      }
      W.Via.push_back(Name);
      W.ViaLocs.push_back(Frame.CallSite);
    }
    const auto *CB = dyn_cast<CallBase>(Cur);
    if (!CB)
      return W;
    const auto *Callee = calleeNamed(*CB);
    // Through a function pointer: a target that explains it, not on the
    // chain yet, preferring one that is modelled or whose own reason is a
    // direct call (which ends the chain sooner).
    if (!Callee) {
      const Function *Fallback = nullptr;
      for (const Function *T : Graph.indirectTargets(*CB)) {
        if (OnChain.count(T))
          continue;
        const FunctionRoles *R = Model.rolesOf(T);
        const WaitSummary *S = lookup(T);
        bool Modelled = Blocking ? R && R->Wait : R && R->Observe;
        const Instruction *Next =
            !S ? nullptr
               : Blocking ? S->Blocks
                          : observationWitness(*S, Kind);
        if (!Modelled && !Next)
          continue;
        auto *NextCall = dyn_cast_or_null<CallBase>(Next);
        if (Modelled || !NextCall || calleeNamed(*NextCall)) {
          Callee = T;
          break;
        }
        if (!Fallback)
          Fallback = T;
      }
      if (!Callee)
        Callee = Fallback;
    }
    if (!Callee)
      return W;
    OnChain.insert(Callee);
    std::string Name = sourceName(*Callee);
    const FunctionRoles *R =
        calleeNamed(*CB) ? Model.rolesOfCall(*CB) : Model.rolesOf(Callee);
    const WaitSummary *S = lookup(Callee);
    if ((R && (R->Wait || R->Observe)) || !S || isImplementationName(Name)) {
      W.Leaf = Name;
      return W;
    }
    W.Via.push_back(Name);
    W.ViaLocs.push_back(W.Loc);
    Cur = Blocking ? S->Blocks : observationWitness(*S, Kind);
  }
  return W;
}

Witness WaitSummaries::explainBlocking(const Instruction &I,
                                       unsigned OuterFrames) const {
  return explain(I, /*Blocking=*/true, Observation::Value, OuterFrames);
}

Witness WaitSummaries::explainObservation(const Instruction &I,
                                          Observation::KindTy Kind,
                                          unsigned OuterFrames) const {
  return explain(I, /*Blocking=*/false, Kind, OuterFrames);
}

} // namespace cancelverify
