//===- CountedLoops.cpp - Loops whose body runs at most once --------------===//
//
// `for (i = 0; i < 1; i++) p = create();` runs its body once. Followed as a
// loop, the second trip that never happens creates again over an owed
// handle, and the edge that skips the body loses it. A counted loop whose
// trip count is 0 or 1 is followed as straight-line code instead: the
// first test of the header goes the way the counter's first value says,
// and the back edge (the second test) leaves the loop.
//
// The counter is a local that -O0 keeps in memory (stored once before the
// loop and stepped by a constant once per trip) or, in SSA form, a phi of
// a constant and itself plus a constant. Loop structure comes from
// LoopInfo; the trip count from evaluating the header's comparison on the
// counter's first two values, the question ScalarEvolution answers for
// SSA loops but cannot for counters kept in memory. The header must do
// nothing but compute the test, so skipping it changes nothing else.
//
//===----------------------------------------------------------------------===//
#include "HandleFlow.h"

#include "cancelverify/StraightLine.h"

#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace cancelverify {

/// A header worth a look: a conditional branch on a comparison with a
/// constant, computed in the header from loads, casts and phis only.
static const ICmpInst *headerTest(const BasicBlock &BB) {
  auto *Br = dyn_cast<BranchInst>(BB.getTerminator());
  if (!Br || !Br->isConditional())
    return nullptr;
  auto *Cmp = dyn_cast<ICmpInst>(Br->getCondition());
  if (!Cmp || Cmp->getParent() != &BB ||
      (!isa<ConstantInt>(Cmp->getOperand(0)) &&
       !isa<ConstantInt>(Cmp->getOperand(1))))
    return nullptr;
  for (const Instruction &I : BB)
    if (!isa<LoadInst>(I) && !isa<CastInst>(I) && !isa<PHINode>(I) &&
        !isa<CmpInst>(I) && !isa<BranchInst>(I) && !isa<DbgInfoIntrinsic>(I))
      return nullptr;
  return Cmp;
}

/// The counter's value before the loop and its step, when \p V (read in
/// the header of \p L) is such a counter.
std::optional<std::pair<APInt, APInt>>
HandleFlow::counterOf(const Value *V, const Loop &L, const DominatorTree &DT) {
  const BasicBlock *Pre = L.getLoopPreheader();
  const BasicBlock *Latch = L.getLoopLatch();
  if (!Pre || !Latch)
    return std::nullopt;
  auto StepOf = [&](const Value *Next, auto Self)
      -> std::optional<APInt> {
    auto *Add = dyn_cast<BinaryOperator>(Paths.origin(Next));
    if (!Add || Add->getOpcode() != Instruction::Add)
      return std::nullopt;
    for (unsigned I = 0; I < 2; ++I)
      if (auto *S = dyn_cast<ConstantInt>(Add->getOperand(1 - I));
          S && Self(Add->getOperand(I)))
        return S->getValue();
    return std::nullopt;
  };

  // SSA: phi [C, preheader], [phi + S, latch].
  if (auto *Phi = dyn_cast<PHINode>(V)) {
    if (Phi->getNumIncomingValues() != 2)
      return std::nullopt;
    auto *Init = dyn_cast<ConstantInt>(Phi->getIncomingValueForBlock(Pre));
    std::optional<APInt> Step =
        StepOf(Phi->getIncomingValueForBlock(Latch),
               [&](const Value *X) { return X == Phi; });
    if (!Init || !Step)
      return std::nullopt;
    return std::make_pair(Init->getValue(), *Step);
  }

  // In memory: a local nothing else can reach, stepped by one store in the
  // loop on every trip, set to a constant last before it.
  auto *Load = dyn_cast<LoadInst>(V);
  if (!Load)
    return std::nullopt;
  AccessPath Slot = Paths.pathOf(Load->getPointerOperand());
  auto *Var = dyn_cast<AllocaInst>(Slot.Root);
  if (!Var || Slot.Offsets.size() != 1 || addressStored(Var))
    return std::nullopt;
  auto IsVar = [&](const Value *Ptr) {
    AccessPath P = Paths.pathOf(Ptr);
    return P.Root == Var;
  };
  auto ReadsVar = [&](const Value *X) {
    auto *LI = dyn_cast<LoadInst>(Paths.origin(X));
    return LI && IsVar(LI->getPointerOperand()) &&
           Paths.pathOf(LI->getPointerOperand()) == Slot;
  };
  std::optional<APInt> Step;
  for (const BasicBlock *BB : L.blocks())
    for (const Instruction &I : *BB) {
      if (auto *CB = dyn_cast<CallBase>(&I)) {
        if (isa<DbgInfoIntrinsic>(CB) || CB->isLifetimeStartOrEnd())
          continue;
        for (const Value *A : CB->args())
          if (A->getType()->isPointerTy() && IsVar(A))
            return std::nullopt;
        continue;
      }
      auto *SI = dyn_cast<StoreInst>(&I);
      if (!SI || !IsVar(SI->getPointerOperand()))
        continue;
      if (Step || Paths.pathOf(SI->getPointerOperand()) != Slot ||
          !DT.dominates(BB, Latch))
        return std::nullopt;
      Step = StepOf(SI->getValueOperand(), ReadsVar);
      if (!Step)
        return std::nullopt;
    }
  if (!Step)
    return std::nullopt;
  // The last write of the variable before the loop, in the straight-line
  // code that leads to it.
  std::optional<APInt> Init;
  walkBack(*Pre->getTerminator(), [&](const Instruction &I) {
    if (auto *SI = dyn_cast<StoreInst>(&I);
        SI && IsVar(SI->getPointerOperand())) {
      if (Paths.pathOf(SI->getPointerOperand()) == Slot)
        if (auto *C = dyn_cast<ConstantInt>(SI->getValueOperand()))
          Init = C->getValue();
      return false;
    }
    auto *CB = dyn_cast<CallBase>(&I);
    return !CB || none_of(CB->args(), [&](const Value *A) {
      return A->getType()->isPointerTy() && IsVar(A);
    });
  });
  if (!Init || Init->getBitWidth() != Step->getBitWidth())
    return std::nullopt;
  return std::make_pair(*Init, *Step);
}

void HandleFlow::findCountedLoops() {
  if (none_of(F, [](const BasicBlock &BB) { return headerTest(BB); }))
    return;
  DominatorTree DT(const_cast<Function &>(F));
  LoopInfo LI(DT);
  for (const Loop *L : LI.getLoopsInPreorder()) {
    const BasicBlock *H = L->getHeader();
    const BasicBlock *Latch = L->getLoopLatch();
    const ICmpInst *Cmp = headerTest(*H);
    if (!Cmp || !Latch || Latch == H)
      continue;
    auto *Br = cast<BranchInst>(H->getTerminator());
    bool BodyOnTrue = L->contains(Br->getSuccessor(0));
    if (BodyOnTrue == L->contains(Br->getSuccessor(1)))
      continue;
    unsigned CounterSide = isa<ConstantInt>(Cmp->getOperand(0)) ? 1 : 0;
    const Value *Read = Cmp->getOperand(CounterSide);
    // The counter as compared: possibly widened or narrowed.
    const CastInst *Cast = dyn_cast<CastInst>(Read);
    if (Cast)
      Read = Cast->getOperand(0);
    std::optional<std::pair<APInt, APInt>> Counter = counterOf(Read, *L, DT);
    if (!Counter)
      continue;
    auto Stays = [&](const APInt &V) -> std::optional<bool> {
      APInt X = V;
      unsigned W = Cmp->getOperand(0)->getType()->getIntegerBitWidth();
      if (Cast) {
        if (isa<SExtInst>(Cast))
          X = X.sext(W);
        else if (isa<ZExtInst>(Cast))
          X = X.zext(W);
        else if (isa<TruncInst>(Cast))
          X = X.trunc(W);
        else
          return std::nullopt;
      }
      if (X.getBitWidth() != W)
        return std::nullopt;
      const APInt &K =
          cast<ConstantInt>(Cmp->getOperand(1 - CounterSide))->getValue();
      bool R = CounterSide == 0 ? ICmpInst::compare(X, K, Cmp->getPredicate())
                                : ICmpInst::compare(K, X, Cmp->getPredicate());
      return R == BodyOnTrue;
    };
    const auto &[Init, Step] = *Counter;
    std::optional<bool> First = Stays(Init), Second = Stays(Init + Step);
    if (!First || (*First && (!Second || *Second)))
      continue;
    const BasicBlock *Body = Br->getSuccessor(BodyOnTrue ? 0 : 1);
    const BasicBlock *Exit = Br->getSuccessor(BodyOnTrue ? 1 : 0);
    OnceHeaders[H] = *First ? Body : Exit;
    if (*First)
      BackEdgeExits[{Latch, H}] = Exit;
  }
}

} // namespace cancelverify
