//===- SharedOwnerTransfer.cpp - Handles owned by std::shared_ptr ---------===//
//
// The dataflow's side of SharedOwner.h. A handle adopted by a shared owner
// whose deleter discharges it keeps a list of the owners that hold a share
// (HandleState::Owners); copies join the list, moves hand a place on it
// over, and the handle is discharged where the last owner lets go: the
// destructor or reset() of the last copy, as the standard says. An owner
// copied into memory the caller passed hands the handle to the caller; into
// other memory it escapes. A handle the function received as an owner
// object (returned by value by a creator, or at a parameter) counts its
// first name as an owner.
//
// What the deleter does is asked of its summary: a function pointer given
// to the constructor, the call operator of a functor or lambda class, or
// `operator delete` for the default deleter. A deleter that leaves the
// handle alone adopts nothing (the handle is still owed); one that cannot
// be followed is an escape.
//
// In optimized code the constructor is inlined: the handle is stored into
// the control block inside the constructor's inlined frame, next to the
// control block's virtual table and the deleter itself. The control block's
// dispose function (what the last owner runs) is then asked, knowing the
// functions stored beside the handle; the handle is discharged at the
// adoption, as optimized code no longer shows the owners.
//
//===----------------------------------------------------------------------===//
#include "HandleFlow.h"

#include "cancelverify/ApiModel.h"
#include "cancelverify/SourceFrames.h"

#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

using namespace llvm;
using namespace cancelverify::flow;

namespace cancelverify {

/// Whether \p Owner holds a share of the handle in \p S: a listed owner,
/// or a name of the handle now operated on as an owner object (one that
/// came in as a shared pointer), which is listed from then on.
bool HandleFlow::ownsShare(const HandleState &S, PathId Owner) {
  return is_contained(S.Owners, Owner) || S.holds(Owner);
}

static void claim(HandleState &S, PathId Owner) {
  if (!is_contained(S.Owners, Owner))
    S.Owners.push_back(Owner);
}

static void letGo(HandleState &S, PathId Owner) {
  auto It = find(S.Owners, Owner);
  if (It != S.Owners.end())
    S.Owners.erase(It);
  S.remove(Owner);
}

void HandleFlow::addOwner(unsigned H, HandleState &S, PathId Owner,
                          const CallBase &CB, Pass P) {
  claim(S, Owner);
  addPath(H, S, Owner);
  const AccessPath &Where = Paths.path(Owner);
  if (isa<AllocaInst>(Where.Root) || isFreshAllocation(Where.Root))
    return;
  // An owner built in memory the caller gave (the return slot, an object
  // being constructed): the caller holds that share.
  if (isa<Argument>(Where.Root)) {
    handToCaller(H, S, CB, Where, TransferKind::CopiedForCaller, P);
    return;
  }
  escapeToMemory(H, S, Where.Root, CB, P);
}

/// Whether every owner's destructor and reset() in this function is a
/// call (code that was not optimized), so that owners can be followed to
/// the last. Optimized code inlines them, often on some paths only.
bool HandleFlow::ownerReleasesVisible() {
  if (ReleasesVisible)
    return *ReleasesVisible;
  bool Calls = false, Inlined = false;
  SharedOwnerOps &Ops = HS.sharedOwners();
  for (const BasicBlock &BB : F)
    for (const Instruction &I : BB) {
      if (auto *CB = dyn_cast<CallBase>(&I))
        if (const SharedOwnerOp *Op = Ops.of(*CB);
            Op && Op->K == SharedOwnerOp::Release)
          Calls = true;
      if (I.getDebugLoc() && I.getDebugLoc().getInlinedAt() &&
          Ops.inReleaseFrame(I))
        Inlined = true;
    }
  ReleasesVisible = Calls && !Inlined;
  return *ReleasesVisible;
}

/// \p Owner gives up its share; the last one to do so runs the deleter.
bool HandleFlow::releaseShare(unsigned H, HandleState &S, PathId Owner,
                              const CallBase &CB, Pass P) {
  if (!ownsShare(S, Owner))
    return false;
  claim(S, Owner);
  letGo(S, Owner);
  if (!S.Owners.empty())
    return true;
  if (!S.any(Live))
    return true;
  DischargeWitness How;
  if (auto It = OwnerDeleters.find(H); It != OwnerDeleters.end())
    How = It->second;
  if (P == Pass::Record)
    Outcomes[H].Used = true;
  // Named as the deleter's discharge through the member that ran it
  // (reset(), or the destructor, which messages call a guard).
  dischargeAt(H, S, CB, How, P, calleeNamed(CB));
  return true;
}

HandleFlow::DeleterAnswer
HandleFlow::functionDeletes(const Function &D, const AccessPath &Handle,
                            const Instruction &At, const CallContext &Context) {
  DeleterAnswer A;
  auto *Param = dyn_cast<Argument>(Handle.Root);
  if (!Param)
    return A;
  // The model speaks for a modelled deleter: it discharges by a role, or
  // cannot be judged.
  if (HS.model().rolesOf(&D)) {
    std::optional<DischargeKind> Kind =
        Handle.Offsets.size() == 1
            ? modelledDischarge(HS.model(), D, Param->getArgNo())
            : std::nullopt;
    if (Kind) {
      A.Kind = DeleterAnswer::Discharges;
      A.How = {*Kind, &At, &D};
    }
    return A;
  }
  if (D.isDeclaration())
    return A;
  CalleeEffect E = HS.effectOf(D, Handle, Context);
  if (E.Escape)
    return A;
  if (E.Discharge == CalleeEffect::All) {
    A.Kind = DeleterAnswer::Discharges;
    A.How = E.How.At ? E.How : DischargeWitness{DischargeKind::Cancelled, &At, &D};
  } else if (E.Discharge == CalleeEffect::None && !E.Returned &&
             E.MovedTo.empty()) {
    A.Kind = DeleterAnswer::Keeps;
  }
  return A;
}

HandleFlow::DeleterAnswer HandleFlow::deleterOf(const CallBase &CB,
                                                const SharedOwnerOp &Op) {
  const Module &M = *CB.getModule();
  switch (Op.Deleter) {
  case SharedOwnerOp::DefaultDelete:
    // `delete p`: a verdict only when the model says delete discharges.
    for (StringRef Name : {"_ZdlPv", "_ZdlPvm"})
      if (const Function *D = M.getFunction(Name); D && D->arg_size() >= 1)
        if (DeleterAnswer A =
                functionDeletes(*D, AccessPath::rootOf(D->getArg(0)), CB);
            A.Kind == DeleterAnswer::Discharges)
          return A;
    return DeleterAnswer();
  case SharedOwnerOp::Pointer:
    if (auto *D = dyn_cast<Function>(CB.getArgOperand(2)->stripPointerCasts());
        D && D->arg_size() >= 1)
      return functionDeletes(*D, AccessPath::rootOf(D->getArg(0)), CB);
    break;
  case SharedOwnerOp::Callable:
    if (const Function *D = HS.sharedOwners().callOperator(M, Op.DeleterClass);
        D && D->arg_size() >= 2)
      return functionDeletes(*D, AccessPath::rootOf(D->getArg(1)), CB);
    break;
  }
  // The deleter is not at hand (optimized code inlined a functor's call
  // operator into the member): ask the member itself, whose body adopts
  // the pointer into a control block (adoptedBySharedOwner).
  const Function *Member = calleeNamed(CB);
  if (!Member || Member->isDeclaration() || Op.Object >= Member->arg_size())
    return DeleterAnswer();
  CalleeEffect E =
      HS.effectOf(*Member, AccessPath::rootOf(Member->getArg(Op.Object)));
  DeleterAnswer A;
  if (!E.Escape && E.Discharge == CalleeEffect::All) {
    // Named at this call: the member's own code is library code.
    A.Kind = DeleterAnswer::Discharges;
    A.How = {E.How.Kind, &CB, E.How.Callee};
  }
  return A;
}

void HandleFlow::unknownDeleter(unsigned H, HandleState &S,
                                const Instruction &At, Pass P) {
  EscapeReason Why;
  Why.Kind = EscapeReason::UnknownDeleter;
  Why.At = &At;
  if (S.any(Live) && P == Pass::Record)
    note(Outcomes[H].Escapes, EscapeEvent{&At, Why});
  S.change(Live, Away);
}

/// Applies an operation on a shared owner to the handle \p H; false when
/// neither the owner nor the pointer it adopts is this handle.
bool HandleFlow::sharedOwnerOperation(unsigned H, HandleState &S,
                                      const CallBase &CB,
                                      const SharedOwnerOp &Op, Pass P) {
  HandleOutcome &Out = Outcomes[H];
  PathId This = Paths.idOf(CB.getArgOperand(0));
  if (Op.K == SharedOwnerOp::Release)
    return releaseShare(H, S, This, CB, P);
  const Value *Object = CB.getArgOperand(Op.Object);
  PathId Other = Paths.idOf(Object);
  bool Touched = false;
  if (Op.releasesFirst() && Other != This)
    Touched = releaseShare(H, S, This, CB, P);

  if (Op.adopts()) {
    if (!isHandle(Object, S))
      return Touched;
    if (P == Pass::Record)
      Out.Used = true;
    DeleterAnswer D = deleterOf(CB, Op);
    switch (D.Kind) {
    case DeleterAnswer::Keeps:
      // The deleter leaves the handle alone: it is owed as before.
      return true;
    case DeleterAnswer::Unknown:
      unknownDeleter(H, S, CB, P);
      return true;
    case DeleterAnswer::Discharges:
      // Optimized code inlines the owners' destructors: with none left to
      // see, the handle is the owner's from the adoption on.
      if (!ownerReleasesVisible()) {
        dischargeAt(H, S, CB, D.How, P);
        return true;
      }
      OwnerDeleters[H] = D.How;
      addOwner(H, S, This, CB, P);
      return true;
    }
    return true;
  }

  if (Op.K == SharedOwnerOp::Swap) {
    bool Mine = ownsShare(S, This), Theirs = ownsShare(S, Other);
    if (Mine == Theirs)
      return Mine;
    letGo(S, Mine ? This : Other);
    addOwner(H, S, Mine ? Other : This, CB, P);
    return true;
  }

  // Copies and moves, by construction or assignment.
  if (Other == This || !ownsShare(S, Other))
    return Touched;
  if (P == Pass::Record)
    Out.Used = true;
  claim(S, Other);
  addOwner(H, S, This, CB, P);
  if (Op.K == SharedOwnerOp::Move || Op.K == SharedOwnerOp::MoveAssign)
    letGo(S, Other);
  return true;
}

/// The first function of the dispose kind a virtual table holds.
static const Function *disposeIn(const GlobalVariable &VTable) {
  if (!VTable.hasInitializer())
    return nullptr;
  SmallVector<const Constant *, 8> Work{VTable.getInitializer()};
  while (!Work.empty()) {
    const Constant *C = Work.pop_back_val();
    if (auto *Fn = dyn_cast<Function>(C->stripPointerCasts())) {
      if (SharedOwnerOps::isDispose(*Fn))
        return Fn;
      continue;
    }
    if (isa<ConstantAggregate>(C))
      for (const Use &U : C->operands())
        Work.push_back(cast<Constant>(U.get()));
  }
  return nullptr;
}

/// \p SI stores the handle inside the inlined adopting member whose call
/// is \p OwnerCall (SharedOwnerOps::adoptingFrame).
bool HandleFlow::adoptedBySharedOwner(unsigned H, HandleState &S,
                                      const StoreInst &SI,
                                      const DILocation *OwnerCall, Pass P) {
  const DataLayout &DL = F.getParent()->getDataLayout();
  int64_t HandleOffset = 0;
  const Value *Block = GetPointerBaseWithConstantOffset(
      SI.getPointerOperand(), HandleOffset, DL);
  auto SameInstance = [&](const Instruction &I) {
    return any_of(inlinedFrames(I), [&](const InlinedFrame &Fr) {
      return Fr.CallSite.get() == OwnerCall;
    });
  };
  // What the inlined constructor stored into the control block beside the
  // handle: its virtual table, and functions (a deleter pointer).
  const Function *Dispose = nullptr;
  SmallVector<std::pair<int64_t, const Function *>, 2> Stored;
  for (const Instruction &I : *SI.getParent()) {
    auto *St = dyn_cast<StoreInst>(&I);
    if (!St || St == &SI || !SameInstance(*St))
      continue;
    int64_t Offset = 0;
    if (GetPointerBaseWithConstantOffset(St->getPointerOperand(), Offset,
                                         DL) != Block)
      continue;
    const Value *V = St->getValueOperand();
    if (auto *Fn = dyn_cast<Function>(V->stripPointerCasts()))
      Stored.push_back({Offset, Fn});
    else if (auto *VT = dyn_cast<GlobalVariable>(V->stripInBoundsOffsets());
             VT && Offset == 0 && !Dispose)
      Dispose = disposeIn(*VT);
  }
  if (!Dispose || Dispose->arg_size() < 1) {
    unknownDeleter(H, S, SI, P);
    return true;
  }
  const Argument *CB0 = Dispose->getArg(0);
  AccessPath Handle = AccessPath::rootOf(CB0);
  Handle.Offsets = {HandleOffset, 0};
  CallContext Context;
  for (const auto &[Offset, Fn] : Stored) {
    AccessPath Slot = AccessPath::rootOf(CB0);
    Slot.Offsets = {Offset};
    Context.FunctionSlots.push_back({Slot, Fn});
  }
  DeleterAnswer D = functionDeletes(*Dispose, Handle, SI, Context);
  switch (D.Kind) {
  case DeleterAnswer::Unknown:
    unknownDeleter(H, S, SI, P);
    return true;
  case DeleterAnswer::Keeps:
    if (P == Pass::Record)
      Outcomes[H].Used = true;
    return true;
  case DeleterAnswer::Discharges:
    if (P == Pass::Record)
      Outcomes[H].Used = true;
    // Named at the adoption: the dispose function is library code.
    dischargeAt(H, S, SI, {D.How.Kind, &SI, D.How.Callee}, P);
    return true;
  }
  return false;
}

} // namespace cancelverify
