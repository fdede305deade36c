//===- ObservationFlow.cpp - Where an observed cancellation goes ----------===//
//
// A worklist over def-use edges. Two kinds of edges are added to SSA's:
//  - memory: a store into a stack slot reaches the loads after it in its
//    block, up to the next store there, and, if it is the block's last store
//    to that place, every load of the slot in other blocks (clang -O0 keeps
//    every local in a slot; a flag written on one path is read on the next
//    iteration, and a variable reused for something else in the same block
//    no longer carries the observation);
//  - control: when a branch depends on an observation, so does every store,
//    return and phi whose execution or choice that branch decides (control
//    dependence, computed from the post-dominator tree).
//
//===----------------------------------------------------------------------===//
#include "cancelverify/ObservationFlow.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/PostDominators.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace cancelverify {

ObservationFlow::ObservationFlow(const Function &F,
                                 const PostDominatorTree &PDT)
    : F(F), PDT(PDT), Roots(F.getParent()->getDataLayout()) {}

void ObservationFlow::addSource(const Value *V, unsigned Label) {
  Sources.push_back({V, Label});
  NumLabels = std::max(NumLabels, Label + 1);
}

void ObservationFlow::indexSlots() {
  for (const BasicBlock &BB : F) {
    // The last store to each exactly known place so far in this block.
    DenseMap<SlotKey, const StoreInst *> Last;
    for (const Instruction &I : BB) {
      if (const auto *SI = dyn_cast<StoreInst>(&I)) {
        std::optional<SlotKey> Slot = slotOf(SI->getPointerOperand());
        if (!Slot || Slot->second == UnknownOffset)
          continue;
        auto [It, New] = Last.try_emplace(*Slot, SI);
        if (!New) {
          ReplacedInBlock.insert(It->second);
          It->second = SI;
        }
        continue;
      }
      const auto *LI = dyn_cast<LoadInst>(&I);
      if (!LI)
        continue;
      ObjectRoot R = Roots.findDirect(LI->getPointerOperand());
      if (R.Kind != ObjectRoot::Local)
        continue;
      if (R.Offset)
        if (const StoreInst *Def =
                Last.lookup({cast<AllocaInst>(R.Base), *R.Offset})) {
          LocalLoads[Def].push_back(LI);
          continue;
        }
      SlotLoads[cast<AllocaInst>(R.Base)].push_back({R, LI});
    }
  }
}

void ObservationFlow::run() {
  ReturnLabels.resize(NumLabels);
  indexSlots();

  for (auto [V, Label] : Sources) {
    ObservationLabels L(NumLabels);
    L.set(Label);
    merge(V, L);
  }
  while (!Worklist.empty()) {
    WorkItem Item = Worklist.front();
    Worklist.pop_front();
    // Copies: visiting may grow the maps.
    if (Item.V) {
      QueuedValues.erase(Item.V);
      ObservationLabels L = Labels.find(Item.V)->second;
      for (const User *U : Item.V->users())
        visitUser(Item.V, U, L);
    } else {
      QueuedSlots.erase(Item.Slot);
      ObservationLabels L = SlotLabels.find(Item.Slot)->second;
      visitSlot(Item.Slot, L);
    }
  }
}

const ObservationLabels *ObservationFlow::labelsOf(const Value *V) const {
  auto It = Labels.find(V);
  return It == Labels.end() ? nullptr : &It->second;
}

const ObservationLabels *
ObservationFlow::conditionLabels(const Instruction &Term) const {
  if (const auto *BI = dyn_cast<BranchInst>(&Term))
    return BI->isConditional() ? labelsOf(BI->getCondition()) : nullptr;
  if (const auto *SI = dyn_cast<SwitchInst>(&Term))
    return labelsOf(SI->getCondition());
  return nullptr;
}

/// Adds \p L to \p Cur; true if that added anything.
static bool addLabels(ObservationLabels &Cur, const ObservationLabels &L,
                      unsigned NumLabels) {
  if (Cur.size() < NumLabels)
    Cur.resize(NumLabels);
  ObservationLabels New = L;
  New.reset(Cur);
  if (New.none())
    return false;
  Cur |= L;
  return true;
}

void ObservationFlow::merge(const Value *V, const ObservationLabels &L) {
  if (addLabels(Labels[V], L, NumLabels) && QueuedValues.insert(V).second)
    Worklist.push_back({V, {nullptr, 0}});
}

void ObservationFlow::taintStore(const StoreInst &Store,
                                 const ObservationLabels &L) {
  std::optional<SlotKey> Slot = slotOf(Store.getPointerOperand());
  if (!Slot)
    return;
  auto It = LocalLoads.find(&Store);
  if (It != LocalLoads.end())
    for (const LoadInst *Load : It->second)
      merge(Load, L);
  if (!ReplacedInBlock.count(&Store))
    mergeSlot(*Slot, L);
}

void ObservationFlow::mergeSlot(SlotKey Slot, const ObservationLabels &L) {
  if (addLabels(SlotLabels[Slot], L, NumLabels) &&
      QueuedSlots.insert(Slot).second)
    Worklist.push_back({nullptr, Slot});
}

std::optional<ObservationFlow::SlotKey>
ObservationFlow::slotOf(const Value *Ptr) {
  ObjectRoot R = Roots.findDirect(Ptr);
  if (R.Kind != ObjectRoot::Local)
    return std::nullopt;
  return SlotKey{cast<AllocaInst>(R.Base),
                 R.Offset ? *R.Offset : UnknownOffset};
}

/// Operations whose result is computed from their operands' values.
static bool computesFromOperands(const Instruction &I) {
  if (isa<CmpInst, BinaryOperator, UnaryOperator, CastInst, PHINode, SelectInst,
          FreezeInst, ExtractValueInst, InsertValueInst, ExtractElementInst,
          InsertElementInst, ShuffleVectorInst>(I))
    return true;
  // __builtin_expect(done, 0) around a check.
  if (const auto *II = dyn_cast<IntrinsicInst>(&I))
    return II->getIntrinsicID() == Intrinsic::expect ||
           II->getIntrinsicID() == Intrinsic::expect_with_probability;
  return false;
}

void ObservationFlow::visitUser(const Value *V, const User *U,
                                const ObservationLabels &L) {
  const auto *I = dyn_cast<Instruction>(U);
  if (!I)
    return;
  if (computesFromOperands(*I)) {
    merge(I, L);
    return;
  }
  if (const auto *SI = dyn_cast<StoreInst>(I)) {
    if (SI->getValueOperand() == V)
      taintStore(*SI, L);
    return;
  }
  if (isa<ReturnInst>(I)) {
    ReturnLabels |= L;
    return;
  }
  if (const auto *BI = dyn_cast<BranchInst>(I)) {
    if (BI->isConditional())
      taintControlled(*BI, L);
    return;
  }
  if (const auto *SI = dyn_cast<SwitchInst>(I))
    if (SI->getCondition() == V)
      taintControlled(*SI, L);
}

void ObservationFlow::visitSlot(SlotKey Slot, const ObservationLabels &L) {
  auto It = SlotLoads.find(Slot.first);
  if (It == SlotLoads.end())
    return;
  for (const auto &[Read, Load] : It->second)
    if (Slot.second == UnknownOffset || !Read.Offset ||
        *Read.Offset == Slot.second)
      merge(Load, L);
}

/// True if the phi chooses between different values, so which way control
/// came decides its value.
static bool choosesBetweenValues(const PHINode &Phi) {
  for (const Value *V : Phi.incoming_values())
    if (V != Phi.getIncomingValue(0))
      return true;
  return false;
}

const ObservationFlow::ControlEffects &
ObservationFlow::controlEffects(const Instruction &Term) {
  auto [It, New] = Controlled.try_emplace(&Term);
  ControlEffects &Effects = It->second;
  if (!New)
    return Effects;
  DependentBranches.push_back(&Term);

  // The blocks control dependent on Term: for each successor, the blocks on
  // its post-dominator tree path up to (excluding) Term's immediate
  // post-dominator, where both ways meet again.
  const BasicBlock *From = Term.getParent();
  const DomTreeNode *FromNode = PDT.getNode(From);
  const BasicBlock *Meet = FromNode && FromNode->getIDom()
                               ? FromNode->getIDom()->getBlock()
                               : nullptr;
  SmallPtrSet<const BasicBlock *, 16> InRegion;
  SmallVector<const BasicBlock *, 16> Region;
  for (const BasicBlock *Succ : successors(From))
    for (const DomTreeNode *N = PDT.getNode(Succ);
         N && N->getBlock() && N->getBlock() != Meet; N = N->getIDom()) {
      if (!InRegion.insert(N->getBlock()).second)
        break; // the rest of this path is walked already
      Region.push_back(N->getBlock());
    }

  for (const BasicBlock *BB : Region)
    for (const Instruction &I : *BB) {
      if (const auto *SI = dyn_cast<StoreInst>(&I)) {
        if (slotOf(SI->getPointerOperand()))
          Effects.Stores.push_back(SI);
      } else if (isa<ReturnInst>(I)) {
        Effects.Returns = true;
      }
    }
  // Where the ways meet, a phi's value says which way was taken.
  SmallPtrSet<const PHINode *, 8> Seen;
  Region.push_back(From);
  for (const BasicBlock *BB : Region)
    for (const BasicBlock *Succ : successors(BB)) {
      if (InRegion.count(Succ))
        continue;
      for (const PHINode &Phi : Succ->phis())
        if (choosesBetweenValues(Phi) && Seen.insert(&Phi).second)
          Effects.Phis.push_back(&Phi);
    }
  return Effects;
}

void ObservationFlow::taintControlled(const Instruction &Term,
                                      const ObservationLabels &L) {
  const ControlEffects &Effects = controlEffects(Term);
  if (Effects.Returns)
    ReturnLabels |= L;
  for (const StoreInst *Store : Effects.Stores)
    taintStore(*Store, L);
  for (const PHINode *Phi : Effects.Phis)
    merge(Phi, L);
}

} // namespace cancelverify
