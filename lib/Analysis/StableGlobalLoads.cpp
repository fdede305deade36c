//===- StableGlobalLoads.cpp - Loads of a global that read one value ------===//
//
// One pass over a function: collect the direct loads of each global, and
// what may write globals (stores, memory intrinsics, calls). A global whose
// address is never taken can only be written by name; one whose address is
// taken may also be written through any pointer of unknown origin.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/StableGlobalLoads.h"

#include "cancelverify/CallTarget.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace cancelverify {

/// Whether the address of \p G is used other than to load from it or store
/// to it by name, so that code holding a pointer may write it.
static bool addressTaken(const GlobalVariable &G) {
  SmallVector<const Value *, 8> Work{&G};
  SmallPtrSet<const Value *, 8> Seen;
  while (!Work.empty()) {
    const Value *V = Work.pop_back_val();
    if (!Seen.insert(V).second)
      continue;
    for (const User *U : V->users()) {
      if (isa<LoadInst>(U))
        continue;
      if (auto *SI = dyn_cast<StoreInst>(U)) {
        if (SI->getValueOperand() == V)
          return true;
        continue;
      }
      // A field of a global struct or array reached by a constant offset.
      if (auto *CE = dyn_cast<ConstantExpr>(U);
          CE &&
          (CE->getOpcode() == Instruction::GetElementPtr || CE->isCast())) {
        Work.push_back(CE);
        continue;
      }
      if (auto *GEP = dyn_cast<GetElementPtrInst>(U);
          GEP && GEP->hasAllConstantIndices()) {
        Work.push_back(GEP);
        continue;
      }
      return true;
    }
  }
  return false;
}

namespace {
/// What the instructions of a function may write among the globals.
class GlobalWrites {
public:
  bool mayWrite(const GlobalVariable &G) {
    if (G.isConstant())
      return false;
    if (All || Named.contains(&G))
      return true;
    return ThroughPointers && isAddressTaken(G);
  }

  /// A write whose target is not known.
  void unknown() { ThroughPointers = true; }

  void store(const Value *Ptr) {
    const Value *Obj = getUnderlyingObject(Ptr);
    if (auto *G = dyn_cast<GlobalVariable>(Obj))
      Named.insert(G);
    else if (!isa<AllocaInst>(Obj))
      ThroughPointers = true;
  }

  void call(const CallBase &CB) {
    if (CB.onlyReadsMemory() || CB.onlyAccessesInaccessibleMemory())
      return;
    if (auto *II = dyn_cast<IntrinsicInst>(&CB)) {
      // Markers (debug records, lifetimes, assumptions) write nothing.
      if (II->isAssumeLikeIntrinsic() || isa<DbgInfoIntrinsic>(II))
        return;
      if (auto *MI = dyn_cast<AnyMemIntrinsic>(II)) {
        store(MI->getRawDest());
        return;
      }
    }
    const Function *Callee = calledFunction(CB);
    if (!Callee || !Callee->isDeclaration()) {
      // Code of this module (or unknown code reached through a pointer)
      // may write any global by name.
      All = true;
      return;
    }
    // A function without a body reaches the program's globals only through
    // pointers it is given or that were published before.
    ThroughPointers = true;
  }

private:
  bool isAddressTaken(const GlobalVariable &G) {
    auto [It, New] = Taken.try_emplace(&G, false);
    if (New)
      It->second = addressTaken(G);
    return It->second;
  }

  bool All = false;
  bool ThroughPointers = false;
  SmallPtrSet<const GlobalVariable *, 8> Named;
  DenseMap<const GlobalVariable *, bool> Taken;
};
} // namespace

StableGlobalLoads::StableGlobalLoads(const Function &F) {
  // Loads by (global, type), in instruction order so that the representative
  // is the same on every run.
  MapVector<std::pair<const GlobalVariable *, Type *>,
            SmallVector<const LoadInst *, 2>>
      Loads;
  GlobalWrites Writes;
  for (const Instruction &I : instructions(F)) {
    if (auto *LI = dyn_cast<LoadInst>(&I)) {
      if (auto *G = dyn_cast<GlobalVariable>(LI->getPointerOperand());
          G && LI->isSimple() && !G->isThreadLocal())
        Loads[{G, LI->getType()}].push_back(LI);
    } else if (auto *SI = dyn_cast<StoreInst>(&I)) {
      Writes.store(SI->getPointerOperand());
    } else if (auto *CB = dyn_cast<CallBase>(&I)) {
      Writes.call(*CB);
    } else if (I.mayWriteToMemory()) {
      // Atomic read-modify-writes and exchanges.
      if (auto *RMW = dyn_cast<AtomicRMWInst>(&I))
        Writes.store(RMW->getPointerOperand());
      else if (auto *CX = dyn_cast<AtomicCmpXchgInst>(&I))
        Writes.store(CX->getPointerOperand());
      else
        Writes.unknown();
    }
  }
  for (auto &[Key, List] : Loads) {
    if (List.size() < 2 || Writes.mayWrite(*Key.first))
      continue;
    for (const LoadInst *LI : List)
      First[LI] = List.front();
  }
}

const LoadInst *StableGlobalLoads::representative(const LoadInst &LI) const {
  auto It = First.find(&LI);
  return It == First.end() ? &LI : It->second;
}

} // namespace cancelverify
