//===- ExitLocation.cpp - Naming the statement a path returns at -----------===//
//
// A lost handle is reported with the exit its path reaches. The IR's
// return is often not where the user returned: clang -O0 funnels every
// `return` through one shared block located at the closing brace, runs
// scope-exit destructors there, higher levels dispatch scope cleanups on a
// slot before it, and -O2 merges returns into a phi. This
// file finds the return statement behind such an exit.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/ExitLocation.h"

#include "llvm/IR/CFG.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace cancelverify {

/// A block that only gathers the return value of several return statements
/// (clang's shared `return:` block at -O0, a phi of return values at -O2):
/// its value comes from the slot or phi every return statement feeds, or the
/// body's fall-through reaches it too. Otherwise a `ret void` at the closing
/// brace is where the function falls off its end, and is named as such.
static bool gathersReturns(const BasicBlock &BB) {
  if (!BB.hasNPredecessorsOrMore(2))
    return false;
  // At -O0 the body's own fall-through reaches a shared return block with
  // the closing brace's location, which the return carries too.
  bool Gathers = false;
  const DebugLoc &RetLoc = BB.getTerminator()->getDebugLoc();
  for (const BasicBlock *Pred : predecessors(&BB))
    if (const DebugLoc &PL = Pred->getTerminator()->getDebugLoc();
        RetLoc && PL && PL.getLine() == RetLoc.getLine() &&
        PL.getCol() == RetLoc.getCol())
      Gathers = true;
  for (const Instruction &I : BB) {
    if (I.isTerminator() || isa<CastInst>(I) || isa<ExtractValueInst>(I) ||
        isa<InsertValueInst>(I) || isa<DbgInfoIntrinsic>(I) ||
        I.isLifetimeStartOrEnd())
      continue;
    if (isa<PHINode>(I)) {
      Gathers = true;
      continue;
    }
    // Scope-exit code (destructor calls) shares the closing brace's line.
    if (const DebugLoc &DL = I.getDebugLoc();
        RetLoc && DL && DL.getLine() == RetLoc.getLine() && !isa<LoadInst>(I))
      continue;
    // The load of the return-value slot that every return statement stores
    // and nothing else reads (a variable read elsewhere is the user's own).
    if (auto *LI = dyn_cast<LoadInst>(&I)) {
      auto *Slot = dyn_cast<AllocaInst>(LI->getPointerOperand());
      unsigned Stores = 0;
      bool ReadElsewhere = false;
      if (Slot)
        for (const User *U : Slot->users()) {
          Stores += isa<StoreInst>(U);
          if (auto *Other = dyn_cast<LoadInst>(U))
            ReadElsewhere |= Other->getParent() != &BB;
        }
      if (Stores >= 2 && !ReadElsewhere) {
        Gathers = true;
        continue;
      }
    }
    return false;
  }
  return Gathers;
}

/// The location of the last store in \p BB to the local that the return
/// \p Exit loads its value from.
static DebugLoc returnValueStore(const BasicBlock &BB,
                                 const Instruction &Exit) {
  auto *RI = dyn_cast<ReturnInst>(&Exit);
  auto *LI = RI ? dyn_cast_or_null<LoadInst>(RI->getReturnValue()) : nullptr;
  auto *Slot = LI ? dyn_cast<AllocaInst>(LI->getPointerOperand()) : nullptr;
  if (!Slot)
    return DebugLoc();
  for (const Instruction &I : reverse(BB))
    if (auto *SI = dyn_cast<StoreInst>(&I);
        SI && SI->getPointerOperand() == Slot && SI->getDebugLoc() &&
        SI->getDebugLoc().getLine())
      return SI->getDebugLoc();
  return DebugLoc();
}

bool ReturnStatements::isReturnPlumbing(const BasicBlock &BB) {
  auto [It, New] = Plumbing.try_emplace(&BB, false);
  if (New)
    It->second = gathersReturns(BB);
  return It->second;
}

DebugLoc ReturnStatements::locate(
    const Instruction &Exit,
    function_ref<const BasicBlock *(const BasicBlock *)> CameFrom) {
  // Name the return statement that led here rather than a shared return
  // block (whose location is the closing brace).
  const DebugLoc &RetLoc = Exit.getDebugLoc();
  if (!isa<ReturnInst>(Exit) && !isa<ResumeInst>(Exit))
    return RetLoc;
  // Above -O0 clang ends scopes through a switch on a cleanup-destination
  // slot, located nowhere, that leads to the return: the statements that
  // returned are behind that switch (the dataflow follows each of them
  // past it to the return it leads to).
  const BasicBlock *Home = Exit.getParent();
  const BasicBlock *Dispatch = Home->getUniquePredecessor();
  bool BehindDispatch =
      Dispatch && isa<SwitchInst>(Dispatch->getTerminator()) &&
      !Dispatch->getTerminator()->getDebugLoc() && isReturnPlumbing(*Dispatch);
  if (!BehindDispatch && !isReturnPlumbing(*Home)) {
    // A value returned after scope-exit cleanups carries the closing brace;
    // the return statement is the last earlier line in the block.
    auto *RI = dyn_cast<ReturnInst>(&Exit);
    if (RI && RI->getReturnValue() && RetLoc && RetLoc.getCol() == 1)
      for (const Instruction *I = Exit.getPrevNode(); I; I = I->getPrevNode())
        if (const DebugLoc &DL = I->getDebugLoc();
            DL && DL.getLine() && DL.getLine() < RetLoc.getLine())
          return DL;
    return RetLoc;
  }
  // Walk back along the edges that brought the handle, past cleanup blocks
  // located at the closing brace (destructor calls at scope exit), to the
  // statement that returned.
  const BasicBlock *BB = Home;
  for (unsigned Step = 0; Step < 8; ++Step) {
    const BasicBlock *Pred = CameFrom(BB);
    if (!Pred)
      break;
    DebugLoc DL = Pred->getTerminator()->getDebugLoc();
    if (DL && DL.getLine() && (!RetLoc || DL.getLine() < RetLoc.getLine()))
      return DL;
    // Above -O0 the branch a return statement ends with may have no
    // location (it leads to the cleanup dispatch); the statement's own
    // store of the return value says where it is.
    if (!DL)
      if (DebugLoc Store = returnValueStore(*Pred, Exit);
          Store && RetLoc && Store.getLine() < RetLoc.getLine())
        return Store;
    // The body's own fall-through (statements of earlier lines, then a
    // branch at the closing brace) falls off the end: the closing brace is
    // where it returns, not an earlier test the walk would reach.
    if (RetLoc && DL && DL.getLine() == RetLoc.getLine() &&
        any_of(*Pred, [&](const Instruction &I) {
          const DebugLoc &L = I.getDebugLoc();
          return !isa<DbgInfoIntrinsic>(I) && L && L.getLine() &&
                 L.getLine() < RetLoc.getLine();
        }))
      return RetLoc;
    BB = Pred;
  }
  return RetLoc;
}

} // namespace cancelverify
