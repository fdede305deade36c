//===- MergedTests.cpp - Tests of a value set on several paths ------------===//
//
// Code often records what a path did in a value it tests later: `owned =
// 1` where it created, `if (owned) stop(c);` at the end. Optimized code
// merges the paths' values into a phi: a guard whose std::function member
// was copied on one branch (`if (other) { clone; manager = other.manager;
// }`) tests, in its inlined destructor, a phi of the copied manager and
// null; a loop that counts what it stored leaves the count as a phi of
// constants and the bound that a later loop tests. Unoptimized code keeps
// the value in a local that several stores write and each test reloads.
// At the test the paths are already merged, so what the test decides can
// no longer be read off the paths that hold a handle. Instead each edge
// into the phi, and each store to the local, says what the test would give
// there: a constant decides it, and a value the path already tested (the
// bound, the handle's own manager) carries that atom over. The test is an
// atom of its own, set where the value is, and the later branch reads it.
// A local qualifies when only loads and stores of integers use it (no
// pointer to it is taken), so nothing else writes it; all its loads are
// one value to the tests.
//
//===----------------------------------------------------------------------===//
#include "HandleFlow.h"

#include "CallableHandle.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;
using namespace cancelverify::flow;

namespace cancelverify {

/// The tests of phis and of locals in this function, each with the atom it
/// is (computed once per function), keyed by the phi or the local.
const DenseMap<const Value *, SmallVector<HandleFlow::PhiTest, 1>> &
HandleFlow::phiTests() {
  if (PhiTestsKnown)
    return PhiTests;
  PhiTestsKnown = true;
  findTestedSlots();
  auto Add = [&](const Value *At, const PhiTest &T) {
    SmallVectorImpl<PhiTest> &List = PhiTests[At];
    if (none_of(List, [&](const PhiTest &O) { return O.Key == T.Key; }))
      List.push_back(T);
  };
  // An integer phi or local compared with a constant, or tested for zero,
  // spelled as the branch that reads it decodes it.
  auto AddInteger = [&](const Value *Cond) {
    std::optional<DecodedCondition> D = decode(Cond);
    if (!D)
      return;
    const Value *X = D->CompareKey ? D->CompareLHS : D->Subject;
    if (!X->getType()->isIntegerTy() ||
        (D->CompareKey && !isa<ConstantInt>(D->CompareRHS)))
      return;
    const Value *At = X;
    if (auto *LI = dyn_cast<LoadInst>(X);
        LI && SlotSubjects.count(LI->getPointerOperand()))
      At = LI->getPointerOperand();
    else if (!isa<PHINode>(X))
      return;
    if (D->CompareKey)
      Add(At, {D->CompareKey, D->ComparePred, D->CompareRHS, false});
    else
      Add(At, {X, PhiTest::ZeroTest, nullptr, false});
  };
  SmallVector<const PHINode *, 4> Callable;
  for (const Instruction &I : instructions(F)) {
    auto *Cmp = dyn_cast<ICmpInst>(&I);
    if (!Cmp)
      continue;
    // A std::function's emptiness test of a merged manager, which may
    // itself merge other phis.
    if (auto *Phi = dyn_cast<PHINode>(Cmp->getOperand(0));
        Phi && Cmp->isEquality() &&
        isa<ConstantPointerNull>(Cmp->getOperand(1)) &&
        HS.callables().testFrame(*Cmp) != CallableOp::NoTest &&
        !PhiTests.count(Phi)) {
      Add(Phi, {Phi, PhiTest::ZeroTest, nullptr, /*Callable=*/true});
      Callable.push_back(Phi);
      continue;
    }
    AddInteger(Cmp);
  }
  for (const BasicBlock &BB : F)
    if (auto *Br = dyn_cast<BranchInst>(BB.getTerminator());
        Br && Br->isConditional() && !isa<ICmpInst>(Br->getCondition()))
      AddInteger(Br->getCondition());
  while (!Callable.empty())
    for (const Value *V : Callable.pop_back_val()->incoming_values())
      if (auto *Inner = dyn_cast<PHINode>(V); Inner && !PhiTests.count(Inner)) {
        Add(Inner, {Inner, PhiTest::ZeroTest, nullptr, true});
        Callable.push_back(Inner);
      }
  return PhiTests;
}

/// Sets, in the tuples of handle \p H, the atoms of the tests \p Tests of a
/// phi or local that now holds \p V: known from a constant, carried over
/// from the same test of \p V, or forgotten. Returns whether \p W changed.
bool HandleFlow::setTests(unsigned H, HandleState &W, ArrayRef<PhiTest> Tests,
                          const Value *V) {
  auto IndexOf = [&](const void *Key) {
    const SmallVectorImpl<const void *> &List = Atoms[H];
    auto It = find(List, Key);
    return It == List.end() ? -1 : int(It - List.begin());
  };
  // What a test is when the value is a constant: whether its atom is zero
  // (the value is, or the comparison is false).
  auto ConstantOutcome = [&](const PhiTest &T) -> std::optional<bool> {
    if (T.Callable)
      return isa<ConstantPointerNull>(V) ? std::optional<bool>(true)
                                         : std::nullopt;
    auto *K = dyn_cast<ConstantInt>(V);
    if (!K)
      return std::nullopt;
    if (T.Pred == PhiTest::ZeroTest)
      return K->isZero();
    auto *R = cast<ConstantInt>(T.Constant);
    if (K->getBitWidth() != R->getBitWidth())
      return std::nullopt;
    return !ICmpInst::compare(K->getValue(), R->getValue(),
                              static_cast<CmpInst::Predicate>(T.Pred));
  };
  bool Changed = false;
  for (const PhiTest &T : Tests) {
    std::optional<bool> Zero = ConstantOutcome(T);
    int Source = -1;
    if (!Zero) {
      const Value *O = slotSubject(Paths.origin(V));
      if (T.Callable) {
        auto *LI = dyn_cast<LoadInst>(V);
        Source = isHandle(V, W) ||
                         (LI && slotOfHandleObject(LI->getPointerOperand(), W))
                     ? IndexOf(&HandleNullKey)
                     : IndexOf(V);
      } else if (T.Pred == PhiTest::ZeroTest) {
        Source = IndexOf(O);
      } else if (auto It = CompareKeys.find({T.Pred, O, T.Constant});
                 It != CompareKeys.end()) {
        Source = IndexOf(&It->second);
      }
    }
    int A = IndexOf(T.Key);
    if (A < 0 && !Zero && Source < 0)
      continue; // nothing known, and nothing to forget
    if (T.Pred == PhiTest::ZeroTest)
      ValueKeys.insert(T.Key);
    if (A < 0 && (A = atomIndex(H, T.Key)) < 0)
      continue;
    uint32_t Bit = 1u << A;
    for (uint32_t &Tu : W.Tuples) {
      bool Known =
          Zero.has_value() || (Source >= 0 && (known(Tu) & (1u << Source)));
      bool IsZero = Zero ? *Zero : Source >= 0 && (values(Tu) & (1u << Source));
      Tu = tuple(Known ? known(Tu) | Bit : known(Tu) & ~Bit,
                 IsZero ? values(Tu) | Bit : values(Tu) & ~Bit, status(Tu));
    }
    W.normalize();
    Changed = true;
  }
  return Changed;
}

bool HandleFlow::setTestedPhis(const BasicBlock &From, const BasicBlock &To,
                               BlockState &S) {
  const auto &Tests = phiTests();
  if (Tests.empty())
    return false;
  SmallVector<const PHINode *, 2> Phis;
  for (const PHINode &Phi : To.phis())
    if (Tests.count(&Phi) && Phi.getBasicBlockIndex(&From) >= 0)
      Phis.push_back(&Phi);
  if (Phis.empty())
    return false;
  bool Changed = false;
  forAllHandles(S, [&](unsigned H, HandleState &W) {
    for (const PHINode *Phi : Phis)
      Changed |= setTests(H, W, Tests.find(Phi)->second,
                          Phi->getIncomingValueForBlock(&From));
  });
  return Changed;
}

void HandleFlow::setTestedSlot(const StoreInst &SI, BlockState &S) {
  const auto &Tests = phiTests();
  auto It = Tests.find(SI.getPointerOperand());
  if (It == Tests.end())
    return;
  forAllHandles(S, [&](unsigned H, HandleState &W) {
    setTests(H, W, It->second, SI.getValueOperand());
  });
}

/// The locals whose every use is a load or a store of an integer (and
/// markers): nothing but those stores writes them. Each is named, to the
/// tests, by its first load.
void HandleFlow::findTestedSlots() {
  SlotsKnown = true;
  SmallPtrSet<const Value *, 8> Eligible;
  for (const Instruction &I : instructions(F)) {
    auto *AI = dyn_cast<AllocaInst>(&I);
    if (!AI || !AI->isStaticAlloca())
      continue;
    bool Ok = true;
    unsigned Stores = 0, Loads = 0;
    for (const User *U : AI->users()) {
      if (auto *LI = dyn_cast<LoadInst>(U)) {
        Ok &= LI->getType()->isIntegerTy() && !LI->isVolatile();
        ++Loads;
      } else if (auto *St = dyn_cast<StoreInst>(U)) {
        Ok &= St->getPointerOperand() == AI && !St->isVolatile() &&
              St->getValueOperand()->getType()->isIntegerTy();
        ++Stores;
      } else if (auto *II = dyn_cast<IntrinsicInst>(U);
                 !II || !II->isAssumeLikeIntrinsic()) {
        Ok = false;
      }
    }
    // A local stored once is forwarded to what was stored already.
    if (Ok && Loads && Stores > 1)
      Eligible.insert(AI);
  }
  if (Eligible.empty())
    return;
  for (const Instruction &I : instructions(F))
    if (auto *LI = dyn_cast<LoadInst>(&I);
        LI && Eligible.count(LI->getPointerOperand()))
      SlotSubjects.try_emplace(LI->getPointerOperand(), LI);
}

const Value *HandleFlow::slotSubject(const Value *V) {
  if (!SlotsKnown)
    findTestedSlots();
  if (SlotSubjects.empty() || !V)
    return V;
  // A bool reloaded and truncated for the branch is the same test.
  if (auto *T = dyn_cast<TruncInst>(V); T && T->getType()->isIntegerTy(1))
    if (auto *LI = dyn_cast<LoadInst>(T->getOperand(0));
        LI && isBoolSlot(LI->getPointerOperand()))
      V = LI;
  if (auto *LI = dyn_cast<LoadInst>(V))
    if (auto It = SlotSubjects.find(LI->getPointerOperand());
        It != SlotSubjects.end())
      return It->second;
  return V;
}

/// Whether every store to the local \p Slot writes 0, 1 or a widened bool,
/// so that its low bit is its truth.
bool HandleFlow::isBoolSlot(const Value *Slot) {
  if (!SlotSubjects.count(Slot))
    return false;
  return all_of(Slot->users(), [](const User *U) {
    auto *St = dyn_cast<StoreInst>(U);
    if (!St)
      return true;
    const Value *V = St->getValueOperand();
    if (auto *K = dyn_cast<ConstantInt>(V))
      return K->getValue().ule(1);
    auto *Z = dyn_cast<ZExtInst>(V);
    return Z && Z->getOperand(0)->getType()->isIntegerTy(1);
  });
}

} // namespace cancelverify
