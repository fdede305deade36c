//===- MergedTests.cpp - Tests of a value merged from several edges -------===//
//
// Optimized code forwards what a branch stored into a phi: a guard whose
// std::function member was copied on one branch (`if (other) { clone;
// manager = other.manager; }`) tests, in its inlined destructor, a phi of
// the copied manager and null rather than a load of its member. At the
// test the edges are already merged, so what the test decides cannot be
// read off the handle any more. Instead, each edge into the phi says what
// the phi is there: null, or the manager of the handle's own std::function
// (so null exactly when the handle is), or another such phi. The phi is an
// atom of its own, set on every edge, and the later test reads it.
//
//===----------------------------------------------------------------------===//
#include "HandleFlow.h"

#include "CallableHandle.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"

using namespace llvm;
using namespace cancelverify::flow;

namespace cancelverify {

/// The phis a std::function emptiness test reads, directly or through
/// other phis (computed once per function).
const SmallPtrSetImpl<const PHINode *> &HandleFlow::testedPhis() {
  if (TestedPhisKnown)
    return TestedPhis;
  TestedPhisKnown = true;
  SmallVector<const PHINode *, 4> Work;
  for (const Instruction &I : instructions(F)) {
    auto *Cmp = dyn_cast<ICmpInst>(&I);
    if (!Cmp || !Cmp->isEquality() ||
        !isa<ConstantPointerNull>(Cmp->getOperand(1)))
      continue;
    auto *Phi = dyn_cast<PHINode>(Cmp->getOperand(0));
    if (Phi && HS.callables().testFrame(*Cmp) != CallableOp::NoTest &&
        TestedPhis.insert(Phi).second)
      Work.push_back(Phi);
  }
  while (!Work.empty())
    for (const Value *V : Work.pop_back_val()->incoming_values())
      if (auto *Inner = dyn_cast<PHINode>(V);
          Inner && TestedPhis.insert(Inner).second)
        Work.push_back(Inner);
  return TestedPhis;
}

bool HandleFlow::setTestedPhis(const BasicBlock &From, const BasicBlock &To,
                               BlockState &S) {
  SmallVector<const PHINode *, 2> Phis;
  for (const PHINode &Phi : To.phis())
    if (testedPhis().count(&Phi) && Phi.getBasicBlockIndex(&From) >= 0)
      Phis.push_back(&Phi);
  if (Phis.empty())
    return false;
  bool Changed = false;
  forAllHandles(S, [&](unsigned H, HandleState &W) {
    for (const PHINode *Phi : Phis) {
      const Value *V = Phi->getIncomingValueForBlock(&From);
      // Where the value comes from: null (-1 when unknown) or the atom
      // that says when it is null.
      int Source = -1;
      bool IsNull = isa<ConstantPointerNull>(V);
      auto Index = [&](const void *Key) {
        const SmallVectorImpl<const void *> &List = Atoms[H];
        auto It = find(List, Key);
        return It == List.end() ? -1 : int(It - List.begin());
      };
      if (!IsNull) {
        auto *LI = dyn_cast<LoadInst>(V);
        if (isHandle(V, W) ||
            (LI && slotOfHandleObject(LI->getPointerOperand(), W)))
          Source = Index(&HandleNullKey);
        else
          Source = Index(V);
      }
      ValueKeys.insert(Phi);
      int A = atomIndex(H, Phi);
      if (A < 0)
        continue;
      uint32_t Bit = 1u << A;
      for (uint32_t &T : W.Tuples) {
        bool Known = IsNull || (Source >= 0 && (known(T) & (1u << Source)));
        bool Zero = IsNull || (Source >= 0 && (values(T) & (1u << Source)));
        T = tuple(Known ? known(T) | Bit : known(T) & ~Bit,
                  Zero ? values(T) | Bit : values(T) & ~Bit, status(T));
      }
      W.normalize();
      Changed = true;
    }
  });
  return Changed;
}

} // namespace cancelverify
