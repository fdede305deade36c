//===- ConditionAtoms.cpp - Branch conditions as atoms of a handle ---------===//
//
// A condition atom is a branch condition reduced to "this value is zero":
// the handle itself (null checks), the creation's status (`success=`, also
// through a local that holds it), any other value, or a comparison shared
// with its inverse (`t > 0` and `t <= 0` are one atom). Each handle tracks
// up to eight atoms; a tuple of its state assigns some of them. An edge
// whose condition contradicts a tuple drops it, which is how correlated
// branches, status checks and null checks prune impossible paths.
//
//===----------------------------------------------------------------------===//
#include "HandleFlow.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/Instructions.h"

using namespace llvm;

namespace cancelverify {

using namespace flow;

char HandleFlow::HandleNullKey;

int HandleFlow::atomIndex(unsigned H, const void *Key) {
  SmallVectorImpl<const void *> &List = Atoms[H];
  for (unsigned I = 0; I < List.size(); ++I)
    if (List[I] == Key)
      return I;
  if (List.size() >= MaxAtoms)
    return -1;
  List.push_back(Key);
  HandlesByAtom[Key].push_back(H);
  return List.size() - 1;
}

ArrayRef<unsigned> HandleFlow::branchCandidates(const DecodedCondition &C) {
  // The handles with room for another atom, those that track this one, and
  // those for which the condition means something of their own (a null
  // test of the handle, a test of its creation's status).
  llvm::erase_if(OpenAtoms,
                 [&](unsigned H) { return Atoms[H].size() >= MaxAtoms; });
  for (unsigned H : OpenAtoms)
    addCandidate(H);
  addCandidates(HandlesByAtom, C.CompareKey ? C.CompareKey : C.Subject);
  if (!C.CompareKey) {
    if (C.Subject->getType()->isPointerTy())
      candidatesOfValue(C.Subject);
    if (auto *LI = dyn_cast<LoadInst>(C.Subject))
      addCandidates(ByStatusSlot, Paths.idOf(LI->getPointerOperand()));
  }
  // Handle order, as a sweep over all handles would visit them.
  llvm::sort(Candidates);
  BranchCandidates.assign(Candidates.begin(), Candidates.end());
  for (unsigned H : Candidates)
    IsCandidate[H] = false;
  Candidates.clear();
  return BranchCandidates;
}

const void *HandleFlow::compareKey(unsigned Pred, const Value *L,
                                   const Value *R) {
  const void *K = &CompareKeys[{Pred, L, R}];
  CompareKeyInfo[K] = {Pred, L, R};
  return K;
}

std::optional<HandleFlow::DecodedCondition>
HandleFlow::decode(const Value *Cond) {
  bool Negate = false;
  for (unsigned Step = 0; Step < 8; ++Step) {
    const Value *C = Paths.origin(Cond);
    if (auto *BO = dyn_cast<BinaryOperator>(C);
        BO && BO->getOpcode() == Instruction::Xor) {
      if (auto *One = dyn_cast<ConstantInt>(BO->getOperand(1));
          One && One->isOne() && BO->getType()->isIntegerTy(1)) {
        Negate = !Negate;
        Cond = BO->getOperand(0);
        continue;
      }
    }
    DecodedCondition Result;
    const Value *Subject = C;
    bool TrueMeansZero = false;
    if (auto *Cmp = dyn_cast<ICmpInst>(C)) {
      const Value *L = Paths.origin(Cmp->getOperand(0));
      const Value *R = Paths.origin(Cmp->getOperand(1));
      CmpInst::Predicate P = Cmp->getPredicate();
      if (isa<Constant>(L) && !isa<Constant>(R)) {
        std::swap(L, R);
        P = CmpInst::getSwappedPredicate(P);
      }
      auto *K = dyn_cast<Constant>(R);
      if (!(K && K->isNullValue() && Cmp->isEquality())) {
        // Any other comparison is an atom of its own, shared with its
        // inverse: `if (t > 0) ... if (t <= 0)` are the same question.
        CmpInst::Predicate Inv = CmpInst::getInversePredicate(P);
        CmpInst::Predicate Norm = std::min(P, Inv);
        Result.CompareKey = compareKey(unsigned(Norm), L, R);
        Result.TrueEdgeMeansZero = (P != Norm) != Negate;
        return Result;
      }
      Subject = L;
      TrueMeansZero = P == ICmpInst::ICMP_EQ;
    } else if (!C->getType()->isIntegerTy()) {
      return std::nullopt;
    }
    Result.Subject = Subject;
    Result.TrueEdgeMeansZero = TrueMeansZero != Negate;
    return Result;
  }
  return std::nullopt;
}

const void *HandleFlow::atomKey(unsigned H, const DecodedCondition &C,
                                const HandleState &S) {
  if (C.CompareKey)
    return C.CompareKey;
  const void *Key;
  if (C.Subject->getType()->isPointerTy() && isHandle(C.Subject, S))
    Key = &HandleNullKey;
  else if (Sites[H] && isStatusCopy(H, C.Subject, S))
    Key = Sites[H]->Call;
  else
    Key = C.Subject;
  if (Key != &HandleNullKey)
    ValueKeys.insert(Key);
  return Key;
}

/// A reload of a local that currently holds the creation's status (a status
/// variable that is reused later, so it is not a once-written slot).
bool HandleFlow::isStatusCopy(unsigned, const Value *V, const HandleState &S) {
  auto *LI = dyn_cast<LoadInst>(V);
  if (!LI || S.StatusSlots.empty())
    return false;
  return is_contained(S.StatusSlots, Paths.idOf(LI->getPointerOperand()));
}

/// Splits every tuple on atom \p Key; each half gets the given status, or
/// keeps its own where none is given.
void HandleFlow::splitOn(unsigned H, HandleState &S, const void *Key,
                         std::optional<Status> WhenZero,
                         std::optional<Status> WhenNonZero) {
  int A = atomIndex(H, Key);
  if (A < 0)
    return;
  uint32_t Bit = 1u << A;
  SmallVector<uint32_t, 4> NewTuples;
  for (uint32_t T : S.Tuples) {
    uint32_t K = known(T) | Bit;
    NewTuples.push_back(
        tuple(K, values(T) | Bit, WhenZero.value_or(status(T))));
    NewTuples.push_back(
        tuple(K, values(T) & ~Bit, WhenNonZero.value_or(status(T))));
  }
  S.Tuples = NewTuples;
  S.normalize();
}

/// What tuple \p Tuple of handle \p H knows about the arguments of \p CB.
SmallVector<CallContext::ConditionFact, 2>
HandleFlow::factsFor(unsigned H, const CallBase &CB, uint32_t Tuple) {
  SmallVector<CallContext::ConditionFact, 2> Facts;
  const SmallVectorImpl<const void *> &List = Atoms[H];
  for (unsigned I = 0; I < List.size(); ++I) {
    if (!(known(Tuple) & (1u << I)))
      continue;
    bool Zero = values(Tuple) & (1u << I);
    const void *Key = List[I];
    auto Info = CompareKeyInfo.find(Key);
    for (unsigned J = 0; J < CB.arg_size(); ++J) {
      const Value *Arg = Paths.origin(CB.getArgOperand(J));
      if (Info != CompareKeyInfo.end()) {
        auto [Pred, L, R] = Info->second;
        if (L == Arg && isa<Constant>(R))
          Facts.push_back({J, Pred, R, Zero});
      } else if (ValueKeys.count(Key) && Key == Arg &&
                 Arg->getType()->isIntegerTy()) {
        Facts.push_back(
            {J, CallContext::ConditionFact::ZeroTest, nullptr, Zero});
      }
    }
  }
  return Facts;
}

/// What the caller knew of the arguments on its path, as known atoms of the
/// entry handle.
void HandleFlow::assumeContext(unsigned H, HandleState &S,
                               const CallContext &Context) {
  for (const CallContext::ConditionFact &C : Context.Conditions) {
    if (C.ArgNo >= F.arg_size())
      continue;
    const Value *Arg = F.getArg(C.ArgNo);
    const void *Key = C.Predicate == CallContext::ConditionFact::ZeroTest
                          ? static_cast<const void *>(Arg)
                          : compareKey(C.Predicate, Arg, C.Constant);
    if (C.Predicate == CallContext::ConditionFact::ZeroTest)
      ValueKeys.insert(Key);
    int A = atomIndex(H, Key);
    if (A < 0)
      continue;
    for (uint32_t &T : S.Tuples)
      T = tuple(known(T) | (1u << A),
                C.Zero ? values(T) | (1u << A) : values(T) & ~(1u << A),
                status(T));
  }
}

} // namespace cancelverify
