//===- StraightLine.h - Walking back through straight-line code -*- C++ -*-===//
//
// Several facts hold "just before" an instruction: the last write to an
// object, the vtable a constructor installed. They are found by walking
// back from it through its block and the unique predecessors before it,
// where every path to the instruction runs the same code.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_STRAIGHTLINE_H
#define CANCELVERIFY_STRAIGHTLINE_H

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/IR/BasicBlock.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instruction.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

namespace cancelverify {

/// Calls Visit(I) for the instructions before \p From, latest first, in its
/// block and then in each unique predecessor; stops when Visit returns
/// false, at a block with several predecessors, at a cycle, or after a
/// bounded number of instructions. True if it went through the whole
/// entry block.
template <typename FnT>
inline bool walkBack(const llvm::Instruction &From, FnT Visit) {
  constexpr unsigned MaxSteps = 512;
  unsigned Steps = 0;
  const llvm::BasicBlock *BB = From.getParent();
  const llvm::Instruction *Cur = From.getPrevNode();
  llvm::SmallPtrSet<const llvm::BasicBlock *, 8> Seen{BB};
  while (true) {
    for (; Cur; Cur = Cur->getPrevNode()) {
      if (++Steps > MaxSteps || !Visit(*Cur))
        return false;
    }
    if (BB->isEntryBlock())
      return true;
    BB = BB->getUniquePredecessor();
    if (!BB || !Seen.insert(BB).second)
      return false;
    Cur = &BB->back();
  }
}

/// Calls that neither read nor write the user's memory: debug records,
/// lifetime markers, assumptions.
inline bool isMarker(const llvm::Instruction &I) {
  auto *II = llvm::dyn_cast<llvm::IntrinsicInst>(&I);
  return II && !llvm::isa<llvm::MemIntrinsic>(II) &&
         (II->isAssumeLikeIntrinsic() || II->isLifetimeStartOrEnd() ||
          llvm::isa<llvm::DbgInfoIntrinsic>(II));
}

/// The only return of \p F, where a walk back covers all it did on a path
/// that returns; null when it has none or several.
inline const llvm::ReturnInst *onlyReturn(const llvm::Function &F) {
  const llvm::ReturnInst *Ret = nullptr;
  for (const llvm::BasicBlock &BB : F)
    if (auto *R = llvm::dyn_cast<llvm::ReturnInst>(BB.getTerminator())) {
      if (Ret)
        return nullptr;
      Ret = R;
    }
  return Ret;
}

} // namespace cancelverify

#endif // CANCELVERIFY_STRAIGHTLINE_H
