//===- CompoundConditions.cpp - Branches on `a && b` and `a || b` ---------===//
//
// The edges of a conditional branch. A plain condition decides its own
// atoms (ConditionAtoms.cpp). At -O0 clang lowers && and || to branches, one
// test per block, and every test is an edge of its own. The optimizer folds
// them back into one i1
// (`and`, `or`, or a `select` when the right side must not be evaluated):
// `if (f != NULL && ready)` becomes one branch whose false edge means
// "f is null, or f is not and ready is false". Each edge of such a branch
// is a short list of alternatives, each deciding some atoms; a tuple of the
// handle's state survives an edge under every alternative it agrees with.
//
//===----------------------------------------------------------------------===//
#include "HandleFlow.h"

#include "llvm/IR/Instructions.h"
#include "llvm/IR/PatternMatch.h"

using namespace llvm;
using namespace llvm::PatternMatch;

namespace cancelverify {

using namespace flow;

/// More alternatives than this on one edge say nothing (keep every tuple):
/// a long chain of || is rare and its cross products are not worth it.
static constexpr unsigned MaxAlternatives = 8;
/// How deeply nested && and || are followed.
static constexpr unsigned MaxDepth = 4;

/// Every alternative of \p L combined with every one of \p R; combinations
/// that decide one atom both ways are impossible and dropped.
bool HandleFlow::crossProduct(ArrayRef<AtomMask> L, ArrayRef<AtomMask> R,
                              SmallVectorImpl<AtomMask> &Out) {
  for (const AtomMask &A : L)
    for (const AtomMask &B : R) {
      if ((A.Zero ^ B.Zero) & A.Known & B.Known)
        continue;
      if (Out.size() >= MaxAlternatives)
        return false;
      Out.push_back({A.Known | B.Known, A.Zero | B.Zero});
    }
  return true;
}

/// The facts of one part of a branch condition that do not depend on the
/// handle, computed once per branch.
const HandleFlow::ConditionPart &
HandleFlow::conditionPart(const Value *Cond, ConditionParts &Parts) {
  auto [It, New] = Parts.try_emplace(Cond);
  if (New) {
    It->second.Folded = foldCondition(Cond);
    It->second.Decoded = decode(Cond);
    if (It->second.Decoded)
      It->second.Range = rangeOf(*It->second.Decoded);
  }
  return It->second;
}

/// The alternatives under which \p Cond is \p Outcome, as atoms of handle
/// \p H. Returns false when they cannot be told (too many, too deep); an
/// empty list means the condition cannot have that value.
bool HandleFlow::compoundOutcomes(unsigned H, const Value *Cond,
                                  const HandleState &St, bool Outcome,
                                  unsigned Depth, ConditionParts &Parts,
                                  SmallVectorImpl<AtomMask> &Out) {
  const Value *L, *R;
  bool IsAnd = match(Cond, m_LogicalAnd(m_Value(L), m_Value(R)));
  bool IsOr = !IsAnd && match(Cond, m_LogicalOr(m_Value(L), m_Value(R)));
  if (!IsAnd && !IsOr) {
    const ConditionPart &Part = conditionPart(Cond, Parts);
    if (Part.Folded) {
      if (*Part.Folded == Outcome)
        Out.push_back({});
      return true;
    }
    Out.push_back(Part.Decoded
                      ? edgeMask(H, *Part.Decoded, Part.Range, St, Outcome)
                      : AtomMask());
    return true;
  }
  // An and/or of constants in disguise folds like any other condition.
  if (std::optional<bool> K = foldCondition(Cond)) {
    if (*K == Outcome)
      Out.push_back({});
    return true;
  }
  if (Depth >= MaxDepth)
    return false;
  // `a && b` is true when both are; false when a is false, or a is true
  // and b false. `a || b` is the same with the values swapped.
  bool Both = IsAnd;
  SmallVector<AtomMask, 4> LSame, RSame;
  if (!compoundOutcomes(H, L, St, Outcome, Depth + 1, Parts, LSame) ||
      !compoundOutcomes(H, R, St, Outcome, Depth + 1, Parts, RSame))
    return false;
  if (Outcome == Both)
    return crossProduct(LSame, RSame, Out);
  SmallVector<AtomMask, 4> LOther;
  if (!compoundOutcomes(H, L, St, !Outcome, Depth + 1, Parts, LOther))
    return false;
  Out.append(LSame.begin(), LSame.end());
  return crossProduct(LOther, RSame, Out) && Out.size() <= MaxAlternatives;
}

void HandleFlow::transferConditionalBranch(const BasicBlock &BB, BlockState &S,
                                           Pass P) {
  auto *Br = cast<BranchInst>(BB.getTerminator());
  // The handles any part of the condition may decide something about.
  ConditionParts Parts;
  SmallVector<unsigned, 8> Handles;
  SmallVector<const Value *, 8> Work{Br->getCondition()};
  for (unsigned Steps = 0; !Work.empty() && Steps < 32; ++Steps) {
    const Value *Cond = Work.pop_back_val();
    const Value *L, *R;
    if (match(Cond, m_LogicalAnd(m_Value(L), m_Value(R))) ||
        match(Cond, m_LogicalOr(m_Value(L), m_Value(R)))) {
      Work.push_back(R);
      Work.push_back(L);
      continue;
    }
    const ConditionPart &Part = conditionPart(Cond, Parts);
    if (Part.Decoded) {
      ArrayRef<unsigned> Some = branchCandidates(
          *Part.Decoded, Part.Range ? Part.Range->Subject : nullptr);
      Handles.append(Some.begin(), Some.end());
    }
  }
  llvm::sort(Handles);
  Handles.erase(std::unique(Handles.begin(), Handles.end()), Handles.end());

  BlockState Edge[2] = {S, S};
  for (unsigned H : Handles) {
    if (OnlyHandle && H != *OnlyHandle)
      continue;
    const HandleState *St = S.Handles.get(H);
    if (!St)
      continue;
    for (unsigned Succ = 0; Succ < 2; ++Succ) {
      SmallVector<AtomMask, 4> Alternatives;
      if (compoundOutcomes(H, Br->getCondition(), *St, /*Outcome=*/Succ == 0,
                           /*Depth=*/0, Parts, Alternatives))
        restrictEdge(Edge[Succ], H, *St, Alternatives);
    }
  }
  propagate(BB, *Br->getSuccessor(0), Edge[0], P);
  propagate(BB, *Br->getSuccessor(1), Edge[1], P);
}

} // namespace cancelverify
