//===- HandleCallTransfer.cpp - What a call does to a handle ---------------===//
//
// A call discharges the handle (`cancel`, `defer`, calling a function-pointer
// handle), copies it (memcpy), creates it, or gives a callee access to it.
// Then the callee's effect is looked up for the access path the handle sits
// at and for what this path knows of the arguments: a helper that cancels
// only when `rc >= 0` cancels on the paths where that is known. A callee
// without a body or model, or an indirect call that cannot be resolved,
// lets the handle escape.
//
//===----------------------------------------------------------------------===//
#include "HandleFlow.h"

#include "cancelverify/ApiModel.h"

#include "cancelverify/CallTarget.h"
#include "cancelverify/SourceFrames.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

#include <algorithm>

using namespace llvm;

namespace cancelverify {

using namespace flow;

void HandleFlow::relatedPaths(const Value *V, const HandleState &S,
                              SmallVectorImpl<SmallVector<int64_t, 4>> &Out) {
  AccessPath Base = Paths.pathOf(V);
  SmallVector<int64_t, 4> Rest;
  for (PathId E : S.Exprs)
    for (PathId A : Paths.spellings(E))
      if (Paths.path(A).extends(Base, Rest) && !is_contained(Out, Rest))
        Out.push_back(Rest);
}

/// Whether the object \p V points to holds the handle as the value of one
/// of its fields: a handle class small enough to come back in a register
/// (`Subscription s = feed.Subscribe(1);` stores the returned pointer into
/// `s`), whose member annotated `handle=this` is then given the object.
bool HandleFlow::holdsHandle(const Value *V, const HandleState &S) {
  SmallVector<SmallVector<int64_t, 4>, 2> Rel;
  relatedPaths(V, S, Rel);
  return any_of(Rel, [](const SmallVector<int64_t, 4> &Rest) {
    return Rest.size() == 2 && Rest[1] == 0;
  });
}

/// The function an indirect call reaches when the caller said which function
/// the slot it loads from holds.
const Function *HandleFlow::contextCallee(const CallBase &CB) {
  auto *LI = dyn_cast<LoadInst>(CB.getCalledOperand()->stripPointerCasts());
  if (!LI || !Context)
    return nullptr;
  AccessPath Slot = Paths.pathOf(LI->getPointerOperand());
  for (const auto &[Known, Fn] : Context->FunctionSlots)
    if (Known == Slot)
      return Fn;
  return nullptr;
}

/// What is known at \p CB for \p Callee: which slots of the objects passed
/// hold which function (slots written once with a function, and what this
/// function's own caller said), and the caller facts (CallerFacts.cpp).
CallContext HandleFlow::contextFor(const CallBase &CB, const Function &Callee) {
  // The same for every handle, group and pass at this call (the caller
  // facts walk back through the code before it): computed once.
  auto It = Contexts.find({&CB, &Callee});
  if (It == Contexts.end())
    It = Contexts.try_emplace({&CB, &Callee}, computeContext(CB, Callee)).first;
  return It->second;
}

CallContext HandleFlow::computeContext(const CallBase &CB,
                                       const Function &Callee) {
  CallContext C;
  SmallVector<std::pair<AccessPath, const Function *>, 4> Known(
      Paths.functionSlots().begin(), Paths.functionSlots().end());
  if (Context)
    Known.append(Context->FunctionSlots.begin(), Context->FunctionSlots.end());
  addCallerFacts(CB, Callee, C);
  if (Known.empty())
    return C;
  SmallVector<int64_t, 4> Rest;
  for (unsigned I = 0; I < CB.arg_size() && I < Callee.arg_size(); ++I) {
    if (!CB.getArgOperand(I)->getType()->isPointerTy())
      continue;
    AccessPath A = Paths.pathOf(CB.getArgOperand(I));
    for (const auto &[Slot, Fn] : Known)
      if (Slot.extends(A, Rest) && Rest.size() == 1) {
        AccessPath CalleeSlot = AccessPath::rootOf(Callee.getArg(I));
        CalleeSlot.Offsets[0] = Rest[0];
        C.FunctionSlots.push_back({CalleeSlot, Fn});
      }
  }
  llvm::sort(C.FunctionSlots, [](const auto &L, const auto &R) {
    return L.first < R.first;
  });
  return C;
}

void HandleFlow::callCandidates(const CallBase &CB) {
  if (auto It = ByCreation.find(&CB); It != ByCreation.end())
    addCandidate(It->second);
  if (ByRoot.empty())
    return;
  candidatesOfValue(CB.getCalledOperand());
  for (const Value *A : CB.args())
    if (A->getType()->isPointerTy() || A->getType()->isIntegerTy())
      candidatesOfRoot(Paths.path(Paths.idOf(A)).Root);
}

void HandleFlow::visitCall(const CallBase &CB, BlockState &S, Pass P) {
  auto Created = ByCreation.find(&CB);
  std::optional<unsigned> Creates;
  if (Created != ByCreation.end())
    Creates = Created->second;
  auto RecordThrow = [&] {
    forAllHandles(S, [&](unsigned H, HandleState &W) {
      if (H != Creates && !dischargedBeforeThrow(H, W, CB))
        visitExit(H, W, CB, P, /*Throw=*/true, nullptr, S);
    });
  };
  if (isThrowCall(CB)) {
    // An invoked throw goes to this function's own handler or cleanup.
    if (isa<CallInst>(CB) && P == Pass::Record)
      RecordThrow();
    return;
  }
  // A call to a function known to throw may leave here by an exception,
  // before the call's own effect.
  if (P == Pass::Record && isa<CallInst>(CB) && !F.doesNotThrow())
    if (auto *Callee = calledFunction(CB); Callee && HS.knownToThrow(*Callee))
      RecordThrow();
  if (auto *MT = dyn_cast<AnyMemTransferInst>(&CB)) {
    if (ByRoot.empty())
      return;
    candidatesOfRoot(Paths.path(Paths.idOf(MT->getRawSource())).Root);
    candidatesOfRoot(Paths.path(Paths.idOf(MT->getRawDest())).Root);
    forCandidates(S, [&](unsigned H, HandleState &W) {
      visitMemTransfer(H, W, CB, P);
    });
    return;
  }
  if (isa<IntrinsicInst>(CB))
    return; // lifetime markers, debug info, annotations, assumes
  callCandidates(CB);
  forCandidates(S, [&](unsigned H, HandleState &W) {
    if (H == Creates)
      createHere(H, W, P);
    else
      visitCallFor(H, W, CB, P);
  });
}

/// Copying an object copies the handle it holds (struct copies and lambda
/// captures at -O0).
void HandleFlow::visitMemTransfer(unsigned H, HandleState &S,
                                  const CallBase &CB, Pass P) {
  auto &MT = cast<AnyMemTransferInst>(CB);
  AccessPath Src = Paths.pathOf(MT.getRawSource());
  AccessPath Dst = Paths.pathOf(MT.getRawDest());
  int64_t Len = -1;
  if (auto *C = dyn_cast<ConstantInt>(MT.getLength()))
    Len = C->getSExtValue();
  // The bytes of a std::function that is the handle, copied by its
  // inlined copy or move: the destination is the handle too.
  bool ObjectCopy = HS.callables().inCopyFrame(CB);
  SmallVector<AccessPath, 4> New;
  SmallVector<int64_t, 4> Rest;
  for (PathId E : S.Exprs)
    for (PathId A : Paths.spellings(E))
      if (Paths.path(A).extends(Src, Rest, Len) &&
          (Rest.size() >= 2 ||
           (ObjectCopy && Rest.size() == 1 && Rest[0] == 0)))
        New.push_back(Dst.then(Rest));
  // The copy writes over a slot of the destination that held the handle
  // (`s = feed.Subscribe(...)` copying a new handle object over `s`),
  // unless it writes the same handle back. Only a local object is the
  // same memory each time: an element at a variable index (`*(top++) =
  // v` in a loop) is another one on every trip.
  if (Len > 0 && isa<AllocaInst>(Dst.Root) && Dst.Offsets.size() == 1) {
    SmallVector<AccessPath, 2> Over;
    for (PathId E : S.Exprs) {
      const AccessPath &EP = Paths.path(E);
      if (EP.extends(Dst, Rest, Len) && Rest.size() == 2 && Rest[1] == 0 &&
          !is_contained(New, EP))
        Over.push_back(EP);
    }
    for (const AccessPath &Slot : Over)
      overwriteSlot(H, S, Slot, CB, P);
  }
  for (const AccessPath &D : New) {
    if (isa<Argument>(D.Root)) {
      handToCaller(H, S, CB, D, TransferKind::CopiedForCaller, P);
    } else if ((!isa<AllocaInst>(D.Root) && !isFreshAllocation(D.Root)) ||
               storedBehindPointer(D)) {
      // Into memory named by nothing this function holds (an element at
      // a variable index, `dst[i] = v`, or where a local pointer that is
      // moved along points, `*(top++) = v`): others reach it there, as
      // for a store.
      if (P == Pass::Record)
        Outcomes[H].Used = true;
      escapeToMemory(H, S, D.Root, CB, P);
      continue;
    }
    addPath(H, S, D);
  }
}

SmallVector<std::pair<const ResolvedRole *, DischargeKind>, 3>
dischargingRoles(const FunctionRoles &Roles) {
  SmallVector<std::pair<const ResolvedRole *, DischargeKind>, 3> Out;
  for (const auto &[R, Kind] :
       {std::make_pair(&Roles.Cancel, DischargeKind::Cancelled),
        std::make_pair(&Roles.Defer, DischargeKind::Deferred),
        std::make_pair(&Roles.Take, DischargeKind::Taken)})
    if (*R && (*R)->Handle.Kind == IRPosition::Argument)
      Out.push_back({&**R, Kind});
  return Out;
}

/// Records, once per call, that \p CB discharges the handle \p H as \p How,
/// and marks it discharged on this path.
void HandleFlow::dischargeAt(unsigned H, HandleState &S, const Instruction &At,
                             const DischargeWitness &How, Pass P,
                             const Function *Through) {
  HandleOutcome &Out = Outcomes[H];
  if (P == Pass::Record &&
      none_of(Out.Discharges,
              [&](const DischargeEvent &D) { return D.I == &At; }))
    Out.Discharges.push_back({&At, How, Through});
  S.change(Live, Done);
}

/// The arguments of \p CB that give the callee the handle, each with the
/// handle's path relative to the argument.
void HandleFlow::passedPaths(
    const CallBase &CB, const HandleState &S,
    SmallVectorImpl<std::pair<unsigned, SmallVector<int64_t, 4>>> &Passed) {
  for (unsigned I = 0; I < CB.arg_size(); ++I) {
    const Value *A = CB.getArgOperand(I);
    if (!A->getType()->isPointerTy() && !A->getType()->isIntegerTy())
      continue;
    SmallVector<SmallVector<int64_t, 4>, 2> Rel;
    relatedPaths(A, S, Rel);
    for (auto &R : Rel)
      Passed.push_back({I, R});
  }
}

/// What \p T does with the handle at \p Rest from its argument \p ArgNo,
/// called at \p CB by a path that knows \p Facts of the arguments.
CalleeEffect
HandleFlow::calleeEffect(const Function &T, unsigned ArgNo,
                         ArrayRef<int64_t> Rest, const CallBase &CB,
                         ArrayRef<CallContext::ConditionFact> Facts) {
  AccessPath CE = AccessPath::rootOf(T.getArg(ArgNo));
  CE.Offsets.assign(Rest.begin(), Rest.end());
  CallContext Ctx = contextFor(CB, T);
  Ctx.Conditions.assign(Facts.begin(), Facts.end());
  return HS.effectOf(T, CE, Ctx);
}

void HandleFlow::visitCallFor(unsigned H, HandleState &S, const CallBase &CB,
                              Pass P) {
  HandleOutcome &Out = Outcomes[H];
  const FunctionRoles *Roles = HS.model().rolesOfCall(CB);
  const Function *Callee = calleeNamed(CB);
  // An indirect call through a slot the caller filled with a modelled
  // function (a deleter kept in an object) is a call of that function.
  // So is one that can reach a single modelled function only (a slot of a
  // constant table, a local written once).
  const Function *Known = Callee ? nullptr : contextCallee(CB);
  if (!Callee && !Known && !Roles)
    if (SmallVector<const Function *, 2> T = HS.resolveCallees(CB, Paths);
        T.size() == 1 && T.front()->isDeclaration())
      Known = T.front();
  if (!Roles && Known)
    Roles = HS.model().rolesOf(Known);

  if (Roles)
    for (const auto &[R, Kind] : dischargingRoles(*Roles)) {
      if (R->Handle.ArgNo >= CB.arg_size())
        continue;
      const Value *A = CB.getArgOperand(R->Handle.ArgNo);
      if (!isHandle(A, S) &&
          !(R->Spec.Handle.Kind == SourcePosition::This && holdsHandle(A, S)))
        continue;
      if (P == Pass::Record)
        Out.Used |= S.any(Live);
      dischargeAt(H, S, CB, {Kind, &CB, Callee ? Callee : Known}, P);
      return;
    }

  // A std::function that is the handle: called, copied, destroyed.
  if (std::optional<CallableOp> Op = HS.callables().of(CB);
      Op && callableOperation(H, S, CB, *Op, P))
    return;

  // A std::shared_ptr that owns the handle: adopted, copied, released.
  if (const SharedOwnerOp *Op = HS.sharedOwners().of(CB);
      Op && sharedOwnerOperation(H, S, CB, *Op, P))
    return;

  // Calling the handle itself (a cancel function pointer).
  if (!Callee && isHandle(CB.getCalledOperand(), S)) {
    if (P == Pass::Record)
      Out.Used = true;
    dischargeAt(H, S, CB, {DischargeKind::Called, &CB, nullptr}, P);
    return;
  }

  // A callee that stores a pointer it was given into an object it was
  // given (a unique_ptr constructor keeping the guard it now owns) puts
  // what the pointer reaches there, as a store here would.
  if (Callee && !Callee->isDeclaration())
    for (const ArgumentStore &AS : HS.argumentStores(*Callee))
      if (!AS.SrcFunction && AS.SrcArg < CB.arg_size() &&
          AS.DestArg < CB.arg_size() &&
          CB.getArgOperand(AS.SrcArg)->getType()->isPointerTy())
        storedPointer(
            H, S, CB.getArgOperand(AS.SrcArg),
            Paths.pathOf(CB.getArgOperand(AS.DestArg)).then(AS.DestOffsets), CB,
            P);

  SmallVector<std::pair<unsigned, SmallVector<int64_t, 4>>, 4> Passed;
  passedPaths(CB, S, Passed);
  // A function without a body given a C++ reference to one member of the
  // object that holds the handle in another (the context beside the cancel
  // function of a returned pair) cannot reach the handle: it is not given.
  erase_if(Passed, [&](const auto &Arg) {
    uint64_t Bytes = HS.reachableBytes(CB, Arg.first);
    return Bytes && Arg.second.front() >= 0 &&
           uint64_t(Arg.second.front()) >= Bytes;
  });
  if (Passed.empty())
    return;
  if (P == Pass::Record)
    Out.Used = true;
  // The model speaks for a modelled function: other than where a role puts
  // or takes a handle, it only borrows what it is given (a parent context,
  // a handle to wait on). A creator writing its new handle where this one
  // is overwrites it.
  if (Roles) {
    const std::optional<ResolvedRole> &C = Roles->Create;
    if (C && C->Handle.Kind == IRPosition::Argument && !C->Handle.ViaSRet &&
        C->Spec.Handle.Kind != SourcePosition::This)
      for (const auto &[ArgNo, Rest] : Passed)
        if (ArgNo == C->Handle.ArgNo && Rest.size() == 2 && Rest[0] == 0 &&
            Rest[1] == 0) {
          overwriteSlot(H, S, Paths.pathOf(CB.getArgOperand(ArgNo)).deref(),
                        CB, P);
          break;
        }
    return;
  }
  passToCallees(H, S, CB, P, Passed);
}

/// Whether \p Place, where a callee put handle \p H, is memory neither this
/// function nor its caller owns: rooted at something other than a local,
/// an argument or an allocation of ours. A handle that is an object (a
/// std::function returned through sret) is at its path; one that is a
/// value is loaded from it.
/// The place in this function that the callee's access path \p CalleePath
/// names at the call \p CB: rooted at a parameter, the memory the call
/// passed for it; rooted at the callee itself, the object the call
/// returned.
AccessPath HandleFlow::atCall(const CallBase &CB,
                              const AccessPath &CalleePath) {
  const Value *Base = &CB;
  if (auto *A = dyn_cast<Argument>(CalleePath.Root))
    Base = CB.getArgOperand(A->getArgNo());
  return Paths.pathOf(Base).then(CalleePath.Offsets);
}

bool HandleFlow::inMemoryOfOthers(unsigned H, const AccessPath &Place) {
  bool IsObject = Sites[H] && Sites[H]->CalleeExpr &&
                  Sites[H]->CalleeExpr->Offsets.size() == 1;
  if (!IsObject && Place.Offsets.size() < 2)
    return false;
  AccessPath C = Paths.canonicalize(Place);
  return !isa<Argument>(C.Root) && !isa<AllocaInst>(C.Root) &&
         !isFreshAllocation(C.Root) && !isa<Argument>(Place.Root) &&
         !isa<AllocaInst>(Place.Root) && !isFreshAllocation(Place.Root);
}

/// Applies a std::function operation when its object is the handle \p H;
/// false when it is not (a std::function wrapping a local lambda is
/// followed into the lambda instead).
bool HandleFlow::callableOperation(unsigned H, HandleState &S,
                                   const CallBase &CB, const CallableOp &Op,
                                   Pass P) {
  HandleOutcome &Out = Outcomes[H];
  const Value *Object = CB.getArgOperand(Op.Object);
  const Value *Dest = CB.getArgOperand(Op.Dest);
  switch (Op.K) {
  case CallableOp::Invoke:
    if (!isHandle(Object, S))
      return false;
    if (P == Pass::Record)
      Out.Used |= S.any(Live);
    dischargeAt(H, S, CB, {DischargeKind::Called, &CB, nullptr}, P);
    return true;
  case CallableOp::Copy:
  case CallableOp::Swap: {
    // A copy or a move names the same cancel: calling either discharges.
    // A swap is followed as a copy each way.
    bool ObjectIs = isHandle(Object, S);
    if (!ObjectIs) {
      bool DestIs = isHandle(Dest, S);
      // Assigning another cancel over one that holds the handle destroys
      // that copy (`cancel = WithTimeout(...)` while the first is live).
      if (DestIs && Op.K == CallableOp::Copy) {
        replaceObject(H, S, Dest, CB, P);
        return true;
      }
      if (!DestIs)
        return false;
    }
    AccessPath Copy = Paths.pathOf(ObjectIs ? Dest : Object);
    // Into memory the caller owns (the object a constructor builds, the
    // return slot): the caller now holds it.
    if (isa<Argument>(Copy.Root)) {
      handToCaller(H, S, CB, Copy, TransferKind::CopiedForCaller, P);
    } else if (AccessPath C = Paths.canonicalize(Copy);
               C.Offsets.size() > 1 ||
               (!isa<AllocaInst>(C.Root) && !isFreshAllocation(C.Root))) {
      // Into storage reached through a pointer (a std::vector's buffer at
      // its end pointer, inlined push_back): other pointers reach it by
      // paths this one does not match, as for a store there.
      if (P == Pass::Record)
        Out.Used = true;
      escapeToMemory(H, S, C.Root, CB, P);
      return true;
    }
    PathId CopyId = Paths.intern(Copy);
    addPath(H, S, CopyId);
    // A reference to the destination kept earlier (a lambda capturing
    // `cancel` by reference before `cancel = other`) now reaches this one.
    for (PathId R : Paths.referrers(CopyId))
      addPath(H, S, R);
    if (P == Pass::Record)
      Out.Used = true;
    return true;
  }
  case CallableOp::Keep:
    return isHandle(Object, S);
  }
  return false;
}

/// The std::function at \p Dest, a copy of handle \p H, now holds
/// something else: the handle is overwritten unless another copy holds it.
void HandleFlow::replaceObject(unsigned H, HandleState &S, const Value *Dest,
                               const CallBase &CB, Pass P) {
  AccessPath Replaced = Paths.canonicalize(Paths.pathOf(Dest));
  SmallVector<PathId, 4> Gone;
  for (PathId E : S.Exprs)
    if (Paths.canonicalize(Paths.path(E)) == Replaced)
      Gone.push_back(E);
  for (PathId E : Gone)
    S.remove(E);
  if (P == Pass::Record)
    Outcomes[H].Used = true;
  if (!S.Exprs.empty())
    return;
  if (S.any(Live) && P == Pass::Record)
    note(Outcomes[H].Overwrites,
         OverwriteEvent{OverwriteEvent::Overwritten, &CB});
  S.change(Live, Away);
}

/// Whether every exception \p CB lets out leaves after its callee
/// discharged the handle \p H it was given (a constructor that calls the
/// deleter it was given and rethrows).
bool HandleFlow::dischargedBeforeThrow(unsigned, const HandleState &S,
                                       const CallBase &CB) {
  if (!S.any(Live))
    return false;
  SmallVector<const Function *, 2> Targets = callTargets(CB);
  if (Targets.empty())
    return false;
  SmallVector<std::pair<unsigned, SmallVector<int64_t, 4>>, 4> Passed;
  passedPaths(CB, S, Passed);
  return any_of(Passed, [&](const auto &Arg) {
    return all_of(Targets, [&](const Function *T) {
      return !T->isDeclaration() && Arg.first < T->arg_size() &&
             calleeEffect(*T, Arg.first, Arg.second, CB, {})
                 .DischargedBeforeThrow;
    });
  });
}

/// The functions a call reaches: the callee, or for an indirect call the
/// targets that can be known (empty when none can).
SmallVector<const Function *, 2> HandleFlow::callTargets(const CallBase &CB) {
  SmallVector<const Function *, 2> Targets;
  if (auto *Callee = calleeNamed(CB))
    Targets.push_back(Callee);
  else if (const Function *Known = contextCallee(CB))
    Targets.push_back(Known);
  else
    Targets = HS.resolveCallees(CB, Paths);
  return Targets;
}

/// How a modelled function without a body discharges a handle given as
/// its argument \p ArgNo, if it does (a cancel among the targets of an
/// indirect call).
std::optional<DischargeKind> modelledDischarge(const ApiModel &Model,
                                               const Function &T,
                                               unsigned ArgNo) {
  const FunctionRoles *Roles = Model.rolesOf(&T);
  if (!Roles)
    return std::nullopt;
  for (const auto &[R, Kind] : dischargingRoles(*Roles))
    if (R->Handle.ArgNo == ArgNo)
      return Kind;
  return std::nullopt;
}

/// Whether \p F is a destructor of the standard library.
static bool isStandardDestructor(const Function &F) {
  return isStandardLibraryName(F.getName()) && isDestructor(F);
}

/// Whether \p CB is in the body of a destructor of the standard library.
static bool inStandardDestructor(const CallBase &CB) {
  return isStandardDestructor(*CB.getFunction());
}

/// Asks every target about every argument that gives it the handle, once
/// per group of live tuples that know the same of the arguments. The
/// handle is discharged for a group if, for some argument, every target
/// discharges it.
HandleFlow::CalleeAnswers HandleFlow::askCallees(
    unsigned H, const HandleState &S, const CallBase &CB,
    ArrayRef<const Function *> Targets,
    ArrayRef<std::pair<unsigned, SmallVector<int64_t, 4>>> Passed) {
  // Groups in order of first appearance (tuples are sorted), so messages do
  // not depend on where things sit in memory.
  struct Group {
    SmallVector<CallContext::ConditionFact, 2> Facts;
    SmallVector<uint32_t, 4> Tuples;
  };
  SmallVector<Group, 2> Groups;
  SmallVector<StatusCopy, 2> Stored = statusCopies(H, CB, S);
  for (uint32_t T : S.Tuples)
    if (status(T) == Live) {
      SmallVector<CallContext::ConditionFact, 2> Facts =
          factsFor(H, CB, T, S, Stored);
      auto It = find_if(Groups, [&](const Group &G) { return G.Facts == Facts; });
      if (It == Groups.end()) {
        Groups.push_back({std::move(Facts), {}});
        It = Groups.end() - 1;
      }
      It->Tuples.push_back(T);
    }
  if (Groups.empty())
    Groups.emplace_back();
  CalleeAnswers A;
  A.Everywhere = Groups.size() == 1;
  // The first target that discharges is the witness named.
  bool HowKnown = false;
  // Per argument: every target, in every group, takes the handle out of
  // the caller's memory it was passed in.
  SmallVector<bool, 4> ClearedAll(Passed.size(), true);
  for (const Group &G : Groups) {
    bool Discharged = false;
    for (unsigned PI = 0; PI < Passed.size(); ++PI) {
      const auto &[ArgNo, Rest] = Passed[PI];
      unsigned Clearing = 0;
      bool AllTargets = true;
      for (const Function *T : Targets) {
        if (ArgNo >= T->arg_size()) {
          AllTargets = false; // variadic part: nothing to follow
          continue;
        }
        if (T->isDeclaration()) {
          // Only modelled declarations get here (see passToCallees).
          std::optional<DischargeKind> Kind =
              Rest.size() == 1 && Rest[0] == 0
                  ? modelledDischarge(HS.model(), *T, ArgNo)
                  : std::nullopt;
          if (Kind && !HowKnown)
            A.How = {*Kind, &CB, T};
          HowKnown |= Kind.has_value();
          if (!Kind)
            AllTargets = false;
          continue;
        }
        CalleeEffect E = calleeEffect(*T, ArgNo, Rest, CB, G.Facts);
        // A standard library destructor destroys everything its object
        // holds, as the standard says; how it knows what (an optional's
        // engaged flag) is state its callers cannot see. The contract
        // decides, not the implementation: what it does only on some paths
        // it does.
        if (E.Discharge == CalleeEffect::Some &&
            (inStandardDestructor(CB) || isStandardDestructor(*T)))
          E.Discharge = CalleeEffect::All;
        if (E.Discharge == CalleeEffect::All && !HowKnown)
          A.How = E.How;
        HowKnown |= E.Discharge == CalleeEffect::All;
        if (E.Discharge != CalleeEffect::All)
          AllTargets = false;
        A.Partial |= E.Discharge == CalleeEffect::Some;
        if (E.Escape && !A.Escape) {
          A.Escape = *E.Escape;
          A.Escape->Through.insert(A.Escape->Through.begin(), T);
        }
        A.Returned |= E.Returned;
        Clearing += E.ClearsSlot;
        for (const AccessPath &M : E.MovedTo) {
          AccessPath Pp = atCall(CB, M);
          AccessPath C = Paths.canonicalize(Pp);
          A.Moved.push_back(Pp);
          if (C != Pp)
            A.Moved.push_back(C);
        }
      }
      ClearedAll[PI] = ClearedAll[PI] && Clearing == Targets.size();
      Discharged |= AllTargets;
    }
    if (Discharged) {
      A.AnyDischarged = true;
      A.DischargedTuples.append(G.Tuples.begin(), G.Tuples.end());
    }
  }
  for (unsigned PI = 0; PI < Passed.size(); ++PI)
    if (ClearedAll[PI] && Passed[PI].second.size() >= 2)
      A.Cleared.push_back(Paths.pathOf(CB.getArgOperand(Passed[PI].first))
                              .then(Passed[PI].second));
  return A;
}

void HandleFlow::passToCallees(
    unsigned H, HandleState &S, const CallBase &CB, Pass P,
    ArrayRef<std::pair<unsigned, SmallVector<int64_t, 4>>> Passed) {
  HandleOutcome &Out = Outcomes[H];
  auto NoteEscape = [&](EscapeReason Why) {
    if (P != Pass::Record || !S.any(Live))
      return;
    if (none_of(Out.Escapes, [&](const EscapeEvent &E) { return E.I == &CB; }))
      Out.Escapes.push_back({&CB, std::move(Why)});
  };
  SmallVector<const Function *, 2> Targets = callTargets(CB);
  // Bodies first: the one named in messages is one that can be followed.
  std::stable_partition(Targets.begin(), Targets.end(),
                        [](const Function *T) { return !T->isDeclaration(); });
  // A declaration is followed by its model when it is one of several
  // targets that the model says discharges what it is given.
  const Function *Unfollowable = nullptr;
  for (const Function *T : Targets)
    if (T->isDeclaration() &&
        (Targets.size() == 1 ||
         none_of(Passed, [&](const auto &Arg) {
           return modelledDischarge(HS.model(), *T, Arg.first).has_value();
         })))
      Unfollowable = T;
  // A function without a body that cannot keep the handle (nocapture,
  // readonly, a pointer to const) borrows it: the caller still owes it.
  // One that returns it (strcpy's destination) leaves it in the result too.
  bool Returns = false;
  if (Targets.size() == 1 && Unfollowable && calledFunction(CB) &&
      all_of(Passed, [&](const auto &Arg) {
        bool R = false;
        bool B = Arg.second.size() == 1 && Arg.second[0] == 0 &&
                 HS.borrows(CB, Arg.first, R);
        Returns |= R;
        return B;
      })) {
    if (Returns)
      addPath(H, S, Paths.idOf(&CB));
    return;
  }
  // Freeing an object that holds the handle (delete of a guard that never
  // cancelled), or the memory of a handle object itself (a lambda that
  // captured a std::function, deleted by the std::function that held it),
  // drops the handle with the memory: nothing keeps it, and nothing
  // cancels it. (A model that says free cancels was asked above.)
  if (Targets.size() == 1 && Unfollowable && calledFunction(CB) &&
      all_of(Passed, [&](const auto &Arg) { return HS.frees(CB, Arg.first); }))
    return;
  if (Targets.empty() || Unfollowable) {
    EscapeReason Why;
    Why.Kind = Unfollowable ? EscapeReason::UnknownCallee
                            : EscapeReason::IndirectCall;
    Why.Object = Unfollowable;
    Why.At = &CB;
    NoteEscape(std::move(Why));
    S.change(Live, Away);
    return;
  }
  const Function *Named = Targets.front();

  CalleeAnswers A = askCallees(H, S, CB, Targets, Passed);
  if (A.Escape) {
    NoteEscape(*A.Escape);
    S.change(Live, Away);
  }
  for (const AccessPath &Pp : A.Moved) {
    // Inside the object the call returned: a helper put it in an object
    // it allocated, which is ours now as a fresh allocation would be.
    if (Pp.Root == &CB) {
      addPath(H, S, Pp);
      continue;
    }
    if (isa<Argument>(Pp.Root)) {
      handToCaller(H, S, CB, Pp, TransferKind::StoredByCallee, P, Named);
    } else if (inMemoryOfOthers(H, Pp)) {
      // Stored by the callee where this function's own store would escape:
      // memory reached through a pointer that is neither a local, nor an
      // argument, nor an allocation of ours (an element at a computed
      // place in a container's new buffer).
      escapeToMemory(H, S, Pp.Root, CB, P);
      continue;
    }
    addPath(H, S, Pp);
  }
  if (A.Returned)
    addPath(H, S, Paths.idOf(&CB));
  // The callee took it out of our memory (a release()): it is no longer
  // there for a later destructor or cleanup to find.
  for (const AccessPath &Slot : A.Cleared) {
    S.remove(Paths.intern(Slot));
    S.remove(Paths.intern(Paths.canonicalize(Slot)));
  }
  if (A.AnyDischarged) {
    if (P == Pass::Record &&
        none_of(Out.Discharges,
                [&](const DischargeEvent &D) { return D.I == &CB; }))
      Out.Discharges.push_back({&CB, A.How, Named});
    for (uint32_t &T : S.Tuples)
      if (status(T) == Live &&
          (A.Everywhere || is_contained(A.DischargedTuples, T)))
        T = tuple(known(T), values(T), Done);
    S.normalize();
    if (!S.any(Live) || !A.Partial)
      return;
  }
  if (A.Partial && P == Pass::Record && !is_contained(Out.PartialHelpers, Named))
    Out.PartialHelpers.push_back(Named);
}

} // namespace cancelverify
