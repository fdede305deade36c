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
// A local qualifies when only loads and stores of integers or pointers
// use it (no pointer to it is taken), so nothing else writes it; all its
// loads are one value to the tests. A pointer local also needs every value
// stored to it to be no call's result, which may be a handle.
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
  if (!SlotsKnown)
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
    if (!(X->getType()->isIntegerTy() ||
          (X->getType()->isPointerTy() && !D->CompareKey &&
           isa<LoadInst>(X))) ||
        (D->CompareKey && !isa<ConstantInt>(D->CompareRHS)))
      return;
    const Value *At = X;
    if (auto *LI = dyn_cast<LoadInst>(X)) {
      // Only the local's naming load stands for its current value.
      auto It = SlotSubjects.find(LI->getPointerOperand());
      if (It == SlotSubjects.end() || It->second != LI)
        return;
      At = LI->getPointerOperand();
    } else if (!isa<PHINode>(X)) {
      return;
    }
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
/// from the same test of \p V, or forgotten. \p At is where the value is
/// given (a store; null on an edge). Returns whether \p W changed.
bool HandleFlow::setTests(unsigned H, HandleState &W, ArrayRef<PhiTest> Tests,
                          const Value *V, const Instruction *At) {
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
    if (T.Pred == PhiTest::ZeroTest && isa<ConstantPointerNull>(V))
      return true;
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
      const Value *O = slotSubject(Paths.origin(V), At);
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
    // All phis of a block take their values at once: one that takes
    // another phi of the block gets its value from before the edge.
    if (any_of(Phis, [&](const PHINode *Phi) {
          auto *In = dyn_cast<PHINode>(Phi->getIncomingValueForBlock(&From));
          return In && In->getParent() == &To;
        }))
      return;
    for (const PHINode *Phi : Phis)
      Changed |= setTests(H, W, Tests.find(Phi)->second,
                          Phi->getIncomingValueForBlock(&From), nullptr);
  });
  return Changed;
}

void HandleFlow::setTestedSlot(const StoreInst &SI, BlockState &S) {
  const auto &Tests = phiTests();
  auto It = Tests.find(SI.getPointerOperand());
  if (It == Tests.end())
    return;
  forAllHandles(S, [&](unsigned H, HandleState &W) {
    setTests(H, W, It->second, SI.getValueOperand(), &SI);
  });
}

/// The locals whose every use is a load or a store of an integer or a
/// pointer (and markers): nothing but those stores writes them. Each is
/// named, to the tests, by its first load that only tests read, at once.
/// A pointer local qualifies when no call's result is stored to it (an
/// option string, a cursor into a buffer: `if (outdir)` before creating
/// and again before cancelling).
void HandleFlow::findTestedSlots() {
  SlotsKnown = true;
  SmallPtrSet<const Value *, 8> Eligible;
  for (const Instruction &I : instructions(F)) {
    auto *AI = dyn_cast<AllocaInst>(&I);
    if (!AI || !AI->isStaticAlloca())
      continue;
    Type *Ty = AI->getAllocatedType();
    bool Ok = Ty->isIntegerTy() || Ty->isPointerTy();
    unsigned Stores = 0, Loads = 0;
    for (const User *U : AI->users()) {
      if (auto *LI = dyn_cast<LoadInst>(U)) {
        Ok &= LI->getType() == Ty && !LI->isVolatile();
        ++Loads;
      } else if (auto *St = dyn_cast<StoreInst>(U)) {
        const Value *V = St->getValueOperand();
        Ok &= St->getPointerOperand() == AI && !St->isVolatile() &&
              V->getType() == Ty;
        // A pointer local that may hold what a call returned may hold a
        // handle, whose own null test says more than the local's.
        Ok &= !Ty->isPointerTy() || !isa<CallBase>(Paths.origin(V));
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
  // The load that names a local is one whose every use is a test that
  // reads it at once, so that it never stands for an older value of the
  // local (a load stored into another local is followed from there).
  for (const Instruction &I : instructions(F))
    if (auto *LI = dyn_cast<LoadInst>(&I);
        LI && Eligible.count(LI->getPointerOperand()) &&
        !SlotSubjects.count(LI->getPointerOperand()) &&
        all_of(LI->users(), [&](const User *U) {
          auto *UI = dyn_cast<Instruction>(U);
          auto IsTest = [](const Instruction *T) {
            return isa<ICmpInst>(T) || isa<BranchInst>(T) || isa<SwitchInst>(T);
          };
          // A bool is truncated for its branch first.
          if (auto *Cast = dyn_cast_or_null<CastInst>(UI))
            return readsAtOnce(*LI, *Cast) &&
                   all_of(Cast->users(), [&](const User *CU) {
                     auto *CI = dyn_cast<Instruction>(CU);
                     return CI && IsTest(CI) && readsAtOnce(*LI, *CI);
                   });
          return UI && IsTest(UI) && readsAtOnce(*LI, *UI);
        }))
      SlotSubjects[LI->getPointerOperand()] = LI;
}

/// Whether \p At uses the value \p LI loads from a local before anything
/// stores to the local again: in the same block, with no store between.
bool HandleFlow::readsAtOnce(const LoadInst &LI, const Instruction &At) {
  if (LI.getParent() != At.getParent() || !LI.comesBefore(&At))
    return false;
  for (const Instruction *I = LI.getNextNode(); I != &At; I = I->getNextNode())
    if (auto *SI = dyn_cast<StoreInst>(I);
        SI && SI->getPointerOperand() == LI.getPointerOperand())
      return false;
  return true;
}

const Value *HandleFlow::slotSubject(const Value *V, const Instruction *At) {
  if (!SlotsKnown)
    findTestedSlots();
  auto *LI = dyn_cast_or_null<LoadInst>(V);
  if (SlotSubjects.empty() || !LI || !At)
    return V;
  auto It = SlotSubjects.find(LI->getPointerOperand());
  if (It == SlotSubjects.end())
    return V;
  // The load names the local's current value only where it is used before
  // anything stores to the local again (`was = skip; skip = 1; if (was)`
  // tests the old value).
  return readsAtOnce(*LI, *At) ? It->second : V;
}

} // namespace cancelverify
