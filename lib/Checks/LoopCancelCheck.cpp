//===- LoopCancelCheck.cpp - Blocking loops must observe cancellation -----===//
//
// Per function: classify the instructions of its loops once (WaitSummaries),
// follow every observation made inside a loop with one ObservationFlow run,
// then judge each loop with LoopInfo:
//   - it can block if an instruction of its body blocks;
//   - an observation acts for a loop if it leaves by itself, or if a branch
//     or switch of the loop that has a successor outside the loop depends on
//     it (returns, throws and noreturn calls are outside every loop, since
//     they cannot reach its back edge);
//   - an inferred flag counts only when it acts.
// Nested loops share the instructions and the flow; only the blocks differ.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/LoopCancelCheck.h"
#include "cancelverify/ApiModel.h"
#include "cancelverify/LoopStart.h"
#include "cancelverify/ObservationFlow.h"
#include "cancelverify/SourceFrames.h"
#include "cancelverify/WaitSummary.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/PostDominators.h"
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
};

class FunctionLoops {
public:
  FunctionLoops(Function &F, FunctionAnalysisManager &FAM,
                const WaitSummaries &Summaries,
                const DenseMap<const DISubprogram *, const Function *> &Defined)
      : F(F), FAM(FAM), Summaries(Summaries), Defined(Defined),
        Roots(F.getParent()->getDataLayout()) {}

  void run(std::vector<Finding> &Findings, std::set<std::string> &Reported);

private:
  void classifyLoopBodies(const LoopInfo &LI);
  std::optional<Verdict> judge(const Loop &L);
  bool writesTo(const Loop &L, const ObjectRoot &Root);
  bool definesLoopAt(const Function &Home, const DebugLoc &Start);
  std::string describe(const LoopObservation &Obs, unsigned LoopFrames) const;
  Finding makeFinding(const Loop &L, const Verdict &V, const DebugLoc &Start,
                      unsigned LoopFrames);

  Function &F;
  FunctionAnalysisManager &FAM;
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
  std::unique_ptr<ObservationFlow> Flow;
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
      if (Facts.Blocks)
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
  Verdict V{FindingKind::LoopIgnoresCancel};
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
    if (Acts && !ActingInferred &&
        (Obs.O.Inferred->Access != InferredFlag::Plain ||
         !writesTo(L, Obs.O.Inferred->Root)))
      ActingInferred = &Obs;
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

/// "should_stop -> ctx_done", "flag 'g_stop'",
/// "std::atomic<bool>::operator bool, inferred flag: atomic global 'running'".
std::string FunctionLoops::describe(const LoopObservation &Obs,
                                    unsigned LoopFrames) const {
  Witness W = Summaries.explainObservation(*Obs.I, Obs.O.Kind, LoopFrames);
  SmallVector<std::string, 6> Parts(W.Via.begin(), W.Via.end());
  std::string Inferred =
      Obs.O.Inferred ? WaitSummaries::describeInferred(*Obs.O.Inferred) : "";
  if (!W.Leaf.empty()) {
    Parts.push_back(W.Leaf);
    std::string S = join(Parts, " -> ");
    return Inferred.empty() ? S : S + ", " + Inferred;
  }
  if (!Inferred.empty())
    Parts.push_back(Inferred);
  else if (const auto *LI = dyn_cast_or_null<LoadInst>(W.Last))
    Parts.push_back(Summaries.describeFlag(*LI));
  else
    Parts.push_back("cancellation state");
  return join(Parts, " -> ");
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
  Witness Block = Summaries.explainBlocking(*V.Blocker, LoopFrames);
  Fd.Related.push_back({Block.Loc, "blocking call"});
  if (V.Kind == FindingKind::LoopIgnoresCancel) {
    Fd.Message = "loop can block";
    if (!Block.Leaf.empty())
      Fd.Message += " in '" + Block.Leaf + "'";
    Fd.Message += " at " + sourceLocation(Block.Loc);
    if (!Block.Via.empty() && !Block.Leaf.empty())
      Fd.Message +=
          " (via " + join(Block.Via, " -> ") + " -> " + Block.Leaf + ")";
    Fd.Message += " and never observes cancellation";
    return Fd;
  }
  Witness Obs = Summaries.explainObservation(*V.Observed->I, V.Observed->O.Kind,
                                             LoopFrames);
  Fd.Related.push_back({Obs.Loc, "observation"});
  Fd.Message = "loop observes cancellation at " + sourceLocation(Obs.Loc) +
               " (" + describe(*V.Observed, LoopFrames) + ")";
  if (V.Kind == FindingKind::LoopObservesCancel) {
    Fd.Message += " and leaves the loop on it";
    return Fd;
  }
  Fd.Message += " but the result never leads out of the loop";
  SmallVector<BasicBlock *, 4> Exits;
  L.getExitBlocks(Exits);
  if (Exits.empty())
    Fd.Message += ", which has no exit";
  return Fd;
}

/// True for loops whose code belongs to a modelled function or to the
/// standard library (inlined there at -O2): the model speaks for them.
static bool isPrimitiveCode(const DebugLoc &Start, const Function &F,
                            const WaitSummaries &Summaries,
                            const ApiModel &Model) {
  if (const DISubprogram *SP = sourceFunctionOf(Start))
    return Summaries.modelledRolesOf(SP) ||
           isImplementationName(sourceName(*SP));
  const FunctionRoles *R = Model.rolesOf(&F);
  return (R && (R->Wait || R->Observe)) || isImplementationName(sourceName(F));
}

bool FunctionLoops::definesLoopAt(const Function &Home, const DebugLoc &Start) {
  auto &HomeLoops = FAM.getResult<LoopAnalysis>(const_cast<Function &>(Home));
  return any_of(HomeLoops.getLoopsInPreorder(), [&](const Loop *L) {
    return sameSourcePosition(loopStart(*L), Start);
  });
}

void FunctionLoops::run(std::vector<Finding> &Findings,
                        std::set<std::string> &Reported) {
  LoopInfo &LI = FAM.getResult<LoopAnalysis>(F);
  if (LI.empty())
    return;
  classifyLoopBodies(LI);
  if (Blockers.empty())
    return;
  if (any_of(Observations,
             [](const LoopObservation &O) { return O.Label.has_value(); })) {
    auto &PDT = FAM.getResult<PostDominatorTreeAnalysis>(F);
    Flow = std::make_unique<ObservationFlow>(F, PDT);
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
    std::string Key = findingName(Fd.Kind).str() + "|" + sourceLocation(Start) +
                      ":" + std::to_string(Start ? Start.getCol() : 0) + "|" +
                      Fd.Message;
    if (Reported.insert(Key).second)
      Findings.push_back(std::move(Fd));
  }
}

void LoopCancelCheck::run(Module &M, FunctionAnalysisManager &FAM,
                          std::vector<Finding> &Findings) {
  WaitSummaries Summaries(Model, Options);
  Summaries.compute(M, FAM);
  DenseMap<const DISubprogram *, const Function *> Defined;
  for (const Function &F : M)
    if (!F.isDeclaration() && F.getSubprogram())
      Defined.try_emplace(F.getSubprogram(), &F);
  std::set<std::string> Reported;
  for (Function &F : M)
    if (!F.isDeclaration())
      FunctionLoops(F, FAM, Summaries, Defined).run(Findings, Reported);
}

} // namespace cancelverify
