//===- RedefinedAtoms.cpp - Conditions about values a loop computes anew --===//
//
// A condition atom is a fact about a value: `b < 0`, `n == 3`. A value
// computed inside a loop is a new value on every trip, so what a path knew
// of it on the trip that created a handle says nothing about the next
// trip's value. Kept, it prunes paths that exist: a handle created where
// `b == 1` would never reach the next trip's `b < 0` return (a missed
// leak), nor its `b == 3` cancel (an overwrite that is not there).
//
// Each atom about an instruction inside a loop is therefore forgotten where
// that instruction runs again. Values that are one value to the tests
// whatever the trip are kept: a phi and a local's naming load, which the
// edges and stores into them set (MergedTests.cpp), a read of the caller's
// memory that nothing here writes, whose fact the caller gave, and the
// handle's own creation, which forgets its atoms itself.
//
//===----------------------------------------------------------------------===//
#include "HandleFlow.h"

#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Instructions.h"

using namespace llvm;
using namespace cancelverify::flow;

namespace cancelverify {

const LoopInfo &HandleFlow::loops() {
  if (!Loops)
    Loops = std::make_unique<LoopInfo>(domTree());
  return *Loops;
}

/// Registers atom \p Index of handle \p H, about \p Key, with the
/// instructions whose next run makes it stale.
void HandleFlow::noteAtomDefinitions(unsigned H, unsigned Index,
                                     const void *Key) {
  if (Key == &HandleNullKey || StableKeys.count(Key))
    return;
  SmallVector<const Value *, 2> Subjects;
  if (auto Info = CompareKeyInfo.find(Key); Info != CompareKeyInfo.end())
    Subjects.append({std::get<1>(Info->second), std::get<2>(Info->second)});
  else
    Subjects.push_back(static_cast<const Value *>(Key));
  for (const Value *V : Subjects) {
    auto *I = dyn_cast<Instruction>(V);
    if (!I || isa<PHINode>(I) || I->getFunction() != &F ||
        (Sites[H] && I == Sites[H]->Call))
      continue;
    if (auto *LI = dyn_cast<LoadInst>(I)) {
      if (!SlotsKnown)
        findTestedSlots();
      if (auto It = SlotSubjects.find(LI->getPointerOperand());
          It != SlotSubjects.end() && It->second == LI)
        continue;
    }
    if (!loops().getLoopFor(I->getParent()))
      continue;
    auto &List = AtomsDefinedBy[I];
    if (!is_contained(List, std::make_pair(H, Index)))
      List.push_back({H, Index});
  }
}

/// Forgets, in \p S, what the handles knew of the value \p I computes: it
/// runs again, and its new value is unknown.
void HandleFlow::forgetRedefined(const Instruction &I, BlockState &S) {
  auto It = AtomsDefinedBy.find(&I);
  if (It == AtomsDefinedBy.end())
    return;
  for (auto [H, Index] : It->second) {
    const HandleState *St = S.Handles.get(H);
    uint32_t Bit = 1u << Index;
    if (!St || none_of(St->Tuples, [&](uint32_t T) { return known(T) & Bit; }))
      continue;
    HandleState W = *St;
    for (uint32_t &T : W.Tuples)
      T = tuple(known(T) & ~Bit, values(T), status(T));
    W.normalize();
    S.Handles.set(H, Arena.make(std::move(W)));
  }
}

} // namespace cancelverify
