//===- LoopCancelCheck.cpp - Blocking loops must observe cancellation -----===//
//
// Per function: classify the instructions of its loops once (WaitSummaries),
// follow every observation made inside a loop with one ObservationFlow run,
// then judge each loop with LoopInfo:
//   - it can block if an instruction of its body blocks, other than on the
//     way to a crash (a block from which every path ends the process or
//     throws: an assertion that logs under a lock, then aborts);
//   - an observation acts for a loop if it leaves by itself, or if a branch
//     or switch of the loop that has a successor outside the loop depends on
//     it (returns, throws and noreturn calls are outside every loop, since
//     they cannot reach its back edge), or a successor that ends the
//     process (a call that never returns, known from its summary when -O0
//     code does not declare it noreturn);
//   - an inferred flag counts only when it acts.
// Nested loops share the instructions and the flow; only the blocks differ.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/LoopCancelCheck.h"
#include "LoopScope.h"

#include "cancelverify/AnalysisOptions.h"
#include "cancelverify/ApiModel.h"
#include "cancelverify/Finding.h"
#include "cancelverify/FunctionSummaries.h"
#include "cancelverify/LoopStart.h"
#include "cancelverify/ObservationFlow.h"
#include "cancelverify/SourceFrames.h"
#include "cancelverify/WaitSummary.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/PostDominators.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"

#include <algorithm>
#include <set>
#include <tuple>

using namespace llvm;

namespace cancelverify {

namespace {

/// One observation made by an instruction inside some loop.
struct LoopObservation {
  const Instruction *I;
  Observation O;
  /// The flow label for Value observations.
  std::optional<unsigned> Label;
};

/// The verdict on one loop, before it becomes a message.
struct Verdict {
  FindingKind Kind;
  const Instruction *Blocker = nullptr;
  const LoopObservation *Observed = nullptr;
  /// Why an inferred flag observed means "stop".
  std::string Evidence;
};

class FunctionLoops {
public:
  FunctionLoops(Function &F, const WaitSummaries &Summaries,
                const DenseMap<const DISubprogram *, const Function *> &Defined)
      : F(F), Summaries(Summaries), Defined(Defined),
        Roots(F.getParent()->getDataLayout()) {}

  void run(FindingSink &Out, std::set<std::string> &Reported);

private:
  void classifyLoopBodies(const LoopInfo &LI);
  std::optional<Verdict> judge(const Loop &L);
  bool writesTo(const Loop &L, const ObjectRoot &Root);
  Finding makeFinding(const Loop &L, const Verdict &V, const DebugLoc &Start,
                      unsigned LoopFrames);

  Function &F;
  const WaitSummaries &Summaries;
  /// The functions defined in the module, by subprogram.
  const DenseMap<const DISubprogram *, const Function *> &Defined;
  ObjectRootFinder Roots;
  /// The instructions of loop bodies that may block, and the observations
  /// made there, each in source order.
  std::vector<const Instruction *> Blockers;
  std::vector<LoopObservation> Observations;
  /// Positions in Blockers and Observations, by block, so judging a loop
  /// only looks at its own blocks.
  DenseMap<const BasicBlock *, SmallVector<unsigned, 2>> BlockersIn,
      ObservationsIn;
  std::unique_ptr<PostDominatorTree> PDT;
  std::unique_ptr<ObservationFlow> Flow;
  /// Blocks from which every path ends the process or throws.
  SmallPtrSet<const BasicBlock *, 16> Doomed;
};

} // namespace

void FunctionLoops::classifyLoopBodies(const LoopInfo &LI) {
  for (const BasicBlock &BB : F) {
    if (!LI.getLoopFor(&BB))
      continue;
    for (const Instruction &I : BB) {
      if (I.isDebugOrPseudoInst())
        continue;
      InstructionFacts Facts = Summaries.classify(I, Roots);
      if (Facts.Blocks && !Doomed.count(&BB))
        Blockers.push_back(&I);
      for (const Observation &O : Facts.Observations) {
        LoopObservation Obs{&I, O, std::nullopt};
        if (O.Kind == Observation::Value)
          Obs.Label = Observations.size();
        Observations.push_back(Obs);
      }
    }
  }
  // Name the first blocking call and observation in source order: block
  // order changes when loops are rotated.
  sortBySourceOrder(Blockers, [](const Instruction *I) { return I; });
  sortBySourceOrder(Observations,
                    [](const LoopObservation &Obs) { return Obs.I; });
  for (unsigned Pos = 0; Pos < Blockers.size(); ++Pos)
    BlockersIn[Blockers[Pos]->getParent()].push_back(Pos);
  for (unsigned Pos = 0; Pos < Observations.size(); ++Pos)
    ObservationsIn[Observations[Pos].I->getParent()].push_back(Pos);
}

bool FunctionLoops::writesTo(const Loop &L, const ObjectRoot &Root) {
  for (const BasicBlock *BB : L.blocks())
    for (const Instruction &I : *BB) {
      const Value *Ptr = nullptr;
      if (const auto *SI = dyn_cast<StoreInst>(&I))
        Ptr = SI->getPointerOperand();
      else if (const auto *RMW = dyn_cast<AtomicRMWInst>(&I))
        Ptr = RMW->getPointerOperand();
      else if (const auto *CX = dyn_cast<AtomicCmpXchgInst>(&I))
        Ptr = CX->getPointerOperand();
      else if (const auto *MI = dyn_cast<AnyMemIntrinsic>(&I))
        Ptr = MI->getRawDest();
      if (Ptr && Roots.find(Ptr).mayOverlap(Root))
        return true;
    }
  return false;
}

std::optional<Verdict> FunctionLoops::judge(const Loop &L) {
  Verdict V;
  V.Kind = FindingKind::LoopIgnoresCancel;
  unsigned FirstBlocker = ~0u;
  SmallVector<unsigned, 8> Observed;
  for (const BasicBlock *BB : L.blocks()) {
    auto B = BlockersIn.find(BB);
    if (B != BlockersIn.end())
      FirstBlocker = std::min(FirstBlocker, B->second.front());
    auto O = ObservationsIn.find(BB);
    if (O != ObservationsIn.end())
      Observed.append(O->second.begin(), O->second.end());
  }
  if (FirstBlocker == ~0u)
    return std::nullopt;
  V.Blocker = Blockers[FirstBlocker];
  llvm::sort(Observed);

  // The observations that decide whether the loop is left.
  ObservationLabels Exiting;
  SmallVector<BasicBlock *, 4> ExitingBlocks;
  L.getExitingBlocks(ExitingBlocks);
  // A branch into a block that ends the process leaves the loop too.
  for (const BasicBlock *BB : L.blocks())
    if (!Doomed.count(BB) && !is_contained(ExitingBlocks, BB) &&
        any_of(successors(BB),
               [&](const BasicBlock *S) { return Doomed.count(S); }))
      ExitingBlocks.push_back(const_cast<BasicBlock *>(BB));
  if (Flow)
    for (const BasicBlock *BB : ExitingBlocks)
      if (const ObservationLabels *C =
              Flow->conditionLabels(*BB->getTerminator()))
        Exiting |= *C;

  const LoopObservation *ActingInferred = nullptr, *Passive = nullptr;
  for (unsigned Pos : Observed) {
    const LoopObservation &Obs = Observations[Pos];
    bool Acts =
        Obs.O.Kind == Observation::Acts ||
        (Obs.Label && *Obs.Label < Exiting.size() && Exiting.test(*Obs.Label));
    if (!Obs.O.Inferred) {
      if (Acts) {
        V.Kind = FindingKind::LoopObservesCancel;
        V.Observed = &Obs;
        return V;
      }
      if (!Passive)
        Passive = &Obs;
      continue;
    }
    // A plain load is a flag only if someone else writes it: not the loop.
    // Any inferred flag needs evidence that it means "stop".
    if (Acts && !ActingInferred &&
        (Obs.O.Inferred->Access != InferredFlag::Plain ||
         !writesTo(L, Obs.O.Inferred->Root)))
      if (std::optional<std::string> Why =
              Summaries.flagEvidence(*Obs.O.Inferred, F)) {
        ActingInferred = &Obs;
        V.Evidence = std::move(*Why);
      }
  }
  if (ActingInferred) {
    V.Kind = FindingKind::LoopObservesCancel;
    V.Observed = ActingInferred;
  } else if (Passive) {
    V.Kind = FindingKind::LoopCancelNotActedOn;
    V.Observed = Passive;
  }
  return V;
}

/// \p LoopFrames is the number of inlined frames the loop itself sits in:
/// explanations start inside them.
Finding FunctionLoops::makeFinding(const Loop &L, const Verdict &V,
                                   const DebugLoc &Start, unsigned LoopFrames) {
  Finding Fd;
  Fd.Kind = V.Kind;
  Fd.F = &F;
  Fd.At = L.getHeader()->getTerminator();
  Fd.Loc = Start;
  Witness &Block = Fd.Loop.Blocking;
  Block = Summaries.explainBlocking(*V.Blocker, LoopFrames);
  for (unsigned I = 0; I < Block.Via.size(); ++I)
    Fd.Related.push_back({RelatedRole::CallHop, Block.ViaLocs[I], Block.Via[I]});
  Fd.Related.push_back({RelatedRole::BlockingCall, Block.Loc, Block.Leaf});
  if (V.Kind == FindingKind::LoopIgnoresCancel)
    return Fd;
  Fd.Loop.Observed = Summaries.explainObservation(
      *V.Observed->I, V.Observed->O.Kind, LoopFrames);
  Fd.Loop.Inferred = V.Observed->O.Inferred;
  if (Fd.Loop.Inferred)
    Fd.Loop.Inferred->Evidence = V.Evidence;
  Fd.Related.push_back(
      {RelatedRole::Observation, Fd.Loop.Observed->Loc, Fd.Loop.Observed->Leaf});
  if (V.Kind == FindingKind::LoopCancelNotActedOn) {
    SmallVector<BasicBlock *, 4> Exits;
    L.getExitBlocks(Exits);
    Fd.Loop.NoExit = Exits.empty();
  }
  return Fd;
}

/// What makes two findings of inlined copies of one source loop the same.
static std::string identity(const Finding &Fd) {
  auto Chain = [](const Witness &W) {
    return sourceLocation(W.Loc) + "|" + join(W.Via, ">") + "|" + W.Leaf;
  };
  std::string Key = findingName(Fd.Kind).str() + "|" +
                    sourceLocation(Fd.Loc) + ":" +
                    std::to_string(Fd.Loc ? Fd.Loc.getCol() : 0) + "|" +
                    Chain(Fd.Loop.Blocking);
  if (Fd.Loop.Observed)
    Key += "|" + Chain(*Fd.Loop.Observed);
  return Key;
}

/// Whether \p R makes a function a wait or an observer by a built-in
/// catalog: the platform's primitive, whose loops are its own business.
static bool modelledByCatalog(const FunctionRoles *R) {
  auto Builtin = [](const std::optional<RoleOrigin> &O) {
    return O && O->Source == RoleOrigin::Builtin;
  };
  return R && (Builtin(R->Wait) || Builtin(R->Observe));
}

/// True for loops whose code belongs to a function a built-in catalog
/// models or to the standard library (inlined there at -O2). A function
/// the user annotated or modelled as a wait is checked like any other: the
/// role says what it means to its callers, not that its body is exempt
/// (a `suppress` role on it says otherwise).
static bool isPrimitiveCode(const DebugLoc &Start, const Function &F,
                            const WaitSummaries &Summaries,
                            const ApiModel &Model) {
  if (const DISubprogram *SP = sourceFunctionOf(Start))
    return modelledByCatalog(Summaries.modelledRolesOf(SP)) ||
           isImplementationName(sourceName(*SP));
  return modelledByCatalog(Model.rolesOf(&F)) ||
         isImplementationName(sourceName(F));
}

/// Whether \p Home has a loop that starts at \p Start.
static bool definesLoopAt(const Function &Home, const DebugLoc &Start) {
  DominatorTree DT(const_cast<Function &>(Home));
  LoopInfo HomeLoops(DT);
  return any_of(HomeLoops.getLoopsInPreorder(), [&](const Loop *L) {
    return sameSourcePosition(loopStart(*L), Start);
  });
}

void FunctionLoops::run(FindingSink &Out, std::set<std::string> &Reported) {
  // Only a function with an instruction that may block can have a loop
  // that blocks; the others (nearly all of a real program) need no loop
  // analysis at all. (A modelled function has no summary: its loops may
  // hold inlined user code, and are looked at.)
  const WaitSummary *Own = Summaries.lookup(&F);
  if (Own && !Own->Blocks)
    return;
  DominatorTree DT(F);
  LoopInfo LI(DT);
  if (LI.empty())
    return;
  Doomed = Summaries.endsAbnormally(F);
  classifyLoopBodies(LI);
  if (Blockers.empty())
    return;
  if (any_of(Observations,
             [](const LoopObservation &O) { return O.Label.has_value(); })) {
    PDT = std::make_unique<PostDominatorTree>(F);
    Flow = std::make_unique<ObservationFlow>(F, *PDT);
    for (const LoopObservation &Obs : Observations)
      if (Obs.Label)
        Flow->addSource(Obs.I, *Obs.Label);
    Flow->run();
  }

  // Source order: line and column of the loop start, then block order.
  DenseMap<const BasicBlock *, unsigned> BlockIndex;
  for (const BasicBlock &BB : F)
    BlockIndex[&BB] = BlockIndex.size();
  std::vector<std::tuple<unsigned, unsigned, unsigned, const Loop *>> Loops;
  for (const Loop *L : LI.getLoopsInPreorder()) {
    DebugLoc Start = loopStart(*L);
    Loops.emplace_back(Start ? Start.getLine() : ~0u,
                       Start ? Start.getCol() : ~0u, BlockIndex[L->getHeader()],
                       L);
  }
  llvm::sort(Loops);

  for (const auto &Entry : Loops) {
    const Loop &L = *std::get<3>(Entry);
    DebugLoc Start = loopStart(L);
    if (isPrimitiveCode(Start, F, Summaries, Summaries.model()))
      continue;
    // A loop inlined from a function that still has it is judged there, as
    // at -O0. Copies from a function that is gone are judged here, at the
    // loop's own line rather than at the call that was inlined.
    unsigned LoopFrames = inlinedFrames(Start).size();
    if (LoopFrames) {
      const Function *Home = Defined.lookup(sourceFunctionOf(Start));
      if (Home && Home != &F && definesLoopAt(*Home, Start))
        continue;
      Start = withoutInlining(Start);
    }
    std::optional<Verdict> V = judge(L);
    if (!V)
      continue;
    Finding Fd = makeFinding(L, *V, Start, LoopFrames);
    // Several inlined copies of one source loop: say the same thing once.
    if (Reported.insert(identity(Fd)).second)
      Out.consume(Fd);
  }
}

void LoopCancelCheck::run(CheckContext &C, FindingSink &Out) {
  const WaitSummaries &Summaries = C.Summaries.waits();
  DenseMap<const DISubprogram *, const Function *> Defined;
  for (const Function &F : C.M)
    if (!F.isDeclaration() && F.getSubprogram())
      Defined.try_emplace(F.getSubprogram(), &F);
  std::optional<DenseSet<const Function *>> InScope;
  if (C.Options.Loops == LoopScope::Cancellable)
    InScope = functionsSeeingCancellation(C.M, C.Model, Summaries);
  std::set<std::string> Reported;
  for (Function &F : C.M)
    if (!F.isDeclaration() && (!InScope || InScope->count(&F)))
      FunctionLoops(F, Summaries, Defined).run(Out, Reported);
}

} // namespace cancelverify
