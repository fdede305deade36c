//===- VirtualCallTargets.cpp - The function a virtual call reaches -------===//
//
// `Stopper *s = new CtxStopper(h); ... s->stop(); delete s;` calls through
// the object's vtable. The object's dynamic type is fixed once it is
// constructed, so the vtable is the one its constructor installed: a store
// of a vtable address into the object seen walking back from the call
// (a constructor inlined at -O2), or the last such store of the
// constructor the object was given to (-O0). The slot the call loads is
// then read from the vtable's initializer. Anything else (an object that
// came from a parameter, a constructor with several paths) stays an
// unknown indirect call.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/StraightLine.h"

#include "cancelverify/CallTarget.h"
#include "cancelverify/HandleSummaries.h"
#include "cancelverify/SourceFrames.h"

#include "llvm/Analysis/ConstantFolding.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace cancelverify {

/// The vtable address point \p V is, if it is a constant into a vtable.
static const Constant *vtablePoint(const Value *V) {
  auto *C = dyn_cast<Constant>(V);
  if (!C)
    return nullptr;
  auto *G = dyn_cast<GlobalVariable>(C->stripPointerCastsAndAliases()
                                         ->stripInBoundsConstantOffsets());
  return G && G->getName().starts_with("_ZTV") ? C : nullptr;
}

/// The vtable constructor \p F installs in the object its first argument
/// points to: its last store there, on its one straight-line path.
static const Constant *installedVTable(const Function &F,
                                       AccessPathBuilder &P) {
  const ReturnInst *Ret = F.arg_empty() ? nullptr : onlyReturn(F);
  if (!Ret)
    return nullptr;
  AccessPath This = AccessPath::rootOf(F.getArg(0));
  const Constant *Found = nullptr;
  walkBack(*Ret, [&](const Instruction &I) {
    auto *SI = dyn_cast<StoreInst>(&I);
    if (!SI || P.pathOf(SI->getPointerOperand()) != This)
      return true;
    Found = vtablePoint(SI->getValueOperand());
    return false;
  });
  return Found;
}

const Function *HandleSummaries::virtualTarget(const CallBase &CB,
                                               AccessPathBuilder &P) {
  // callee = load (vptr + slot), vptr = load (object)
  auto *SlotLoad = dyn_cast<LoadInst>(P.origin(CB.getCalledOperand()));
  if (!SlotLoad || CB.arg_empty())
    return nullptr;
  AccessPath SlotPath = P.pathOf(SlotLoad->getPointerOperand());
  if (SlotPath.Offsets.size() != 2)
    return nullptr;
  AccessPath Object = SlotPath;
  Object.Offsets.pop_back();
  // A virtual call passes the object as `this`.
  if (P.pathOf(CB.getArgOperand(0)) != Object)
    return nullptr;
  const Constant *VTable = nullptr;
  walkBack(CB, [&](const Instruction &I) {
    if (auto *SI = dyn_cast<StoreInst>(&I)) {
      if (P.pathOf(SI->getPointerOperand()) != Object)
        return true;
      VTable = vtablePoint(SI->getValueOperand());
      return false;
    }
    auto *Ctor = dyn_cast<CallBase>(&I);
    const Function *F = Ctor ? calledFunction(*Ctor) : nullptr;
    if (!F || Ctor->arg_empty() || P.pathOf(Ctor->getArgOperand(0)) != Object ||
        !isConstructor(*F))
      return true; // the dynamic type does not change after construction
    VTable = installedVTable(*F, *pathsFor(*F));
    return false;
  });
  if (!VTable)
    return nullptr;
  const DataLayout &DL = M.getDataLayout();
  APInt Offset(DL.getIndexTypeSizeInBits(VTable->getType()), 0);
  auto *G = dyn_cast<GlobalVariable>(
      VTable->stripAndAccumulateConstantOffsets(DL, Offset, true));
  if (!G || !G->hasDefinitiveInitializer())
    return nullptr;
  Offset += SlotPath.Offsets[1];
  Constant *Entry = ConstantFoldLoadFromConst(
      const_cast<Constant *>(G->getInitializer()), CB.getCalledOperand()->getType(),
      Offset, DL);
  return Entry ? functionNamedBy(Entry) : nullptr;
}

} // namespace cancelverify
