//===- CallerFacts.cpp - What a caller fixed before the call ---------------===//
//
// A callee's effect on a handle often depends on something its caller set
// just before the call: `struct guard g = {.armed = 1}; ... guard_done(&g)`
// where guard_done cancels only `if (g->armed)`, `finish(h, 1)`, or a global
// flag set before a static helper reads it. Without these facts the callee
// "cancels on some paths" and the caller gets a false LostCancel.
//
// The caller side walks back from the call through straight-line code (the
// call's block and its unique predecessors) and collects the last writes to
// the objects it passes and to globals, up to the first thing that may
// write them unseen: a call that is given the object, or for globals and
// the caller's own arguments' objects any call or a store through an
// unknown pointer. Reaching the function's entry, it adds what its own
// caller knew. The callee side uses a fact only for a read that is itself
// reached from the entry by straight-line code that writes nothing of it.
// Facts are passed only for what the callee tests or reads, so that call
// contexts (and the summaries computed per context) differ only where the
// difference can decide something.
//
//===----------------------------------------------------------------------===//
#include "HandleFlow.h"
#include "cancelverify/StraightLine.h"

#include "cancelverify/CallTarget.h"

#include "llvm/Analysis/CFG.h"
#include "llvm/Analysis/ConstantFolding.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace cancelverify {

bool HandleFlow::addressStored(const Value *Alloca) {
  // Calls given the object are barriers where this is asked, not escapes.
  auto [It, New] = AddressStored.try_emplace(Alloca, false);
  if (New)
    It->second = addressKept(Alloca, /*CallsKeep=*/false);
  return It->second;
}

namespace {
/// A write an instruction makes: where, and what (Fact.ArgNo and
/// Fact.Global are left for the caller to fill).
struct MemoryWrite {
  AccessPath Dest;
  CallContext::MemoryFact Fact;
  /// False for a memset or copy of a length not known here.
  bool SizeKnown = true;
};
} // namespace

/// The write \p I makes, if it is a store, a memset or a copy. A stored
/// value is read by \p ValueOf; a copy from a constant global carries its
/// initializer.
template <typename ValueFnT>
static std::optional<MemoryWrite>
memoryWrite(const Instruction &I, AccessPathBuilder &Paths,
            const DataLayout &DL, ValueFnT ValueOf) {
  MemoryWrite W;
  if (auto *SI = dyn_cast<StoreInst>(&I)) {
    W.Dest = Paths.pathOf(SI->getPointerOperand());
    W.Fact.Size = DL.getTypeStoreSize(SI->getValueOperand()->getType());
    W.Fact.Value = ValueOf(SI->getValueOperand());
    return W;
  }
  auto *MI = dyn_cast<MemIntrinsic>(&I);
  if (!MI)
    return std::nullopt;
  W.Dest = Paths.pathOf(MI->getRawDest());
  auto *Len = dyn_cast<ConstantInt>(MI->getLength());
  W.SizeKnown = Len != nullptr;
  W.Fact.Size = Len ? Len->getZExtValue() : 0;
  if (auto *MS = dyn_cast<MemSetInst>(MI)) {
    W.Fact.Value = dyn_cast<ConstantInt>(MS->getValue());
    W.Fact.Splat = W.Fact.Value != nullptr;
  } else if (auto *MT = dyn_cast<MemTransferInst>(MI)) {
    AccessPath Src = Paths.pathOf(MT->getRawSource());
    auto *G = dyn_cast<GlobalVariable>(Src.Root);
    if (Src.Offsets.size() == 1 && G && G->isConstant() &&
        G->hasDefinitiveInitializer()) {
      W.Fact.Value = G->getInitializer();
      W.Fact.ValueOffset = Src.Offsets[0];
    }
  }
  return W;
}

namespace {
/// One write found walking back, about an object root.
struct Write {
  const Value *Root;
  CallContext::MemoryFact Fact;
};
} // namespace

void HandleFlow::addCallerFacts(const CallBase &CB, const Function &Callee,
                                CallContext &C) {
  const HandleSummaries::DecidingReads &Reads = HS.decidingReads(Callee);
  for (unsigned I : Reads.TestedArguments)
    if (I < CB.arg_size())
      if (const ConstantInt *K = constantValue(CB.getArgOperand(I)))
        C.Constants.push_back({I, K});

  // The objects whose fields the callee reads, as (root, offset) here.
  SmallVector<std::pair<unsigned, AccessPath>, 2> Objects;
  for (unsigned I : Reads.ReadObjects) {
    if (I >= CB.arg_size())
      continue;
    AccessPath Base = Paths.pathOf(CB.getArgOperand(I));
    if (Base.Offsets.size() != 1)
      continue;
    bool Local = isa<AllocaInst>(Base.Root) && !addressStored(Base.Root);
    if (Local || isa<Argument>(Base.Root) || isa<GlobalVariable>(Base.Root))
      Objects.push_back({I, Base});
  }
  if (Objects.empty() && Reads.ReadGlobals.empty())
    return;
  auto Wanted = [&](const Value *Root) {
    if (auto *G = dyn_cast<GlobalVariable>(Root))
      if (is_contained(Reads.ReadGlobals, G))
        return true;
    return any_of(Objects, [&](const auto &O) { return O.second.Root == Root; });
  };

  const DataLayout &DL = F.getParent()->getDataLayout();
  SmallVector<Write, 4> Writes;
  bool SharedOpen = true; // globals and the objects our arguments point to
  SmallPtrSet<const Value *, 4> Closed;
  auto Open = [&](const Value *Root) {
    if (isa<AllocaInst>(Root))
      return !Closed.count(Root);
    return SharedOpen;
  };
  auto Record = [&](const Value *Root, CallContext::MemoryFact M) {
    if (Open(Root) && Wanted(Root))
      Writes.push_back({Root, M});
  };
  // A write to somewhere unknown may be any global or argument's object.
  auto Unknown = [&](const AccessPath &Dest) {
    if (Dest.Offsets.size() != 1 ||
        !(isa<AllocaInst>(Dest.Root) || isa<GlobalVariable>(Dest.Root) ||
          isa<Argument>(Dest.Root)))
      SharedOpen = false;
  };
  bool ReachedEntry = walkBack(CB, [&](const Instruction &I) {
    if (std::optional<MemoryWrite> W = memoryWrite(
            I, Paths, DL, [&](const Value *V) { return constantValue(V); })) {
      Unknown(W->Dest);
      if (W->Dest.Offsets.size() != 1)
        return true;
      if (!W->SizeKnown) {
        if (isa<AllocaInst>(W->Dest.Root))
          Closed.insert(W->Dest.Root);
        else
          SharedOpen = false;
        return true;
      }
      W->Fact.Offset = W->Dest.Offsets[0];
      Record(W->Dest.Root, W->Fact);
      return true;
    }
    auto *Call = dyn_cast<CallBase>(&I);
    if (!Call || isMarker(I))
      return true;
    // A call may write any global and what our arguments point to, and
    // every object it is given, unless all it does to those objects is
    // known (a constructor setting its members).
    SharedOpen = false;
    const Function *Callee = calledFunction(*Call);
    const SmallVectorImpl<CallContext::MemoryFact> *Known =
        Callee ? HS.exitWrites(*Callee) : nullptr;
    for (unsigned J = 0; J < Call->arg_size(); ++J) {
      const Value *A = Call->getArgOperand(J);
      if (!A->getType()->isPointerTy())
        continue;
      AccessPath Obj = Paths.pathOf(A);
      if (!Known || Obj.Offsets.size() != 1 || !isa<AllocaInst>(Obj.Root)) {
        Closed.insert(Obj.Root);
        continue;
      }
      for (CallContext::MemoryFact M : *Known)
        if (M.ArgNo == J) {
          M.Offset += Obj.Offsets[0];
          Record(Obj.Root, M);
        }
    }
    return any_of(Objects, [&](const auto &O) { return Open(O.second.Root); });
  });

  // Past a merge the walk stops. A field of a local object written before
  // it by a write that every path to the call passes, with nothing on the
  // way that may write it again, still holds: a guard's `active_ = true`
  // set by its constructor and tested by the destructor at the cleanup
  // that every return shares.
  if (!ReachedEntry) {
    SmallPtrSet<const Value *, 2> Done;
    for (const auto &[ArgNo, Base] : Objects)
      if (isa<AllocaInst>(Base.Root) && Open(Base.Root) &&
          Done.insert(Base.Root).second)
        addDominatingWrites(CB, Base.Root, Record);
  }

  // What our caller knew of our arguments' objects and of globals.
  if (ReachedEntry && SharedOpen && Context)
    for (const CallContext::MemoryFact &M : Context->Memory) {
      const Value *Root =
          M.Global ? static_cast<const Value *>(M.Global)
                   : (M.ArgNo < F.arg_size() ? F.getArg(M.ArgNo) : nullptr);
      if (Root && Wanted(Root))
        Writes.push_back({Root, M});
    }

  // Latest first; dropping the earliest writes only loses knowledge.
  constexpr size_t MaxFacts = 16;
  for (const Write &W : Writes) {
    if (C.Memory.size() >= MaxFacts)
      break;
    if (auto *G = dyn_cast<GlobalVariable>(W.Root)) {
      if (is_contained(Reads.ReadGlobals, G)) {
        CallContext::MemoryFact M = W.Fact;
        M.Global = G;
        M.ArgNo = 0;
        C.Memory.push_back(M);
      }
    }
    for (const auto &[ArgNo, Base] : Objects)
      if (Base.Root == W.Root) {
        CallContext::MemoryFact M = W.Fact;
        M.Global = nullptr;
        M.ArgNo = ArgNo;
        M.Offset -= Base.Offsets[0];
        C.Memory.push_back(M);
      }
  }
}

const DominatorTree &HandleFlow::domTree() {
  if (!DomTree)
    DomTree = std::make_unique<DominatorTree>(const_cast<Function &>(F));
  return *DomTree;
}

/// Every write to the local object \p A, found by following each use of
/// its address; null when a use is not understood (the address stored,
/// compared, indexed by a variable), so that something may write it
/// unseen.
const SmallVectorImpl<HandleFlow::LocalWrite> *
HandleFlow::localWrites(const Value *A) {
  auto Found = LocalWrites.find(A);
  if (Found != LocalWrites.end())
    return Found->second ? &*Found->second : nullptr;
  constexpr unsigned MaxWrites = 32;
  const DataLayout &DL = F.getParent()->getDataLayout();
  auto ValueOf = [&](const Value *X) { return constantValue(X); };
  // The offset into this object that an address path names, if any.
  auto FieldOf = [&](const AccessPath &D) -> std::optional<int64_t> {
    if (D.Root != A || D.Offsets.size() != 1)
      return std::nullopt;
    return D.Offsets[0];
  };
  SmallVector<LocalWrite, 4> Out;
  SmallVector<const Value *, 8> Work{A};
  SmallPtrSet<const Value *, 8> Seen{A};
  bool Known = true;
  while (Known && !Work.empty()) {
    const Value *V = Work.pop_back_val();
    for (const User *U : V->users()) {
      auto *I = dyn_cast<Instruction>(U);
      if (!I || Out.size() > MaxWrites) {
        Known = false;
        break;
      }
      if (auto *GEP = dyn_cast<GetElementPtrInst>(I)) {
        if (!GEP->hasAllConstantIndices()) {
          Known = false;
          break;
        }
        if (Seen.insert(GEP).second)
          Work.push_back(GEP);
        continue;
      }
      if (isa<LoadInst>(I) || isMarker(*I))
        continue;
      if (auto *SI = dyn_cast<StoreInst>(I)) {
        if (SI->getPointerOperand() != V || SI->isVolatile()) {
          Known = false; // the address itself stored
          break;
        }
        std::optional<MemoryWrite> W = memoryWrite(*I, Paths, DL, ValueOf);
        std::optional<int64_t> At = FieldOf(W->Dest);
        if (!At) {
          Known = false;
          break;
        }
        W->Fact.Offset = *At;
        Out.push_back({I, W->Fact});
        continue;
      }
      if (auto *MI = dyn_cast<MemIntrinsic>(I)) {
        if (MI->getRawDest() != V)
          continue; // read only
        std::optional<MemoryWrite> W = memoryWrite(*I, Paths, DL, ValueOf);
        std::optional<int64_t> At = FieldOf(W->Dest);
        if (!At || !W->SizeKnown) {
          Out.push_back({I, std::nullopt});
          continue;
        }
        W->Fact.Offset = *At;
        Out.push_back({I, W->Fact});
        continue;
      }
      auto *Call = dyn_cast<CallBase>(I);
      if (!Call) {
        Known = false; // stored, compared, merged: reached unseen
        break;
      }
      const Function *Callee = calledFunction(*Call);
      const SmallVectorImpl<CallContext::MemoryFact> *Exit =
          Callee ? HS.exitWrites(*Callee) : nullptr;
      std::optional<int64_t> At = FieldOf(Paths.pathOf(V));
      if (!Exit || !At) {
        Out.push_back({I, std::nullopt});
        continue;
      }
      for (unsigned J = 0; J < Call->arg_size(); ++J)
        if (Call->getArgOperand(J) == V)
          for (CallContext::MemoryFact M : *Exit)
            if (M.ArgNo == J) {
              M.Offset += *At;
              Out.push_back({I, M});
            }
    }
  }
  auto &Slot = LocalWrites[A];
  if (Known)
    Slot = std::move(Out);
  return Slot ? &*Slot : nullptr;
}

/// Records, for a call \p CB given the local object \p Root, each write to
/// the object that dominates the call with no other write that may touch
/// the same bytes on a path from it to the call.
template <typename RecordFnT>
void HandleFlow::addDominatingWrites(const CallBase &CB, const Value *Root,
                                     RecordFnT Record) {
  const SmallVectorImpl<LocalWrite> *Writes = localWrites(Root);
  if (!Writes)
    return;
  const DominatorTree &DT = domTree();
  auto Overlap = [](const CallContext::MemoryFact &X,
                    const CallContext::MemoryFact &Y) {
    return X.Offset < Y.Offset + int64_t(Y.Size) &&
           Y.Offset < X.Offset + int64_t(X.Size);
  };
  for (const LocalWrite &W : *Writes) {
    if (W.I == &CB || !W.Fact || !W.Fact->Value || !DT.dominates(W.I, &CB))
      continue;
    bool Clobbered = any_of(*Writes, [&](const LocalWrite &X) {
      if (X.I == &CB || X.I == W.I || (X.Fact && !Overlap(*X.Fact, *W.Fact)))
        return false;
      return isPotentiallyReachable(W.I, X.I, nullptr, &DT) &&
             isPotentiallyReachable(X.I, &CB, nullptr, &DT);
    });
    if (!Clobbered)
      Record(Root, *W.Fact);
  }
}

/// The address \p LI reads, when it is a field of an argument's object or of
/// a global that nothing here may have written since the entry: what the
/// caller knew of it at the call still holds.
std::optional<AccessPath> HandleFlow::entryRead(const LoadInst &LI) {
  if (LI.isVolatile())
    return std::nullopt;
  AccessPath P = Paths.pathOf(LI.getPointerOperand());
  if (P.Offsets.size() != 1 ||
      (!isa<GlobalVariable>(P.Root) && !isa<Argument>(P.Root)))
    return std::nullopt;
  bool Unchanged = walkBack(LI, [&](const Instruction &I) {
    if (auto *SI = dyn_cast<StoreInst>(&I)) {
      AccessPath D = Paths.pathOf(SI->getPointerOperand());
      return D.Offsets.size() == 1 && D.Root != P.Root &&
             isa<AllocaInst>(D.Root);
    }
    if (auto *MI = dyn_cast<MemIntrinsic>(&I)) {
      AccessPath D = Paths.pathOf(MI->getRawDest());
      return D.Offsets.size() == 1 && D.Root != P.Root &&
             isa<AllocaInst>(D.Root);
    }
    return !isa<CallBase>(&I) || isMarker(I);
  });
  if (!Unchanged)
    return std::nullopt;
  return P;
}

const ConstantInt *HandleFlow::contextConstant(const Value *V) {
  if (!Context)
    return nullptr;
  if (auto *A = dyn_cast<Argument>(V)) {
    for (const CallContext::ConstantArgument &K : Context->Constants)
      if (K.ArgNo == A->getArgNo() && A->getParent() == &F)
        return K.Value;
    return nullptr;
  }
  auto *LI = dyn_cast<LoadInst>(V);
  if (!LI || Context->Memory.empty() || !LI->getType()->isIntegerTy())
    return nullptr;
  std::optional<AccessPath> P = entryRead(*LI);
  if (!P)
    return nullptr;
  auto *G = dyn_cast<GlobalVariable>(P->Root);
  auto *A = dyn_cast<Argument>(P->Root);
  const DataLayout &DL = F.getParent()->getDataLayout();
  int64_t Off = P->Offsets[0];
  int64_t Width = DL.getTypeStoreSize(LI->getType());
  for (const CallContext::MemoryFact &M : Context->Memory) {
    if (G ? M.Global != G : (M.Global || M.ArgNo != A->getArgNo()))
      continue;
    int64_t End = M.Offset + static_cast<int64_t>(M.Size);
    if (End <= Off || Off + Width <= M.Offset)
      continue;
    // The latest write that touches the read decides it.
    if (Off < M.Offset || End < Off + Width || !M.Value)
      return nullptr;
    if (M.Splat) {
      APInt Byte = cast<ConstantInt>(M.Value)->getValue().trunc(8);
      return ConstantInt::get(LI->getContext(),
                              APInt::getSplat(Width * 8, Byte));
    }
    Constant *Read = ConstantFoldLoadFromConst(
        const_cast<Constant *>(M.Value), LI->getType(),
        APInt(64, Off - M.Offset + M.ValueOffset), DL);
    return dyn_cast_or_null<ConstantInt>(Read);
  }
  return nullptr;
}

const SmallVectorImpl<CallContext::MemoryFact> *
HandleSummaries::exitWrites(const Function &F) {
  auto [It, New] = ExitWrites.try_emplace(&F);
  if (!New)
    return It->second ? &*It->second : nullptr;
  std::optional<SmallVector<CallContext::MemoryFact, 4>> Out;
  if (const ReturnInst *Ret = onlyReturn(F)) {
    std::shared_ptr<AccessPathBuilder> P = pathsFor(F);
    const DataLayout &DL = M.getDataLayout();
    SmallVector<CallContext::MemoryFact, 4> Writes;
    bool Complete = walkBack(*Ret, [&](const Instruction &I) {
      // A copy into an argument's object (a constructor moving a lambda
      // into its member) is a write of bytes not known here, unless it
      // copies a constant.
      std::optional<MemoryWrite> W = memoryWrite(
          I, *P, DL, [](const Value *V) { return dyn_cast<ConstantInt>(V); });
      if (!W)
        return !isa<CallBase>(&I) || isMarker(I);
      if (!W->SizeKnown)
        return false;
      // The function's own locals do not matter; an argument's object
      // does; anything else may be one of them.
      if (W->Dest.Offsets.size() == 1 && isa<AllocaInst>(W->Dest.Root))
        return true;
      auto *A = dyn_cast<Argument>(W->Dest.Root);
      if (!A || W->Dest.Offsets.size() != 1)
        return false;
      W->Fact.ArgNo = A->getArgNo();
      W->Fact.Offset = W->Dest.Offsets[0];
      Writes.push_back(W->Fact);
      return Writes.size() <= 16;
    });
    if (Complete)
      Out = std::move(Writes);
  }
  auto &Slot = ExitWrites[&F];
  Slot = std::move(Out);
  return Slot ? &*Slot : nullptr;
}

const HandleSummaries::DecidingReads &
HandleSummaries::decidingReads(const Function &F) {
  auto [It, New] = Reads.try_emplace(&F);
  if (!New)
    return It->second;
  DecidingReads R;
  std::shared_ptr<AccessPathBuilder> P = pathsFor(F);
  auto AddArg = [](SmallVectorImpl<unsigned> &List, const Value *V) {
    if (auto *A = dyn_cast<Argument>(V); A && !is_contained(List, A->getArgNo()))
      List.push_back(A->getArgNo());
  };
  for (const BasicBlock &BB : F)
    for (const Instruction &I : BB) {
      if (auto *Cmp = dyn_cast<ICmpInst>(&I)) {
        for (const Value *Op : Cmp->operands())
          AddArg(R.TestedArguments, P->origin(Op));
      } else if (auto *Br = dyn_cast<BranchInst>(&I);
                 Br && Br->isConditional()) {
        AddArg(R.TestedArguments, P->origin(Br->getCondition()));
      } else if (auto *SW = dyn_cast<SwitchInst>(&I)) {
        AddArg(R.TestedArguments, P->origin(SW->getCondition()));
      } else if (auto *CB = dyn_cast<CallBase>(&I)) {
        // What a callee summarised earlier (bottom-up) decides on, passed
        // straight from our arguments and globals, we decide on too.
        const Function *Callee = calledFunction(*CB);
        auto Known = Callee ? Reads.find(Callee) : Reads.end();
        if (Known == Reads.end() || Callee == &F)
          continue;
        for (unsigned J : Known->second.TestedArguments)
          if (J < CB->arg_size())
            AddArg(R.TestedArguments, P->origin(CB->getArgOperand(J)));
        for (unsigned J : Known->second.ReadObjects)
          if (J < CB->arg_size()) {
            AccessPath Addr = P->pathOf(CB->getArgOperand(J));
            if (Addr.Offsets.size() == 1)
              AddArg(R.ReadObjects, Addr.Root);
          }
        for (const GlobalVariable *G : Known->second.ReadGlobals)
          if (!is_contained(R.ReadGlobals, G))
            R.ReadGlobals.push_back(G);
      } else if (auto *LI = dyn_cast<LoadInst>(&I);
                 LI && LI->getType()->isIntegerTy()) {
        AccessPath Addr = P->pathOf(LI->getPointerOperand());
        if (Addr.Offsets.size() != 1)
          continue;
        AddArg(R.ReadObjects, Addr.Root);
        if (auto *G = dyn_cast<GlobalVariable>(Addr.Root);
            G && !is_contained(R.ReadGlobals, G))
          R.ReadGlobals.push_back(G);
      }
    }
  // The map may have grown while the paths were built.
  return Reads[&F] = std::move(R);
}

} // namespace cancelverify
