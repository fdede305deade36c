//===- HandleTransfer.cpp - What an instruction does to a handle -----------===//
//
// The transfer functions of the handle dataflow for everything but calls:
// creations, stores (a handle moves into memory, is overwritten, escapes or
// is handed to the caller), exits, struct values that carry a handle in a
// field, and the debug records that show a variable being reassigned in
// optimized code. Each instruction is applied only to the handles whose
// paths it names (the candidates).
//
//===----------------------------------------------------------------------===//
#include "HandleFlow.h"

#include "cancelverify/Compat.h"
#include "cancelverify/HandleSummaries.h"

#include "llvm/Analysis/CFG.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"

using namespace llvm;

namespace cancelverify {

using namespace flow;


bool HandleFlow::addPath(unsigned H, HandleState &S, PathId P) {
  if (!S.add(P))
    return false;
  auto Index = [&](auto &Map, auto Key) {
    if (Indexed.insert({static_cast<const void *>(Key), H}).second)
      Map[Key].push_back(H);
  };
  // Paths and roots live in different key spaces: tag path ids.
  if (Indexed.insert({reinterpret_cast<const void *>(uintptr_t(P) * 2 + 1), H})
          .second)
    ByPath[P].push_back(H);
  for (PathId Alt : Paths.spellings(P))
    Index(ByRoot, Paths.path(Alt).Root);
  return true;
}

void HandleFlow::candidatesOfValue(const Value *V) {
  if (!ByPath.empty())
    candidatesOfPath(Paths.idOf(V));
}

void HandleFlow::candidatesOfAggregate(const Value *V) {
  if (ByRoot.empty())
    return;
  candidatesOfRoot(Paths.path(Paths.idOf(V)).Root);
  if (auto *LI = dyn_cast<LoadInst>(V))
    candidatesOfRoot(Paths.path(Paths.idOf(LI->getPointerOperand())).Root);
  for (const Value *Cur = V; auto *IV = dyn_cast<InsertValueInst>(Cur);
       Cur = IV->getAggregateOperand())
    candidatesOfValue(IV->getInsertedValueOperand());
}

void HandleFlow::handToCaller(unsigned H, HandleState &S, const Instruction &I,
                              const AccessPath &Where, TransferKind Kind,
                              Pass P, const Function *Callee) {
  if (P == Pass::Record) {
    HandleOutcome &Out = Outcomes[H];
    if (S.any(Live))
      note(Out.Transfers, TransferEvent{Kind, &I, I.getDebugLoc(), Callee});
    if (!is_contained(Out.MovedTo, Where))
      Out.MovedTo.push_back(Where);
  }
  S.change(Live, Away);
}

/// The atoms of handle \p H that are about its creation: whether the
/// handle is null, and the creation's result.
uint32_t HandleFlow::creationAtoms(unsigned H) {
  const CallBase &CB = *Sites[H]->Call;
  uint32_t Mask = 0;
  for (unsigned I = 0; I < Atoms[H].size(); ++I) {
    auto Info = CompareKeyInfo.find(Atoms[H][I]);
    if (Atoms[H][I] == &HandleNullKey || Atoms[H][I] == &CB ||
        (Info != CompareKeyInfo.end() && std::get<1>(Info->second) == &CB))
      Mask |= 1u << I;
  }
  return Mask;
}

void HandleFlow::createHere(unsigned H, HandleState &S, Pass P) {
  const HandleSite &Site = *Sites[H];
  const CallBase &CB = *Site.Call;
  if (S.any(Live)) {
    if (P == Pass::Record)
      note(Outcomes[H].Overwrites,
           OverwriteEvent{OverwriteEvent::CreatedAgain, &CB});
    S.change(Live, Away);
  }
  // A new handle: forget what earlier iterations knew of its conditions.
  uint32_t Mask = creationAtoms(H);
  for (uint32_t &T : S.Tuples)
    T = tuple(known(T) & ~Mask, values(T), status(T));
  S.normalize();
  AccessPath Held;
  if (!Site.CalleeExpr) {
    // The return value, or the field of a returned struct that holds it.
    Held = Paths.pathOf(&CB);
    if (CB.getType()->isAggregateType())
      Held.Offsets = {Site.ReturnOffset, AccessPath::StructField};
  } else {
    Held = atCall(CB, *Site.CalleeExpr);
    addPath(H, S, Held);
    Held = Paths.canonicalize(Held);
  }
  addPath(H, S, Held);
  for (uint32_t &T : S.Tuples)
    T = tuple(known(T), values(T), Live);
  S.normalize();
  // No handle on the paths where it is null or where the status says the
  // creation failed.
  splitOn(H, S, &HandleNullKey, Dead, std::nullopt);
  statusSplit(H, S, Site);
  // Created straight into memory the caller owns (an out-parameter passed
  // on): the caller owes it.
  if (isa<Argument>(Held.Root) && Held.Offsets.size() >= 2)
    handToCaller(H, S, CB, Held, TransferKind::CreatedInOutParam, P);
  // Created straight into memory that is neither ours nor the caller's (a
  // global, memory reached through a pointer; not a field of the struct
  // the call returns, nor of an object this function allocated): others
  // reach it there.
  else if (Held.Offsets.size() >= 2 && Held.Root != &CB &&
           !isa<AllocaInst>(Held.Root) && !isa<Argument>(Held.Root) &&
           !isFreshAllocation(Held.Root))
    escapeToMemory(H, S, Held.Root, CB, P);
  // Created as an object in this function's own return slot (a C++ handle
  // returned by value): the caller receives it.
  else if (auto *Slot = dyn_cast<Argument>(Held.Root);
           Slot && Slot->hasStructRetAttr() && Held.Offsets.size() == 1)
    handToCaller(H, S, CB, Held, TransferKind::Returned, P);
  // Created as an object inside one the caller passed (a member a
  // constructor initializes, `this->cancel_` of a method that creates
  // into it): the caller's object holds it, as it would a copy.
  else if (Slot && !Slot->hasByValAttr() && Held.Offsets.size() == 1 &&
           Site.CalleeExpr && Site.CalleeExpr->Offsets.size() == 1)
    handToCaller(H, S, CB, Held, TransferKind::CreatedInObject, P);
}

/// No handle where the creation's status says it failed: a split on the
/// atom the success condition is (a zero test of the result, or its
/// comparison with 0 or -1, the same atom a branch on it decodes to).
void HandleFlow::statusSplit(unsigned H, HandleState &S, const HandleSite &Site) {
  // A descriptor stored by a wrapper: its value is the status.
  if (Site.Success == SuccessCondition::Always && Site.ValueOf)
    statusSplit(H, S, *Site.ValueOf, Site.ValueStatus);
  // A returned pointer that is null on failure: the split on the handle's
  // own null test (createHere) already says it, and a second atom for the
  // same fact would let a later `if (!c)` leave the other one open.
  else if (!(Site.Success == SuccessCondition::ReturnsNonNull &&
             !Site.CalleeExpr && Site.ReturnOffset == 0 &&
             Site.Call->getType()->isPointerTy()))
    statusSplit(H, S, *Site.Call, Site.Success);
}

void HandleFlow::statusSplit(unsigned H, HandleState &S, const CallBase &CB,
                             SuccessCondition Success) {
  switch (Success) {
  case SuccessCondition::Always:
    return;
  case SuccessCondition::ReturnsZero:
  case SuccessCondition::ReturnsNull:
    splitOn(H, S, &CB, std::nullopt, Dead);
    return;
  case SuccessCondition::ReturnsNonZero:
  case SuccessCondition::ReturnsNonNull:
    splitOn(H, S, &CB, Dead, std::nullopt);
    return;
  default:
    break;
  }
  auto *IntTy = dyn_cast<IntegerType>(CB.getType());
  if (!IntTy)
    return;
  // A call that fails with -1 returns a non-negative value when it
  // succeeds (a descriptor, an id: as POSIX calls do), so a test `< 0`
  // is a status check as much as `== -1`.
  if (Success == SuccessCondition::ReturnsNotMinusOne)
    Success = SuccessCondition::ReturnsNonNegative;
  bool Sign = Success == SuccessCondition::ReturnsNonNegative ||
              Success == SuccessCondition::ReturnsNegative;
  CmpInst::Predicate P = Sign ? ICmpInst::ICMP_SGE : ICmpInst::ICMP_EQ;
  CmpInst::Predicate Norm = std::min(P, CmpInst::getInversePredicate(P));
  Constant *K = ConstantInt::get(IntTy, Sign ? 0 : -1, /*IsSigned=*/true);
  // The atom is zero when the comparison (Norm) is false: for ret>=0 and
  // ret==-1 that is failure.
  bool SuccessIsTrue = Success == SuccessCondition::ReturnsNonNegative ||
                       Success == SuccessCondition::ReturnsMinusOne;
  if (Norm != P)
    SuccessIsTrue = !SuccessIsTrue;
  const void *Key = compareKey(unsigned(Norm), &CB, K);
  if (SuccessIsTrue)
    splitOn(H, S, Key, Dead, std::nullopt);
  else
    splitOn(H, S, Key, std::nullopt, Dead);
}

/// The byte offset of the field that extractvalue/insertvalue indices name.
static int64_t fieldOffset(const DataLayout &DL, Type *Aggregate,
                           ArrayRef<unsigned> Indices) {
  SmallVector<Value *, 4> Idx{
      ConstantInt::get(Type::getInt32Ty(Aggregate->getContext()), 0)};
  for (unsigned I : Indices)
    Idx.push_back(
        ConstantInt::get(Type::getInt32Ty(Aggregate->getContext()), I));
  return DL.getIndexedOffsetInType(Aggregate, Idx);
}

/// The byte offset of the field of the aggregate \p V that holds the handle:
/// a struct loaded from memory (-O0) or built with insertvalue (-O2).
std::optional<int64_t> HandleFlow::fieldHoldingHandle(const Value *V,
                                                      const HandleState &S) {
  const DataLayout &DL = F.getParent()->getDataLayout();
  const Value *Root = Paths.path(Paths.idOf(V)).Root;
  for (PathId E : S.Exprs) {
    const AccessPath &EP = Paths.path(E);
    if (EP.Root == Root && EP.Offsets.size() == 2 &&
        EP.Offsets[1] == AccessPath::StructField)
      return EP.Offsets[0];
  }
  if (auto *LI = dyn_cast<LoadInst>(V)) {
    AccessPath Addr = Paths.pathOf(LI->getPointerOperand());
    uint64_t Size = DL.getTypeStoreSize(LI->getType());
    SmallVector<int64_t, 4> Rest;
    for (PathId E : S.Exprs)
      if (Paths.path(E).extends(Addr, Rest, Size) && Rest.size() == 2 &&
          Rest[1] == 0)
        return Rest[0];
    return std::nullopt;
  }
  for (const Value *Cur = V; auto *IV = dyn_cast<InsertValueInst>(Cur);
       Cur = IV->getAggregateOperand())
    if (isHandle(IV->getInsertedValueOperand(), S))
      return fieldOffset(DL, IV->getType(), IV->getIndices());
  return std::nullopt;
}

void HandleFlow::visitExit(unsigned H, HandleState &S, const Instruction &I,
                           Pass P, bool Throw, const Value *RetVal,
                           const BlockState &Block) {
  HandleOutcome &Out = Outcomes[H];
  std::optional<int64_t> ReturnedAt;
  // A pointer into a block this function allocated, returned (an
  // allocator that keeps a header in front), hands the block over; a
  // pointer into an object the caller passed is only an accessor.
  if (RetVal && (isHandle(RetVal, S) || pointsInsideHandle(H, RetVal, S)))
    ReturnedAt = 0;
  else if (RetVal && RetVal->getType()->isAggregateType())
    ReturnedAt = fieldHoldingHandle(RetVal, S);
  if (ReturnedAt) {
    // The return statement is found once the sweep is over.
    if (S.any(Live) && P == Pass::Record)
      note(Out.Transfers,
           TransferEvent{TransferKind::Returned, &I, DebugLoc(), nullptr});
    S.change(Live, Away);
    if (P == Pass::Record) {
      Out.Returned = true;
      Out.ReturnOffset = *ReturnedAt;
    }
  } else if (SmallVector<SmallVector<int64_t, 4>, 2> Below;
             RetVal && reachesHandle(RetVal, S, &Below)) {
    // The object that holds it goes to the caller, who owes it now. The
    // call is not a creation of the handle itself (what it returns is the
    // object), but callers find the handle inside what it returns. An
    // object the caller passed and that may be returned again is the
    // caller's already, and stores into it said so.
    if (S.any(Live) && P == Pass::Record) {
      note(Out.Transfers,
           TransferEvent{TransferKind::Returned, &I, DebugLoc(), nullptr});
      if (!HS.mayReturnArgument(F))
        for (const SmallVector<int64_t, 4> &Rest : Below) {
          AccessPath Inside = AccessPath::rootOf(&F).then(Rest);
          if (!is_contained(Out.MovedTo, Inside))
            Out.MovedTo.push_back(std::move(Inside));
        }
    }
    S.change(Live, Away);
  }
  // Returning from main ends the process: nothing can leak past it.
  if (!Throw && F.getName() == "main" && !EntryExpr)
    return;
  if (P != Pass::Record)
    return;
  Out.AnyExit = true;
  Out.ExitWithHandle |=
      any_of(S.Tuples, [](uint32_t T) { return status(T) != Dead; });
  // A normal return that still has the handle where the caller keeps it.
  if (EntryExpr && !Throw && EntryExpr->Offsets.size() >= 2 &&
      any_of(S.Tuples, [](uint32_t T) { return status(T) != Dead; }) &&
      S.holds(Paths.intern(*EntryExpr)))
    Out.EntrySlotCleared = false;
  bool AllDone = all_of(S.Tuples, [](uint32_t T) {
    return status(T) == Done || status(T) == Dead;
  });
  if (Throw) {
    // Discharged, or already handed on: nothing of it is owed here.
    Out.AnyThrowExit = true;
    Out.ThrowExitsDischarged &= !S.any(Live);
  }
  Out.AllExitsDischarged &= AllDone;
  Out.SomeExitDischarged |= S.any(Done);
  if (S.any(Live) && !Out.LostExit) {
    Out.LostExit = &I;
    Out.LostByThrow = Throw;
    // An exception leaving through `resume` left from where it was thrown;
    // otherwise the return statement is found once the sweep is over.
    if (isa<ResumeInst>(I) && Block.ThrowSite &&
        Block.ThrowSite->getDebugLoc())
      Out.LostLoc = Block.ThrowSite->getDebugLoc();
  }
}

/// The slot \p Slot, which may hold the handle, gets another value at \p At:
/// unless the handle is still held elsewhere (a guard's copy), an owed
/// handle is overwritten.
void HandleFlow::overwriteSlot(unsigned H, HandleState &S,
                               const AccessPath &Slot, const Instruction &At,
                               Pass P) {
  PathId SlotId = Paths.intern(Slot);
  if (!S.holds(SlotId))
    return;
  S.remove(SlotId);
  // Optimized code clears the slot while the value lives on in a register
  // that is used afterwards (`adopt(h.release())`: the null stored into
  // the unique_ptr, then the call given the old pointer): that use decides.
  if (usedAfter(S, At))
    return;
  AccessPath Canonical = Paths.canonicalize(Slot);
  bool HeldElsewhere = any_of(S.Exprs, [&](PathId E) {
    const AccessPath &EP = Paths.path(E);
    return EP.Offsets.size() >= 2 && Paths.canonicalize(EP) != Canonical;
  });
  if (HeldElsewhere)
    return;
  if (S.any(Live) && P == Pass::Record)
    note(Outcomes[H].Overwrites,
         OverwriteEvent{OverwriteEvent::Overwritten, &At});
  S.change(Live, Away);
}

/// Whether the handle \p S is an SSA value (not a local's slot) that some
/// instruction reachable from \p At still uses.
bool HandleFlow::usedAfter(const HandleState &S, const Instruction &At) {
  return any_of(S.Exprs, [&](PathId E) {
    const AccessPath &EP = Paths.path(E);
    if (EP.Offsets.size() != 1 || EP.Offsets[0] != 0 ||
        isa<AllocaInst>(EP.Root) ||
        (!isa<Instruction>(EP.Root) && !isa<Argument>(EP.Root)))
      return false;
    return any_of(EP.Root->users(), [&](const User *U) {
      auto *UI = dyn_cast<Instruction>(U);
      return UI && UI != &At && UI->getFunction() == &F &&
             isPotentiallyReachable(&At, UI);
    });
  });
}

/// Whether \p V is a pointer through which the handle \p S is reached
/// (the object, or a chain of objects, that holds it), not the handle;
/// \p Below receives the handle's paths relative to \p V.
bool HandleFlow::reachesHandle(
    const Value *V, const HandleState &S,
    SmallVectorImpl<SmallVector<int64_t, 4>> *Below) {
  if (!V->getType()->isPointerTy())
    return false;
  SmallVector<SmallVector<int64_t, 4>, 2> Rel;
  relatedPaths(V, S, Rel);
  bool Reaches = false;
  for (SmallVector<int64_t, 4> &R : Rel)
    if (R.size() >= 2) {
      Reaches = true;
      if (Below)
        Below->push_back(std::move(R));
    }
  return Reaches;
}

/// Whether \p Root is memory an allocator returned to this function (the
/// result of malloc or new, which nothing else points to yet).
bool HandleFlow::isFreshAllocation(const Value *Root) {
  auto *CB = dyn_cast<CallBase>(Root);
  return CB && CB->getFunction() == &F && CB->returnDoesNotAlias();
}

/// Whether \p V points a constant distance into the object the handle
/// \p H created here points to (`p++` over an allocation): the same
/// object, still reachable through it, not a new value over the handle. A
/// handle the caller passed is not an allocation of ours: a pointer into
/// it is an accessor's result.
bool HandleFlow::pointsInsideHandle(unsigned H, const Value *V,
                                    const HandleState &S) {
  if (!Sites[H] || !V->getType()->isPointerTy())
    return false;
  AccessPath P = Paths.pathOf(V);
  if (P.Offsets.back() == 0)
    return false;
  P.Offsets.back() = 0;
  return S.holds(Paths.intern(P));
}

/// A pointer \p Val to the object that holds the handle, stored at \p Addr
/// (by a store, or by a callee that stores its argument), takes the handle
/// along where others reach it. (A local variable is followed through the
/// paths of what it holds.)
void HandleFlow::storedPointer(unsigned H, HandleState &S, const Value *Val,
                               const AccessPath &Addr, const Instruction &At,
                               Pass P) {
  SmallVector<SmallVector<int64_t, 4>, 2> Below;
  if (!reachesHandle(Val, S, &Below))
    return;
  PathId SlotId = Paths.intern(Addr.deref());
  if (isa<AllocaInst>(Addr.Root)) {
    // What is loaded from the local reaches the handle the same way
    // (forwarding covers a local stored once; this, one stored on
    // several paths, such as the return value's).
    for (const SmallVector<int64_t, 4> &Rest : Below)
      addPath(H, S, Paths.path(SlotId).then(Rest));
  } else if (isa<Argument>(Addr.Root)) {
    if (isa<CallBase>(At)) {
      // Stored by a callee: its callers follow the handle into the
      // caller's object (a guard kept by the unique_ptr a function
      // returns), where no store of theirs would show it.
      for (const SmallVector<int64_t, 4> &Rest : Below)
        handToCaller(H, S, At, Paths.path(SlotId).then(Rest),
                     TransferKind::StoredForCaller, P);
    } else {
      if (S.any(Live) && P == Pass::Record)
        note(Outcomes[H].Transfers,
             TransferEvent{TransferKind::StoredForCaller, &At, At.getDebugLoc(),
                           nullptr});
      S.change(Live, Away);
    }
  } else {
    escapeToMemory(H, S, Addr.Root, At, P);
  }
}

void HandleFlow::visitStore(unsigned H, HandleState &S, const StoreInst &SI,
                            Pass P) {
  const Value *Val = SI.getValueOperand();
  PathId AddrId = Paths.idOf(SI.getPointerOperand());
  AccessPath Addr = Paths.path(AddrId);
  PathId SlotId = Paths.intern(Addr.deref());
  if (const std::optional<HandleSite> &Site = Sites[H]) {
    auto It = find(S.StatusSlots, AddrId);
    if (It != S.StatusSlots.end())
      S.StatusSlots.erase(It);
    if (Paths.origin(Val) == Site->Call && !Val->getType()->isPointerTy()) {
      S.StatusSlots.push_back(AddrId);
      auto &List = ByStatusSlot[AddrId];
      if (!is_contained(List, H))
        List.push_back(H);
    }
  }
  if (Val->getType()->isAggregateType()) {
    // Storing a struct value stores the handle it carries in a field.
    if (std::optional<int64_t> Field = fieldHoldingHandle(Val, S)) {
      AccessPath D = Addr;
      D.Offsets.back() += *Field;
      addPath(H, S, D.deref());
    }
    return;
  }
  if (!isHandle(Val, S) && !pointsInsideHandle(H, Val, S)) {
    // Report a new handle overwriting the old one at its creation, as
    // optimized code (where the store is gone) does.
    const Instruction *At = &SI;
    if (auto *NewValue = dyn_cast<CallBase>(Val))
      At = NewValue;
    overwriteSlot(H, S, Paths.path(SlotId), *At, P);
    storedPointer(H, S, Val, Addr, SI, P);
    return;
  }
  const Value *Root = Addr.Root;
  if (isa<AllocaInst>(Root) && !storedBehindPointer(Paths.path(SlotId))) {
    addPath(H, S, SlotId);
    return;
  }
  // Inside an inlined std::shared_ptr constructor: the owner keeps a copy
  // of the pointer beside its control block, which decides.
  auto Owner = HS.sharedOwners().adoptingFrame(SI);
  if (isa<Argument>(Root)) {
    addPath(H, S, SlotId);
    if (!Owner)
      handToCaller(H, S, SI, Paths.path(SlotId), TransferKind::StoredForCaller,
                   P);
    return;
  }
  if (Owner && adoptedBySharedOwner(H, S, SI, Owner->second, P))
    return;
  // Memory this function allocated is its own, as a local is, until a
  // pointer to it goes where others reach it.
  if (isFreshAllocation(Root)) {
    addPath(H, S, SlotId);
    return;
  }
  escapeToMemory(H, S, Root, SI, P);
}

/// Whether the slot \p Slot of a local is not the local's own memory but
/// memory a pointer loaded from it points to (and that is not a local
/// written once, which paths already see through): storage that other
/// pointers reach by paths this one does not match.
bool HandleFlow::storedBehindPointer(const AccessPath &Slot) {
  if (!isa<AllocaInst>(Slot.Root) && !isFreshAllocation(Slot.Root))
    return false;
  // (R, [o, 0]) is the slot at R+o; one more offset is a load on the way.
  return Slot.Offsets.size() >= 3 &&
         Paths.canonicalize(Slot).Offsets.size() >= 3;
}

/// Notes, for every handle, whether the pointer \p V returned where the
/// handles have the states \p S is something besides null and the handle:
/// on a path the creation did not run on, or beside it.
void HandleFlow::noteOtherPointer(const Value *V, const BlockState &S) {
  if (!V->getType()->isPointerTy() ||
      isa<ConstantPointerNull, UndefValue>(V->stripPointerCasts()))
    return;
  // What a recursive call returns is what this function returns: assumed
  // a creation until its summary says otherwise (the SCC's fixpoint).
  if (auto *Call = dyn_cast<CallBase>(Paths.origin(V));
      Call && calledFunction(*Call) == &F)
    return;
  for (unsigned H = 0; H < Outcomes.size(); ++H)
    if (const HandleState *St = S.Handles.get(H);
        !St || !(isHandle(V, *St) || reachesHandle(V, *St) ||
                 pointsInsideHandle(H, V, *St)))
      Outcomes[H].OtherPointerReturned = true;
}

/// Notes, for every handle, what is returned where it has the statuses of
/// \p S: a constant with those statuses, or something else. Whether the
/// value is the handle at all is noteOtherPointer's, asked before the value
/// is moved anywhere (the -O0 return slot's store moves it).
void HandleFlow::noteReturned(const Value *V, const BlockState &S) {
  auto *K = dyn_cast<ConstantInt>(V);
  S.Handles.forEach([&](unsigned H, const HandleState *St) {
    HandleOutcome &Out = Outcomes[H];
    if (V->getType()->isPointerTy()) {
      uint8_t Mask = 0;
      for (uint32_t T : St->Tuples)
        Mask |= 1u << status(T);
      if (isa<ConstantPointerNull>(V)) {
        Out.NullReturnStatuses |= Mask;
      } else if (!reachesHandle(V, *St)) {
        Out.OtherReturnStatuses |= Mask;
      } else if (Sites[H]) {
        // The object is returned on a path where the creation did not run
        // (an object found instead of made): not every call creates. A
        // creation that failed (the handle null, or its status) may still
        // leave its object.
        // Optimized code returns the allocation's null where the source
        // returned NULL before creating: a path on which the value tested
        // null is a null return.
        uint32_t Failed = creationAtoms(H);
        uint32_t IsNull = 0;
        if (auto It = find(Atoms[H], static_cast<const void *>(V));
            It != Atoms[H].end())
          IsNull = 1u << (It - Atoms[H].begin());
        for (uint32_t T : St->Tuples) {
          if (status(T) == Live || (status(T) == Dead && (known(T) & Failed)))
            continue;
          if (known(T) & values(T) & IsNull)
            Out.NullReturnStatuses |= 1u << status(T);
          else
            Out.ObjectReturnedWithout = true;
        }
      }
      return;
    }
    if (!K) {
      Out.ReturnsOther = true;
      return;
    }
    // Paths on which the creator gave a null handle have none to hand
    // over; beside paths that hand one over they say nothing of what the
    // constant means (a creator that reports success gives a handle).
    uint32_t NullBit = 0;
    if (auto A = find(Atoms[H], static_cast<const void *>(&HandleNullKey));
        A != Atoms[H].end())
      NullBit = 1u << (A - Atoms[H].begin());
    uint8_t Mask = 0, NotNull = 0;
    for (uint32_t T : St->Tuples) {
      Mask |= 1u << status(T);
      if (!(status(T) == Dead && (known(T) & values(T) & NullBit)))
        NotNull |= 1u << status(T);
    }
    if (NotNull & (1u << Away))
      Mask = NotNull;
    auto It = find_if(Out.ReturnedConstants,
                      [&](const auto &E) { return E.first == K; });
    if (It == Out.ReturnedConstants.end())
      Out.ReturnedConstants.push_back({K, Mask});
    else
      It->second |= Mask;
  });
}

/// A store over the slot a handle was moved to for the caller, or over a
/// pointer on the way to it, changes what that path names: `++_M_finish`
/// after an element was constructed at `*_M_finish`. The caller would look
/// for the handle where it no longer is, so the move is given up.
void HandleFlow::staleMoves(const StoreInst &SI, const BlockState &S) {
  AccessPath Slot;
  bool Known = false;
  for (unsigned H = 0; H < Outcomes.size(); ++H) {
    HandleOutcome &Out = Outcomes[H];
    if (Out.MovedTo.empty() || Out.MovedStaleAt)
      continue;
    // Only where the handle was handed over on this path, and not a slot
    // cleared after a cancel (`*out = NULL` on an error path).
    const HandleState *St = S.Handles.get(H);
    if (!St || !St->any(Away) ||
        isa<ConstantPointerNull>(SI.getValueOperand()) ||
        isHandle(SI.getValueOperand(), *St) ||
        pointsInsideHandle(H, SI.getValueOperand(), *St))
      continue;
    if (!Known) {
      Slot = Paths.pathOf(SI.getPointerOperand()).deref();
      Known = true;
    }
    SmallVector<int64_t, 4> Rest;
    for (const AccessPath &M : Out.MovedTo)
      if (M.extends(Slot, Rest)) {
        Out.MovedStaleAt = &SI;
        break;
      }
  }
}

/// The handle is put, at \p At, into memory rooted at \p Root that this
/// function neither owns nor was given: a global, heap memory, memory
/// reached through a pointer.
void HandleFlow::escapeToMemory(unsigned H, HandleState &S, const Value *Root,
                                const Instruction &At, Pass P) {
  EscapeReason Why;
  Why.At = &At;
  if (auto *GV = dyn_cast<GlobalVariable>(Root)) {
    Why.Kind = EscapeReason::Global;
    Why.Object = GV;
  } else if (auto *CB = dyn_cast<CallBase>(Root); CB && CB->returnDoesNotAlias()) {
    Why.Kind = EscapeReason::Heap;
  } else {
    Why.Kind = EscapeReason::UnknownMemory;
  }
  if (S.any(Live) && P == Pass::Record)
    note(Outcomes[H].Escapes, EscapeEvent{&At, Why});
  S.change(Live, Away);
}

/// A read of an array that holds the handle, at an index that is not a
/// constant (`for (i = 0; i < n; i++) stop(cs[i]);`): which element it is,
/// and so whether the loop reaches this handle, cannot be followed. The
/// handle escapes there rather than being lost or overwritten by paths
/// that only see the constant slots it was stored in.
void HandleFlow::readAtVariableIndex(const LoadInst &LI, BlockState &S,
                                     Pass P) {
  auto *GEP = dyn_cast<GetElementPtrInst>(LI.getPointerOperand());
  if (!GEP || GEP->hasAllConstantIndices() || ByRoot.empty())
    return;
  const Value *Base = GEP->getPointerOperand();
  // Which byte offsets from the base the read can reach: the constant part
  // plus multiples of each index's stride.
  const DataLayout &DL = F.getParent()->getDataLayout();
  unsigned Bits = DL.getIndexTypeSizeInBits(GEP->getType());
  compat::GEPVariableOffsets Variable;
  APInt Constant(Bits, 0);
  bool Known = GEP->collectOffset(DL, Bits, Variable, Constant);
  auto MayRead = [&](int64_t Offset) {
    if (!Known || Variable.size() != 1)
      return true;
    int64_t Stride = Variable.front().second.getSExtValue();
    int64_t From = Constant.getSExtValue();
    if (Stride == 0)
      return Offset == From;
    return (Offset - From) % Stride == 0 && (Offset - From) / Stride >= 0;
  };
  candidatesOfRoot(Paths.path(Paths.idOf(Base)).Root);
  forCandidates(S, [&](unsigned H, HandleState &W) {
    SmallVector<SmallVector<int64_t, 4>, 2> Below;
    if (!W.any(Live) || !reachesHandle(Base, W, &Below) ||
        none_of(Below, [&](const SmallVector<int64_t, 4> &R) {
          return MayRead(R.front());
        }))
      return;
    EscapeReason Why;
    Why.Kind = EscapeReason::VariableIndex;
    Why.At = &LI;
    if (P == Pass::Record)
      note(Outcomes[H].Escapes, EscapeEvent{&LI, Why});
    W.change(Live, Away);
  });
}

/// In optimized code a source variable that is reassigned shows only as a
/// new debug value record: a variable holding a live handle that is given
/// another value has been overwritten.
void HandleFlow::visitDebugValues(const Instruction &I, BlockState &S,
                                  Pass P) {
  compat::forEachDebugVariable(I, [&](const Value *V, const DILocalVariable *Var,
                                      bool IsAddress, bool Whole) {
    // A record for one field of a struct variable, or for a variable of an
    // inlined callee (a reference parameter bound to the handle), says
    // nothing about whether this function's variable was overwritten.
    if (IsAddress || !Whole || !V || isa<UndefValue>(V))
      return;
    bool IsPointer = V->getType()->isPointerTy();
    if (IsPointer)
      candidatesOfValue(V);
    addCandidates(ByVar, Var);
    forCandidates(S, [&](unsigned H, HandleState &W) {
      if (IsPointer && (isHandle(V, W) || pointsInsideHandle(H, V, W))) {
        if (!is_contained(W.Vars, Var)) {
          W.Vars.push_back(Var);
          auto &List = ByVar[Var];
          if (!is_contained(List, H))
            List.push_back(H);
        }
        return;
      }
      auto It = find(W.Vars, Var);
      if (It == W.Vars.end())
        return;
      W.Vars.erase(It);
      if (!W.any(Live) || P != Pass::Record)
        return;
      // The old value may live on in SSA (a guard's copy, inlined): it
      // counts as overwritten only if it is then lost or never used.
      auto *At = dyn_cast<Instruction>(V);
      note(Outcomes[H].PendingOverwrites,
           OverwriteEvent{OverwriteEvent::Overwritten, At ? At : &I});
    });
  });
}

void HandleFlow::visitInstruction(const Instruction &I, BlockState &S, Pass P) {
  visitDebugValues(I, S, P);
  if (auto *SI = dyn_cast<StoreInst>(&I)) {
    const Value *Val = SI->getValueOperand();
    PathId AddrId = Paths.idOf(SI->getPointerOperand());
    candidatesOfValue(Val);
    candidatesOfPath(Paths.intern(Paths.path(AddrId).deref()));
    addCandidates(ByStatusSlot, AddrId);
    if (auto *Created = dyn_cast<CallBase>(Paths.origin(Val)))
      if (auto It = ByCreation.find(Created); It != ByCreation.end())
        addCandidate(It->second);
    if (Val->getType()->isAggregateType())
      candidatesOfAggregate(Val);
    // A pointer to an object that holds a handle: the handles under it go
    // where it goes (visitStore).
    if (Val->getType()->isPointerTy() && !ByRoot.empty())
      candidatesOfRoot(Paths.path(Paths.idOf(Val)).Root);
    // What is stored to the -O0 return slot is judged before the store
    // moves the handle there.
    bool ToReturnSlot = ReturnSlot && SI->getPointerOperand() == ReturnSlot &&
                        ReturnedStores.count(SI);
    if (P == Pass::Record && ToReturnSlot)
      noteOtherPointer(SI->getValueOperand(), S);
    forCandidates(S, [&](unsigned H, HandleState &W) {
      visitStore(H, W, *SI, P);
    });
    setTestedSlot(*SI, S);
    if (P == Pass::Record) {
      staleMoves(*SI, S);
      if (ToReturnSlot)
        noteReturned(SI->getValueOperand(), S);
    }
    return;
  }
  if (auto *LI = dyn_cast<LoadInst>(&I)) {
    readAtVariableIndex(*LI, S, P);
    if (P != Pass::Record)
      return;
    candidatesOfValue(LI);
    forCandidates(S, [&](unsigned H, HandleState &W) {
      if (isHandle(LI, W))
        Outcomes[H].Used = true;
    });
    return;
  }
  if (auto *EV = dyn_cast<ExtractValueInst>(&I)) {
    // The field of a struct value that carries the handle.
    const Value *Agg = EV->getAggregateOperand();
    candidatesOfAggregate(Agg);
    forCandidates(S, [&](unsigned H, HandleState &W) {
      if (std::optional<int64_t> Field = fieldHoldingHandle(Agg, W)) {
        const DataLayout &DL = F.getParent()->getDataLayout();
        if (fieldOffset(DL, Agg->getType(), EV->getIndices()) == *Field)
          addPath(H, W, Paths.idOf(EV));
      }
    });
    return;
  }
  if (auto *Sel = dyn_cast<SelectInst>(&I)) {
    candidatesOfValue(Sel->getTrueValue());
    candidatesOfValue(Sel->getFalseValue());
    forCandidates(S, [&](unsigned H, HandleState &W) {
      if (isHandle(Sel->getTrueValue(), W) || isHandle(Sel->getFalseValue(), W))
        addPath(H, W, Paths.idOf(Sel));
    });
    return;
  }
  if (auto *CB = dyn_cast<CallBase>(&I)) {
    visitCall(*CB, S, P);
    return;
  }
  if (auto *RI = dyn_cast<ReturnInst>(&I)) {
    // Nothing follows a return: only the recording sweep looks at it.
    if (P != Pass::Record)
      return;
    // A constant returned here (phis and the -O0 return slot say theirs on
    // the way).
    if (const Value *V = RI->getReturnValue();
        V && (V->getType()->isIntegerTy() || V->getType()->isPointerTy()) &&
        V != ReturnPhi &&
        !(ReturnSlot && isa<LoadInst>(V) &&
          cast<LoadInst>(V)->getPointerOperand() == ReturnSlot)) {
      const BasicBlock &Home = *RI->getParent();
      if (const BasicBlock *Pred = Home.getSinglePredecessor())
        V = valueOnEdge(V, *Pred, Home);
      noteOtherPointer(V, S);
      noteReturned(V, S);
    }
    forAllHandles(S, [&](unsigned H, HandleState &W) {
      visitExit(H, W, I, P, /*Throw=*/false, RI->getReturnValue(), S);
    });
    return;
  }
  if (isa<ResumeInst>(&I)) {
    if (P != Pass::Record)
      return;
    forAllHandles(S, [&](unsigned H, HandleState &W) {
      visitExit(H, W, I, P, /*Throw=*/true, nullptr, S);
    });
    return;
  }
  if (P != Pass::Record || isa<PHINode>(&I) || isa<GetElementPtrInst>(&I) ||
      isa<CastInst>(&I))
    return;
  for (const Value *Op : I.operands())
    if (Op->getType()->isPointerTy())
      candidatesOfValue(Op);
  forCandidates(S, [&](unsigned H, HandleState &W) {
    for (const Value *Op : I.operands())
      if (Op->getType()->isPointerTy() && isHandle(Op, W))
        Outcomes[H].Used = true;
  });
}

} // namespace cancelverify
