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
// An edge also decides the other atoms about the same value when the range
// of values it allows does: `rc == -1` taken says `rc >= 0` is false, and a
// `switch` case says what every test of its value is.
//
//===----------------------------------------------------------------------===//
#include "CallableHandle.h"
#include "ExceptionTypes.h"
#include "HandleFlow.h"

#include "cancelverify/CallTarget.h"
#include "cancelverify/SourceFrames.h"
#include "cancelverify/StraightLine.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/ConstantRange.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/GlobPattern.h"

using namespace llvm;

namespace cancelverify {

using namespace flow;

char HandleFlow::HandleNullKey;

int HandleFlow::atomIndex(unsigned H, const void *Key) {
  SmallVectorImpl<const void *> &List = Atoms[H];
  for (unsigned I = 0; I < List.size(); ++I)
    if (List[I] == Key)
      return I;
  const Value *Subject = nullptr;
  if (auto Info = CompareKeyInfo.find(Key); Info != CompareKeyInfo.end())
    Subject = std::get<1>(Info->second);
  else if (Key != &HandleNullKey)
    Subject = static_cast<const Value *>(Key);
  // The last atoms are kept for the handle's own tests (its null test,
  // its creation's status): other conditions met first, before the
  // creation or on paths without it, must not leave its failure path
  // looking like one that holds it.
  bool Own = Key == &HandleNullKey ||
             (Sites[H] && Subject && Subject == Sites[H]->Call);
  if (List.size() >= (Own ? MaxAtoms : MaxAtoms - ReservedAtoms))
    return -1;
  List.push_back(Key);
  HandlesByAtom[Key].push_back(H);
  if (Subject)
    HandlesBySubject[Subject].push_back(H);
  noteAtomDefinitions(H, List.size() - 1, Key);
  return List.size() - 1;
}

ArrayRef<unsigned> HandleFlow::branchCandidates(const DecodedCondition &C,
                                                const Value *RangeSubject) {
  // The handles with room for another atom, those that track this one, and
  // those for which the condition means something of their own (a null
  // test of the handle, a test of its creation's status).
  llvm::erase_if(OpenAtoms,
                 [&](unsigned H) { return Atoms[H].size() >= MaxAtoms; });
  for (unsigned H : OpenAtoms)
    addCandidate(H);
  addCandidates(HandlesByAtom, C.CompareKey ? C.CompareKey : C.Subject);
  if (auto *LI = dyn_cast_or_null<LoadInst>(C.CompareLHS))
    addCandidates(ByStatusSlot, Paths.idOf(LI->getPointerOperand()));
  if (!C.CompareKey) {
    if (C.Subject->getType()->isPointerTy())
      candidatesOfValue(C.Subject);
    if (auto *LI = dyn_cast<LoadInst>(C.Subject))
      addCandidates(ByStatusSlot, Paths.idOf(LI->getPointerOperand()));
  }
  // Handles with other atoms about the value the condition constrains.
  if (RangeSubject) {
    addCandidates(HandlesBySubject, RangeSubject);
    if (auto *CB = dyn_cast<CallBase>(RangeSubject))
      if (auto It = ByCreation.find(CB); It != ByCreation.end())
        addCandidate(It->second);
    if (auto *LI = dyn_cast<LoadInst>(RangeSubject))
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
      const Value *L = slotSubject(Paths.origin(Cmp->getOperand(0)), Cmp);
      const Value *R = slotSubject(Paths.origin(Cmp->getOperand(1)), Cmp);
      CmpInst::Predicate P = Cmp->getPredicate();
      if (isa<Constant>(L) && !isa<Constant>(R)) {
        std::swap(L, R);
        P = CmpInst::getSwappedPredicate(P);
      }
      // One spelling per comparison with a constant: `x > c` is `x >= c+1`
      // and `x <= c` is `x < c+1`, as the optimizer may rewrite them.
      if (auto *CI = dyn_cast<ConstantInt>(R)) {
        const APInt &V = CI->getValue();
        std::optional<CmpInst::Predicate> To;
        if (P == ICmpInst::ICMP_SGT && !V.isMaxSignedValue())
          To = ICmpInst::ICMP_SGE;
        else if (P == ICmpInst::ICMP_SLE && !V.isMaxSignedValue())
          To = ICmpInst::ICMP_SLT;
        else if (P == ICmpInst::ICMP_UGT && !V.isMaxValue())
          To = ICmpInst::ICMP_UGE;
        else if (P == ICmpInst::ICMP_ULE && !V.isMaxValue())
          To = ICmpInst::ICMP_ULT;
        if (To) {
          P = *To;
          R = ConstantInt::get(CI->getType(), V + 1);
        }
      }
      auto *K = dyn_cast<Constant>(R);
      if (!(K && K->isNullValue() && Cmp->isEquality())) {
        // Any other comparison is an atom of its own, shared with its
        // inverse: `if (t > 0) ... if (t <= 0)` are the same question.
        CmpInst::Predicate Inv = CmpInst::getInversePredicate(P);
        CmpInst::Predicate Norm = std::min(P, Inv);
        Result.CompareKey = compareKey(unsigned(Norm), L, R);
        Result.CompareLHS = L;
        Result.CompareRHS = R;
        Result.ComparePred = unsigned(Norm);
        Result.TrueEdgeMeansZero = (P != Norm) != Negate;
        return Result;
      }
      Subject = L;
      TrueMeansZero = P == ICmpInst::ICMP_EQ;
      // What an inlined test of a std::function left: its manager, loaded
      // from the object, compared with null. The object is what is tested.
      if (auto *LI = dyn_cast<LoadInst>(L);
          LI && HS.callables().testFrame(*Cmp) != CallableOp::NoTest) {
        Subject = LI->getPointerOperand()->stripInBoundsConstantOffsets();
        Result.CallableSlot = LI->getPointerOperand();
      }
    } else if (auto *CB = dyn_cast<CallBase>(C)) {
      // A test of a std::function: `if (stop)`, `stop == nullptr`. A
      // callable holding a target is a handle that is not null.
      std::optional<CallableOp> Op = HS.callables().of(*CB);
      const Function *Callee = calledFunction(*CB);
      if (Op && Op->Test != CallableOp::NoTest) {
        Subject = CB->getArgOperand(Op->Object);
        TrueMeansZero = Op->Test == CallableOp::TrueIfEmpty;
      } else if (Callee && CB->arg_size() == 1 &&
                 isOptionalTest(Callee->getName())) {
        // `if (opt)`: true when the optional holds a value. When the
        // handle is in it, that is the handle's own test.
        Result.Holder = CB->getArgOperand(0);
        Result.HolderBytes = CB->getParamDereferenceableBytes(0);
        if (!Result.HolderBytes)
          Result.HolderBytes = Callee->getParamDereferenceableBytes(0);
      } else if (!C->getType()->isIntegerTy()) {
        return std::nullopt;
      }
    } else if (!C->getType()->isIntegerTy()) {
      return std::nullopt;
    } else if (auto *LI = dyn_cast<LoadInst>(C)) {
      // What an inlined `if (opt)` left: a load of the optional's engaged
      // flag, which follows the value it holds.
      for (const InlinedFrame &Frame : inlinedFrames(*LI))
        if (isOptionalTest(Frame.Callee->getLinkageName())) {
          // The flag follows the value it says is there: the value is in
          // the bytes before it.
          const DataLayout &DL = F.getParent()->getDataLayout();
          const Value *Ptr = LI->getPointerOperand();
          APInt Flag(DL.getIndexTypeSizeInBits(Ptr->getType()), 0);
          Result.Holder =
              Ptr->stripAndAccumulateInBoundsConstantOffsets(DL, Flag);
          Result.HolderBytes =
              Flag.isStrictlyPositive() ? Flag.getLimitedValue(UINT32_MAX) : 0;
          break;
        }
    }
    Result.Subject = slotSubject(Subject, dyn_cast<Instruction>(Cond));
    Result.TrueEdgeMeansZero = TrueMeansZero != Negate;
    return Result;
  }
  return std::nullopt;
}

const void *HandleFlow::atomKey(unsigned H, const DecodedCondition &C,
                                const HandleState &S) {
  if (C.CompareKey) {
    // A comparison of a reloaded status is a comparison of the status, and
    // so is one of an integer handle that is its creation's result.
    if (Sites[H] && isStatusCopy(H, C.CompareLHS, S))
      return compareKey(C.ComparePred, Sites[H]->Call, C.CompareRHS);
    if (isHandleStatus(H, C.CompareLHS, S))
      return compareKey(C.ComparePred, handleStatusValue(H), C.CompareRHS);
    return C.CompareKey;
  }
  const void *Key;
  // realloc's result holds the handle only when it is not null: a null
  // result leaves it in the memory it was given, still owed (unless the
  // model makes realloc itself the creation of this handle).
  auto NullResultOfRealloc = [&] {
    auto *Call = dyn_cast<CallBase>(Paths.origin(C.Subject));
    return Call && !(Sites[H] && Sites[H]->Call == Call) &&
           HS.reallocates(*Call);
  };
  if (((C.Subject->getType()->isPointerTy() && isHandle(C.Subject, S)) ||
       (C.CallableSlot && slotOfHandleObject(C.CallableSlot, S)) ||
       (C.Holder && heldInside(C.Holder, C.HolderBytes, S))) &&
      !NullResultOfRealloc())
    Key = &HandleNullKey;
  else if (Sites[H] && isStatusCopy(H, C.Subject, S))
    Key = Sites[H]->Call;
  else
    Key = C.Subject;
  if (Key != &HandleNullKey)
    ValueKeys.insert(Key);
  return Key;
}

/// Whether the handle is in the \p Bytes bytes of the object at \p Object
/// (a std::optional that holds it, or an object inside one).
bool HandleFlow::heldInside(const Value *Object, uint64_t Bytes,
                            const HandleState &S) {
  if (!Bytes)
    return false;
  AccessPath P = Paths.pathOf(Object);
  size_t N = P.Offsets.size();
  return any_of(S.Exprs, [&](PathId E) {
    const AccessPath &EP = Paths.path(E);
    if (EP.Root != P.Root || EP.Offsets.size() < N ||
        !std::equal(P.Offsets.begin(), P.Offsets.end() - 1, EP.Offsets.begin()))
      return false;
    int64_t Into = EP.Offsets[N - 1] - P.Offsets.back();
    return Into >= 0 && uint64_t(Into) < Bytes;
  });
}

bool HandleFlow::isOptionalTest(StringRef Mangled) {
  if (!Mangled.starts_with("_Z"))
    return false;
  auto [It, New] = OptionalTests.try_emplace(Mangled, false);
  if (!New)
    return It->second;
  // The standard's std::optional (libstdc++'s, or libc++'s in its inline
  // namespace): what it says of holding a value is what its members do.
  static const auto Globs = [] {
    SmallVector<GlobPattern, 2> G;
    for (const char *S :
         {"std::{,__1::,__2::}optional<*>::operator bool() const",
          "std::{,__1::,__2::}optional<*>::has_value() const"})
      G.push_back(cantFail(GlobPattern::create(S, /*MaxSubPatterns=*/8)));
    return G;
  }();
  std::string Name = demangle(Mangled);
  It->second =
      any_of(Globs, [&](const GlobPattern &G) { return G.match(Name); });
  return It->second;
}

/// Whether \p Slot points inside a std::function that is the handle, past its
/// start: the slot an inlined emptiness test loads, when the handle is a
/// member of a larger object (the cancel function of a returned pair, a
/// guard's member) and stripping the offset would name the outer object.
bool HandleFlow::slotOfHandleObject(const Value *Slot, const HandleState &S) {
  // std::function is four pointers wide in libstdc++ and libc++.
  const DataLayout &DL = F.getParent()->getDataLayout();
  int64_t Width = 4 * int64_t(DL.getPointerSize());
  AccessPath P = Paths.pathOf(Slot);
  return any_of(S.Exprs, [&](PathId E) {
    const AccessPath &EP = Paths.path(E);
    if (EP.Root != P.Root || EP.Offsets.size() != P.Offsets.size() ||
        !std::equal(EP.Offsets.begin(), EP.Offsets.end() - 1,
                    P.Offsets.begin()))
      return false;
    int64_t Into = P.Offsets.back() - EP.Offsets.back();
    return Into > 0 && Into < Width;
  });
}

/// Whether \p V is a copy of handle \p H that is its creation's status: the
/// handle is an integer its creation returned (a descriptor).
bool HandleFlow::isHandleStatus(unsigned H, const Value *V,
                                const HandleState &S) {
  return handleIsStatus(H) && V->getType() == handleStatusValue(H)->getType() &&
         isHandle(V, S);
}

/// Whether handle \p H is an integer that is its own creation's status.
bool HandleFlow::handleIsStatus(unsigned H) const {
  const std::optional<HandleSite> &Site = Sites[H];
  if (!Site)
    return false;
  const Value *Status = handleStatusValue(H);
  return Status->getType()->isIntegerTy() &&
         (Status != Site->Call ||
          (!Site->CalleeExpr && Site->ReturnOffset == 0));
}

const Value *HandleFlow::handleStatusValue(unsigned H) const {
  const HandleSite &Site = *Sites[H];
  if (Site.ValueOf && Site.Success == SuccessCondition::Always)
    return Site.ValueOf;
  return Site.Call;
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

/// The places in the objects the arguments of \p CB point to that hold a
/// copy of handle \p H that is its own status (a descriptor in a field,
/// `c.fd = open(...); conn_close(&c)`), stored there on every path: what a
/// tuple knows of the status it knows of them too, and the callee reads
/// them back there. The same for every tuple, so found once per call.
SmallVector<HandleFlow::StatusCopy, 2>
HandleFlow::statusCopies(unsigned H, const CallBase &CB, const HandleState &S) {
  SmallVector<StatusCopy, 2> Stored;
  if (!Sites[H] || !handleIsStatus(H))
    return Stored;
  uint64_t Size = F.getParent()->getDataLayout().getTypeStoreSize(
      handleStatusValue(H)->getType());
  for (unsigned J = 0; J < CB.arg_size(); ++J) {
    if (!CB.getArgOperand(J)->getType()->isPointerTy())
      continue;
    SmallVector<SmallVector<int64_t, 4>, 2> Rel;
    relatedPaths(CB.getArgOperand(J), S, Rel);
    for (const SmallVector<int64_t, 4> &R : Rel)
      if (R.size() == 2 && R[1] == 0 &&
          heldOnEveryPath(H, CB, Paths.pathOf(CB.getArgOperand(J)).then({R[0]}),
                          S))
        Stored.push_back({J, R[0], Size});
  }
  return Stored;
}

/// What tuple \p Tuple of handle \p H knows about the arguments of \p CB
/// and of \p Stored, the places statusCopies() found.
SmallVector<CallContext::ConditionFact, 2>
HandleFlow::factsFor(unsigned H, const CallBase &CB, uint32_t Tuple,
                     const HandleState &S, ArrayRef<StatusCopy> Stored) {
  SmallVector<CallContext::ConditionFact, 2> Facts;
  const SmallVectorImpl<const void *> &List = Atoms[H];
  // An integer handle is its creation's status (a descriptor that is not
  // -1): what the path knows of the status it knows of every copy of the
  // handle passed on, reloaded from a variable assigned more than once.
  const Value *Status = Sites[H] ? handleStatusValue(H) : nullptr;
  auto IsValue = [&](const Value *Known, const Value *Arg, unsigned J) {
    return Known == Arg ||
           (Known == Status && isHandleStatus(H, CB.getArgOperand(J), S));
  };
  for (unsigned I = 0; I < List.size(); ++I) {
    if (!(known(Tuple) & (1u << I)))
      continue;
    bool Zero = values(Tuple) & (1u << I);
    const void *Key = List[I];
    auto Info = CompareKeyInfo.find(Key);
    for (const StatusCopy &Copy : Stored) {
      CallContext::ConditionFact M{
          Copy.ArgNo, CallContext::ConditionFact::ZeroTest, nullptr, Zero};
      M.InMemory = true;
      M.Offset = Copy.Offset;
      M.Size = Copy.Size;
      if (Info != CompareKeyInfo.end()) {
        auto [Pred, L, R] = Info->second;
        if (L != Status || !isa<Constant>(R))
          continue;
        M.Predicate = Pred;
        M.Constant = R;
      } else if (Key != Status || !ValueKeys.count(Key)) {
        continue;
      }
      Facts.push_back(M);
    }
    for (unsigned J = 0; J < CB.arg_size(); ++J) {
      const Value *Arg = Paths.origin(CB.getArgOperand(J));
      if (Info != CompareKeyInfo.end()) {
        auto [Pred, L, R] = Info->second;
        if (IsValue(L, Arg, J) && isa<Constant>(R))
          Facts.push_back({J, Pred, R, Zero});
      } else if (ValueKeys.count(Key) &&
                 IsValue(static_cast<const Value *>(Key), Arg, J) &&
                 Arg->getType()->isIntegerTy()) {
        Facts.push_back(
            {J, CallContext::ConditionFact::ZeroTest, nullptr, Zero});
      }
    }
  }
  return Facts;
}

/// Whether every path to \p CB puts handle \p H at \p Addr: walking back
/// through straight-line code, the last write there stores it, or is its
/// creation, before anything else may have written it. (The paths a state
/// holds are those some tuple's path put the handle at.)
bool HandleFlow::heldOnEveryPath(unsigned H, const CallBase &CB,
                                 const AccessPath &Addr, const HandleState &S) {
  PathId Want = Paths.intern(Paths.canonicalize(Addr));
  bool Found = false;
  walkBack(CB, [&](const Instruction &I) {
    if (auto *SI = dyn_cast<StoreInst>(&I)) {
      if (Paths.intern(Paths.canonicalize(
              Paths.pathOf(SI->getPointerOperand()))) != Want)
        return true;
      Found = isHandle(SI->getValueOperand(), S);
      return false;
    }
    if (auto *Call = dyn_cast<CallBase>(&I)) {
      if (isMarker(I))
        return true;
      Found = Sites[H] && Sites[H]->Call == Call;
      return false;
    }
    return true;
  });
  return Found;
}

/// What the caller knew of the arguments on its path, as known atoms of the
/// entry handle.
void HandleFlow::assumeContext(unsigned H, HandleState &S,
                               const CallContext &Context) {
  // Facts about an argument's memory hold for the reads of it that nothing
  // here may have written since the entry.
  SmallVector<const LoadInst *, 4> EntryReads;
  if (any_of(Context.Conditions,
             [](const CallContext::ConditionFact &C) { return C.InMemory; }))
    for (const Instruction &I : instructions(F))
      if (auto *LI = dyn_cast<LoadInst>(&I); LI && LI->getType()->isIntegerTy())
        EntryReads.push_back(LI);
  const DataLayout &DL = F.getParent()->getDataLayout();
  auto Assume = [&](const CallContext::ConditionFact &C, const Value *V) {
    const void *Key = C.Predicate == CallContext::ConditionFact::ZeroTest
                          ? static_cast<const void *>(V)
                          : compareKey(C.Predicate, V, C.Constant);
    if (C.Predicate == CallContext::ConditionFact::ZeroTest)
      ValueKeys.insert(Key);
    StableKeys.insert(Key);
    int A = atomIndex(H, Key);
    if (A < 0)
      return;
    for (uint32_t &T : S.Tuples)
      T = tuple(known(T) | (1u << A),
                C.Zero ? values(T) | (1u << A) : values(T) & ~(1u << A),
                status(T));
  };
  for (const CallContext::ConditionFact &C : Context.Conditions) {
    if (C.ArgNo >= F.arg_size())
      continue;
    if (C.InMemory) {
      for (const LoadInst *LI : EntryReads) {
        AccessPath Read = Paths.pathOf(LI->getPointerOperand());
        if (DL.getTypeStoreSize(LI->getType()) != C.Size ||
            (C.Constant && C.Constant->getType() != LI->getType()) ||
            Read.Root != F.getArg(C.ArgNo) || Read.Offsets.size() != 1 ||
            Read.Offsets[0] != C.Offset)
          continue;
        if (entryRead(*LI))
          Assume(C, LI);
      }
      continue;
    }
    Assume(C, F.getArg(C.ArgNo));
  }
}

/// The integer \p V always is: a constant, a load of a global nothing
/// writes, the result of a function that always returns the same constant.
const ConstantInt *HandleFlow::constantValue(const Value *V) {
  V = Paths.origin(V);
  if (auto *K = dyn_cast<ConstantInt>(V))
    return K;
  if (const ConstantInt *K = contextConstant(V))
    return K;
  // A constant widened or narrowed (a bool loaded as i8 and tested as i1).
  if (auto *Cast = dyn_cast<CastInst>(V);
      Cast && Cast->getType()->isIntegerTy() &&
      Cast->getOperand(0)->getType()->isIntegerTy())
    if (const ConstantInt *K = constantValue(Cast->getOperand(0))) {
      unsigned W = Cast->getType()->getIntegerBitWidth();
      switch (Cast->getOpcode()) {
      case Instruction::Trunc:
        return ConstantInt::get(Cast->getContext(), K->getValue().trunc(W));
      case Instruction::ZExt:
        return ConstantInt::get(Cast->getContext(), K->getValue().zext(W));
      case Instruction::SExt:
        return ConstantInt::get(Cast->getContext(), K->getValue().sext(W));
      default:
        break;
      }
    }
  if (auto *LI = dyn_cast<LoadInst>(V)) {
    auto *G = dyn_cast<GlobalVariable>(LI->getPointerOperand());
    return G && LI->getType() == G->getValueType() ? HS.constantGlobal(*G)
                                                   : nullptr;
  }
  if (auto *CB = dyn_cast<CallBase>(V))
    if (const Function *F = calledFunction(*CB);
        F && !F->isDeclaration() && CB->getType() == F->getReturnType())
      return HS.returnedConstant(*F);
  return nullptr;
}

/// Whether the pointer \p V is never null: a local, a global that cannot
/// be replaced by a null definition, a call or argument declared nonnull.
static bool neverNull(const Value *V) {
  if (isa<AllocaInst>(V))
    return true;
  if (auto *G = dyn_cast<GlobalVariable>(V))
    return !G->hasExternalWeakLinkage();
  if (auto *CB = dyn_cast<CallBase>(V))
    return CB->hasRetAttr(Attribute::NonNull);
  if (auto *A = dyn_cast<Argument>(V))
    return A->hasNonNullAttr(/*AllowUndefOrPoison=*/false);
  return false;
}

/// The way a branch always goes when its condition is a constant in
/// disguise (`static int fast = 0; ... if (fast)`, `if (enabled())`).
std::optional<bool> HandleFlow::foldCondition(const Value *Cond) {
  bool Negate = false;
  for (unsigned Step = 0; Step < 8; ++Step) {
    const Value *C = Paths.origin(Cond);
    if (auto *BO = dyn_cast<BinaryOperator>(C);
        BO && BO->getOpcode() == Instruction::Xor)
      if (auto *One = dyn_cast<ConstantInt>(BO->getOperand(1));
          One && One->isOne() && BO->getType()->isIntegerTy(1)) {
        Negate = !Negate;
        Cond = BO->getOperand(0);
        continue;
      }
    if (auto *Cmp = dyn_cast<ICmpInst>(C); Cmp && Cmp->isEquality())
      // A pointer that cannot be null (what `new` returns, a local, a
      // global) compared with null.
      for (unsigned I = 0; I < 2; ++I)
        if (isa<ConstantPointerNull>(Cmp->getOperand(1 - I)) &&
            neverNull(Paths.origin(Cmp->getOperand(I))))
          return (Cmp->getPredicate() == ICmpInst::ICMP_NE) != Negate;
    if (auto *Cmp = dyn_cast<ICmpInst>(C)) {
      const ConstantInt *L = constantValue(Cmp->getOperand(0));
      const ConstantInt *R = constantValue(Cmp->getOperand(1));
      if (!L || !R || L->getBitWidth() != R->getBitWidth())
        return std::nullopt;
      return ICmpInst::compare(L->getValue(), R->getValue(),
                               Cmp->getPredicate()) != Negate;
    }
    if (const ConstantInt *K = constantValue(C))
      return !K->isZero() != Negate;
    return std::nullopt;
  }
  return std::nullopt;
}

/// The value an edge's condition constrains (a creation's status stands for
/// its reloads) and the range it lies in on the true edge.
std::optional<HandleFlow::ValueRange>
HandleFlow::rangeOf(const DecodedCondition &C) {
  const Value *X = C.CompareKey ? C.CompareLHS : C.Subject;
  auto *Ty = X ? dyn_cast<IntegerType>(X->getType()) : nullptr;
  if (!Ty)
    return std::nullopt;
  ConstantRange True(Ty->getBitWidth(), /*isFullSet=*/true);
  if (!C.CompareKey) {
    ConstantRange Zero(APInt::getZero(Ty->getBitWidth()));
    True = C.TrueEdgeMeansZero ? Zero : Zero.inverse();
  } else {
    auto *K = dyn_cast<ConstantInt>(C.CompareRHS);
    if (!K)
      return std::nullopt;
    auto Pred = static_cast<CmpInst::Predicate>(C.ComparePred);
    if (C.TrueEdgeMeansZero)
      Pred = CmpInst::getInversePredicate(Pred);
    True = ConstantRange::makeExactICmpRegion(Pred, K->getValue());
    // `(x + c) u< n`, as the optimizer writes `x == -1 || x == -2`: a range
    // of x.
    if (auto *Add = dyn_cast<BinaryOperator>(X);
        Add && Add->getOpcode() == Instruction::Add)
      if (auto *Off = dyn_cast<ConstantInt>(Add->getOperand(1))) {
        True = True.subtract(Off->getValue());
        X = Paths.origin(Add->getOperand(0));
      }
  }
  return ValueRange{X, True};
}

const Value *HandleFlow::statusSubject(unsigned H, const Value *X,
                                       const HandleState &S) {
  if (Sites[H] && (X == Sites[H]->Call || isStatusCopy(H, X, S)))
    return Sites[H]->Call;
  // A copy of an integer handle is its status too.
  if (isHandleStatus(H, X, S))
    return handleStatusValue(H);
  return X;
}

void HandleFlow::impliedAtoms(unsigned H, const Value *Subj,
                              const ConstantRange &Region, uint32_t &Known,
                              uint32_t &Zero) {
  if (Region.isEmptySet())
    return;
  unsigned Width = Region.getBitWidth();
  for (unsigned A = 0; A < Atoms[H].size(); ++A) {
    const void *Key = Atoms[H][A];
    // The values for which the atom is zero: the value itself is, or the
    // comparison is false.
    std::optional<ConstantRange> ZeroRegion;
    if (Key == Subj) {
      ZeroRegion = ConstantRange(APInt::getZero(Width));
    } else if (auto Info = CompareKeyInfo.find(Key);
               Info != CompareKeyInfo.end() &&
               std::get<1>(Info->second) == Subj) {
      auto *K = dyn_cast<ConstantInt>(std::get<2>(Info->second));
      if (K && K->getBitWidth() == Width)
        ZeroRegion = ConstantRange::makeExactICmpRegion(
            CmpInst::getInversePredicate(
                static_cast<CmpInst::Predicate>(std::get<0>(Info->second))),
            K->getValue());
    }
    if (!ZeroRegion)
      continue;
    if (ZeroRegion->contains(Region)) {
      Known |= 1u << A;
      Zero |= 1u << A;
    } else if (ZeroRegion->intersectWith(Region).isEmptySet()) {
      Known |= 1u << A;
    }
  }
}

void HandleFlow::restrictEdge(BlockState &Edge, unsigned H,
                              const HandleState &St, uint32_t Known,
                              uint32_t Zero) {
  if (!Known)
    return;
  restrictEdge(Edge, H, St, AtomMask{Known, Zero});
}

void HandleFlow::restrictEdge(BlockState &Edge, unsigned H,
                              const HandleState &St,
                              ArrayRef<AtomMask> Alternatives) {
  // Each tuple is kept, refined, under every alternative it agrees with.
  HandleState E;
  for (const AtomMask &M : Alternatives)
    for (uint32_t T : St.Tuples) {
      if ((values(T) & known(T) & M.Known) != (M.Zero & known(T) & M.Known))
        continue;
      E.Tuples.push_back(tuple(known(T) | M.Known,
                               (values(T) & ~M.Known) | M.Zero, status(T)));
    }
  E.normalize();
  if (E.Tuples == St.Tuples)
    return;
  if (E.Tuples.empty()) {
    Edge.Handles.set(H, nullptr);
    return;
  }
  E.Exprs = St.Exprs;
  E.Vars = St.Vars;
  E.StatusSlots = St.StatusSlots;
  Edge.Handles.set(H, Arena.make(std::move(E)));
}

/// Whether \p V is held by a global: its address, or a pointer loaded from
/// one.
static bool heldByGlobal(const Value *V) {
  V = V->stripPointerCasts();
  if (isa<GlobalValue>(V))
    return true;
  auto *LI = dyn_cast<LoadInst>(V);
  return LI &&
         isa<GlobalVariable>(getUnderlyingObject(LI->getPointerOperand()));
}

/// Whether the equality \p C compares a pointer handle with a pointer a
/// global holds. A live handle is in no global (a store there is an
/// escape), so the two are equal only where the handle is not live.
bool HandleFlow::comparesHandleWithGlobal(const DecodedCondition &C,
                                          const HandleState &St) {
  const Value *L = C.CompareLHS, *R = C.CompareRHS;
  if (!L || !R || !L->getType()->isPointerTy())
    return false;
  return (isHandle(L, St) && heldByGlobal(R)) ||
         (isHandle(R, St) && heldByGlobal(L));
}

/// What the edge on which the condition \p C is \p Value knows of the atoms
/// of handle \p H: the condition's own atom and those its range decides.
HandleFlow::AtomMask
HandleFlow::edgeMask(unsigned H, const DecodedCondition &C,
                     const std::optional<ValueRange> &Range,
                     const HandleState &St, bool Value) {
  AtomMask M;
  const void *Key = atomKey(H, C, St);
  bool ZeroIfTrue = C.TrueEdgeMeansZero;
  // The handle compared with what a global holds (`if (in != stdin)
  // fclose(in)`): equal, it is not a live handle, as if it were null.
  if (Key == C.CompareKey && C.ComparePred == CmpInst::ICMP_EQ &&
      comparesHandleWithGlobal(C, St)) {
    Key = &HandleNullKey;
    ZeroIfTrue = !ZeroIfTrue;
  }
  int A = atomIndex(H, Key);
  if (A >= 0) {
    M.Known = 1u << A;
    M.Zero = ZeroIfTrue == Value ? M.Known : 0;
  }
  if (Range)
    impliedAtoms(H, statusSubject(H, Range->Subject, St),
                 Value ? Range->True : Range->True.inverse(), M.Known, M.Zero);
  return M;
}

void HandleFlow::transferBranch(const BasicBlock &BB, BlockState &S, Pass P) {
  auto *Br = cast<BranchInst>(BB.getTerminator());
  // The first test of a loop that runs at most once (CountedLoops.cpp).
  if (auto Once = OnceHeaders.find(&BB); Once != OnceHeaders.end()) {
    propagate(BB, *Once->second, S, P);
    return;
  }
  // A catch clause for the type being thrown, or for a base class of it,
  // catches it.
  if (S.Thrown)
    if (auto *Cmp = dyn_cast<ICmpInst>(Br->getCondition());
        Cmp && Cmp->getPredicate() == ICmpInst::ICMP_EQ)
      for (const Value *Op : Cmp->operands())
        if (auto *TypeId = dyn_cast<IntrinsicInst>(Op);
            TypeId && TypeId->getIntrinsicID() == Intrinsic::eh_typeid_for &&
            catchClauseTakes(TypeId->getArgOperand(0), S.Thrown)) {
          propagate(BB, *Br->getSuccessor(0), S, P);
          return;
        }
  // A condition that is a constant in disguise leaves one way only.
  if (std::optional<bool> Taken = foldCondition(Br->getCondition())) {
    propagate(BB, *Br->getSuccessor(*Taken ? 0 : 1), S, P);
    return;
  }
  // Each edge keeps the tuples its condition allows; `a && b` and `a || b`
  // as the optimizer writes them (CompoundConditions.cpp) included.
  transferConditionalBranch(BB, S, P);
}

/// A switch on a value decides its zero test and its comparisons with
/// constants on each edge: `switch (rc) { case 0: ... default: ... }` on a
/// creation's status is a status check.
void HandleFlow::transferSwitch(const BasicBlock &BB, BlockState &S, Pass P) {
  auto *SI = cast<SwitchInst>(BB.getTerminator());
  // A switch on a constant in disguise goes one way only.
  if (const ConstantInt *K = constantValue(SI->getCondition());
      K && K->getType() == SI->getCondition()->getType()) {
    propagate(BB, *SI->findCaseValue(K)->getCaseSuccessor(), S, P);
    return;
  }
  const Value *Subject = slotSubject(Paths.origin(SI->getCondition()), SI);
  auto *Ty = dyn_cast<IntegerType>(Subject->getType());
  addCandidates(HandlesBySubject, Subject);
  if (auto *CB = dyn_cast<CallBase>(Subject))
    if (auto It = ByCreation.find(CB); It != ByCreation.end())
      addCandidate(It->second);
  if (auto *LI = dyn_cast<LoadInst>(Subject))
    addCandidates(ByStatusSlot, Paths.idOf(LI->getPointerOperand()));
  SmallVector<unsigned, 4> Handles(Candidates.begin(), Candidates.end());
  for (unsigned H : Candidates)
    IsCandidate[H] = false;
  Candidates.clear();
  llvm::sort(Handles);
  if (!Ty || Ty->getBitWidth() != SI->getCondition()->getType()->getIntegerBitWidth())
    Handles.clear();

  // Successor index 0 is the default (every value no case names, which a
  // range can only over-approximate: sound for what it implies); I > 0 is
  // case I - 1.
  unsigned Width = Ty ? Ty->getBitWidth() : 1;
  ConstantRange Default(Width, /*isFullSet=*/true);
  for (auto Case : SI->cases())
    Default = Default.intersectWith(
        ConstantRange(Case.getCaseValue()->getValue()).inverse());
  for (unsigned I = 0; I <= SI->getNumCases(); ++I) {
    auto Case = SI->case_begin() + (I ? I - 1 : 0);
    ConstantRange Region =
        I ? ConstantRange(Case->getCaseValue()->getValue()) : Default;
    const BasicBlock *To = I ? Case->getCaseSuccessor() : SI->getDefaultDest();
    BlockState Edge = S;
    for (unsigned H : Handles) {
      const HandleState *St = S.Handles.get(H);
      if (!St || (OnlyHandle && H != *OnlyHandle))
        continue;
      const Value *Subj = statusSubject(H, Subject, *St);
      atomIndex(H, Subj);
      uint32_t Known = 0, Zero = 0;
      impliedAtoms(H, Subj, Region, Known, Zero);
      restrictEdge(Edge, H, *St, Known, Zero);
    }
    propagate(BB, *To, Edge, P);
  }
}

} // namespace cancelverify
