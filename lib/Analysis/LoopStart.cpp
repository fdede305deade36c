//===- LoopStart.cpp - Where a loop starts in the source ------------------===//
//
// In order of trust:
//  1. the llvm.loop metadata's first location, unless an enclosing loop has
//     the same metadata (SimplifyCFG merges an outer latch into an inner
//     loop's exiting branch, and the inner loop then shows the outer's);
//  2. a `for` statement's own lexical block: clang opens one around the
//     body's block, on the same line. It is looked for in the scopes of the
//     loop's code, from the deepest inlined frame all that code shares up to
//     the function's own code: an optimized `for (;;) helper();` may have
//     nothing left of its own but the inlined helper's code;
//  3. the branch into the loop from before it: clang locates it at the loop
//     statement, and loop rotation's guard, a copy of the condition's
//     branch, too; it counts if it lies outside the body's scope and on the
//     line the body starts (jump threading also turns checks inside the
//     body into guards, and a goto loop is entered from the statement
//     before it);
//  4. the body's block, at its `{`, on the loop's line;
//  5. the earliest location in the header (a loop made with goto: the
//     statement after its label).
//
//===----------------------------------------------------------------------===//
#include "cancelverify/LoopStart.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Instructions.h"

#include <algorithm>
#include <vector>

using namespace llvm;

namespace cancelverify {

namespace {
/// The locations of the loop's code, each from the function's own code down
/// through the inlined frames, and how deep the frames all of it shares go.
struct BodyLocations {
  std::vector<SmallVector<const DILocation *, 4>> Chains;
  size_t SharedDepth = 0;
};
} // namespace

bool sameSourcePosition(const DebugLoc &A, const DebugLoc &B) {
  if (!A || !B)
    return false;
  return A.getLine() == B.getLine() && A.getCol() == B.getCol() &&
         A.get()->getFilename() == B.get()->getFilename() &&
         A.get()->getDirectory() == B.get()->getDirectory();
}

static DebugLoc startFromLoopID(const Loop &L) {
  MDNode *ID = L.getLoopID();
  for (const Loop *Outer = L.getParentLoop(); ID && Outer;
       Outer = Outer->getParentLoop())
    if (Outer->getLoopID() == ID)
      return DebugLoc();
  if (ID)
    for (const MDOperand &Op : drop_begin(ID->operands()))
      if (auto *Loc = dyn_cast<DILocation>(Op))
        return DebugLoc(Loc);
  return DebugLoc();
}

static BodyLocations collectBody(const Loop &L) {
  BodyLocations Body;
  for (const BasicBlock *BB : L.blocks())
    for (const Instruction &I : *BB) {
      const DILocation *Loc = I.getDebugLoc().get();
      if (!Loc || Loc->getLine() == 0)
        continue;
      SmallVector<const DILocation *, 4> Chain;
      for (; Loc; Loc = Loc->getInlinedAt())
        Chain.push_back(Loc);
      std::reverse(Chain.begin(), Chain.end());
      Body.Chains.push_back(std::move(Chain));
    }
  if (Body.Chains.empty())
    return Body;
  // Frames are told apart by the (distinct) call site they were inlined at.
  for (size_t D = 1;; ++D) {
    bool Shared = all_of(Body.Chains, [&](const auto &C) {
      return C.size() > D &&
             C[D]->getInlinedAt() == Body.Chains.front()[D]->getInlinedAt();
    });
    if (!Shared)
      break;
    Body.SharedDepth = D;
  }
  return Body;
}

/// The innermost scope enclosing both \p A and \p B.
static const DILocalScope *commonScope(const DILocalScope *A,
                                       const DILocalScope *B) {
  SmallPtrSet<const DILocalScope *, 8> Enclosing;
  for (const DILocalScope *S = A; S; S = dyn_cast<DILocalScope>(S->getScope()))
    Enclosing.insert(S);
  for (const DILocalScope *S = B; S; S = dyn_cast<DILocalScope>(S->getScope()))
    if (Enclosing.count(S))
      return S;
  return nullptr;
}

/// The innermost scope enclosing all of the loop's code, in the frame at
/// \p Depth (code of deeper frames counts as the call it was inlined at).
static const DILocalScope *bodyScopeAt(const BodyLocations &Body,
                                       size_t Depth) {
  const DILocalScope *Common = nullptr;
  for (const auto &C : Body.Chains) {
    const DILocalScope *S = C[Depth]->getScope();
    Common = Common ? commonScope(Common, S) : S;
    if (!Common)
      return nullptr;
  }
  return Common;
}

static DebugLoc locationOfScope(const DILexicalBlock *Block,
                                const DILocation *InlinedAt) {
  return DILocation::get(
      Block->getContext(), Block->getLine(), Block->getColumn(),
      const_cast<DILexicalBlock *>(Block), const_cast<DILocation *>(InlinedAt));
}

/// The `for` statement whose block encloses the body in the frame at
/// \p Depth, if there is one.
static DebugLoc forStatementAt(const BodyLocations &Body, size_t Depth) {
  const auto *Block =
      dyn_cast_or_null<DILexicalBlock>(bodyScopeAt(Body, Depth));
  if (!Block)
    return DebugLoc();
  const DILexicalBlock *Statement = nullptr;
  for (const auto *Outer = dyn_cast<DILexicalBlock>(Block->getScope());
       Outer && Outer->getLine() == Block->getLine();
       Outer = dyn_cast<DILexicalBlock>(Outer->getScope()))
    Statement = Outer;
  if (!Statement)
    return DebugLoc();
  return locationOfScope(Statement, Body.Chains.front()[Depth]->getInlinedAt());
}

/// True if \p Start is where a loop enclosing \p L starts.
static bool startsEnclosingLoop(const Loop &L, const DebugLoc &Start) {
  for (const Loop *Outer = L.getParentLoop(); Outer;
       Outer = Outer->getParentLoop())
    if (sameSourcePosition(loopStart(*Outer), Start))
      return true;
  return false;
}

/// True if \p Outer encloses \p Inner and is not \p Inner.
static bool strictlyEncloses(const DILocalScope *Outer,
                             const DILocalScope *Inner) {
  for (const DILocalScope *S = Inner; S;
       S = dyn_cast<DILocalScope>(S->getScope()))
    if (S != Inner && S == Outer)
      return true;
  return false;
}

DebugLoc loopStart(const Loop &L) {
  if (DebugLoc FromID = startFromLoopID(L))
    return FromID;

  BodyLocations Body = collectBody(L);
  const DILocalScope *Scope = nullptr;
  const DILocation *InlinedAt = nullptr;
  if (!Body.Chains.empty()) {
    // A `for` found in an outer frame may be the loop around the call the
    // code was inlined at: then it is that loop's, not this one's.
    for (size_t D = Body.SharedDepth + 1; D-- > 0;) {
      DebugLoc Statement = forStatementAt(Body, D);
      if (Statement &&
          (D == Body.SharedDepth || !startsEnclosingLoop(L, Statement)))
        return Statement;
    }
    Scope = bodyScopeAt(Body, Body.SharedDepth);
    InlinedAt = Body.Chains.front()[Body.SharedDepth]->getInlinedAt();
  }

  if (const BasicBlock *Pred = L.getLoopPredecessor()) {
    const auto *Entry = dyn_cast<BranchInst>(Pred->getTerminator());
    const DILocation *EntryLoc = Entry ? Entry->getDebugLoc().get() : nullptr;
    const auto *Block = dyn_cast_or_null<DILexicalBlock>(Scope);
    if (EntryLoc && EntryLoc->getLine() != 0 &&
        (Entry->isUnconditional() || L.contains(Entry->getSuccessor(0)) !=
                                         L.contains(Entry->getSuccessor(1))) &&
        (!Scope || (EntryLoc->getInlinedAt() == InlinedAt &&
                    strictlyEncloses(EntryLoc->getScope(), Scope) &&
                    (!Block || EntryLoc->getLine() == Block->getLine()))))
      return DebugLoc(EntryLoc);
  }

  if (const auto *Block = dyn_cast_or_null<DILexicalBlock>(Scope))
    return locationOfScope(Block, InlinedAt);

  // The statement's start, whether its operands are loaded first (-O0) or
  // not (-O2).
  DebugLoc First;
  for (const Instruction &I : *L.getHeader()) {
    DebugLoc DL = I.getDebugLoc();
    if (I.isDebugOrPseudoInst() || !DL || DL.getLine() == 0)
      continue;
    if (!First)
      First = DL;
    else if (DL.getInlinedAt() == First.getInlinedAt() &&
             std::make_pair(DL.getLine(), DL.getCol()) <
                 std::make_pair(First.getLine(), First.getCol()))
      First = DL;
  }
  return First;
}

} // namespace cancelverify
