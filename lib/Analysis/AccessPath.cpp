//===- AccessPath.cpp - Naming a value by how it is reached ----------------===//
//
// Paths are built from constant-offset address arithmetic and loads. Slots
// written exactly once (arguments spilled at -O0, references captured by a
// lambda) are looked through, which is what lets the analysis see that
// `*this->ref` inside a lambda is the handle variable of the enclosing
// function. Lookups of forwarded slots go through indexes by root, so a
// function with thousands of locals costs the same per value as a small one.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/AccessPath.h"

#include "cancelverify/CallTarget.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace cancelverify {

CalleePathFacts::~CalleePathFacts() = default;

bool AccessPath::extends(const AccessPath &Base, SmallVectorImpl<int64_t> &Rest,
                         int64_t Size) const {
  size_t N = Base.Offsets.size();
  if (Root != Base.Root || Offsets.size() < N || N == 0)
    return false;
  for (size_t I = 0; I + 1 < N; ++I)
    if (Offsets[I] != Base.Offsets[I])
      return false;
  int64_t Delta = Offsets[N - 1] - Base.Offsets[N - 1];
  if (Delta < 0 || (Size >= 0 && Delta >= Size))
    return false;
  Rest.clear();
  Rest.push_back(Delta);
  Rest.append(Offsets.begin() + N, Offsets.end());
  return true;
}

bool AccessPath::operator<(const AccessPath &O) const {
  if (Root != O.Root)
    return std::less<const Value *>()(Root, O.Root);
  return Offsets < O.Offsets;
}

std::string AccessPath::str() const {
  std::string S;
  raw_string_ostream OS(S);
  if (Root && Root->hasName())
    OS << Root->getName();
  else if (auto *A = dyn_cast_or_null<Argument>(Root))
    OS << "arg" << A->getArgNo();
  else
    OS << "<root>";
  for (size_t I = 0; I < Offsets.size(); ++I) {
    OS << (I ? ".*+" : "+");
    if (Offsets[I] == StructField)
      OS << "field";
    else
      OS << Offsets[I];
  }
  return S;
}

/// The alloca whose own memory \p P addresses, if it addresses one (a path
/// with more offsets goes through a pointer loaded from the alloca).
static const AllocaInst *localRoot(const AccessPath &P) {
  return P.Offsets.size() == 1 ? dyn_cast_or_null<AllocaInst>(P.Root)
                               : nullptr;
}

bool addressKept(const Value *Alloca, bool CallsKeep) {
  SmallVector<const Value *, 8> Work{Alloca};
  SmallPtrSet<const Value *, 8> Seen{Alloca};
  while (!Work.empty()) {
    const Value *V = Work.pop_back_val();
    for (const User *U : V->users()) {
      if (isa<GetElementPtrInst>(U) || isa<BitCastInst>(U)) {
        if (Seen.insert(U).second)
          Work.push_back(U);
      } else if (auto *SI = dyn_cast<StoreInst>(U)) {
        if (SI->getValueOperand() == V)
          return true;
      } else if (auto *CB = dyn_cast<CallBase>(U)) {
        if (CallsKeep && !isa<IntrinsicInst>(CB))
          return true;
      } else if (isa<PtrToIntInst>(U) || isa<PHINode>(U) ||
                 isa<SelectInst>(U) || isa<ReturnInst>(U)) {
        return true;
      }
    }
  }
  return false;
}

/// Allocas whose address is handed out: they may be written through it (an
/// out-parameter), so their one visible store is only an initializer.
static SmallPtrSet<const Value *, 8> addressTakenAllocas(const Function &F) {
  SmallPtrSet<const Value *, 8> Taken;
  for (const Instruction &I : instructions(F))
    if (isa<AllocaInst>(I) && addressKept(&I, /*CallsKeep=*/true))
      Taken.insert(&I);
  return Taken;
}

AccessPathBuilder::AccessPathBuilder(const Function &F,
                                     const CalleePathFacts *Facts)
    : Fn(F), DL(F.getParent()->getDataLayout()), Facts(Facts) {
  countWrites(F);
}

void AccessPathBuilder::countWrites(const Function &F) {
  // Count the writes to every local slot; only a slot written exactly once
  // is looked through. Writes come from stores, from callees that store a
  // pointer argument into an object the caller passed, and from copies of
  // objects whose slots are known. Slots are kept in the order they are
  // first written, so everything derived from them is independent of where
  // values sit in memory.
  struct SlotWrites {
    AccessPath Slot;
    unsigned Count = 0;
    const Value *Last = nullptr;
  };
  std::vector<SlotWrites> Writes;
  DenseMap<AccessPath, size_t> WriteIndex;
  DenseMap<const Value *, SmallVector<size_t, 2>> WritesByRoot;
  auto Slot = [&](const AccessPath &Addr) -> SlotWrites & {
    auto [It, New] = WriteIndex.try_emplace(Addr, Writes.size());
    if (New) {
      WritesByRoot[Addr.Root].push_back(Writes.size());
      Writes.push_back({Addr, 0, nullptr});
    }
    return Writes[It->second];
  };
  auto Write = [&](const AccessPath &Addr, const Value *V) {
    if (!localRoot(Addr))
      return;
    SlotWrites &W = Slot(Addr);
    ++W.Count;
    W.Last = V;
  };
  SmallVector<const AnyMemIntrinsic *, 4> Copies;
  for (const Instruction &I : instructions(F)) {
    if (auto *SI = dyn_cast<StoreInst>(&I)) {
      Write(compute(SI->getPointerOperand(), 0), SI->getValueOperand());
    } else if (auto *MI = dyn_cast<AnyMemIntrinsic>(&I)) {
      Copies.push_back(MI);
    } else if (auto *CB = dyn_cast<CallBase>(&I); CB && Facts) {
      const Function *Callee = calledFunction(*CB);
      if (!Callee || Callee->isDeclaration())
        continue;
      for (const ArgumentStore &AS : Facts->argumentStores(*Callee)) {
        if (AS.DestArg >= CB->arg_size() ||
            (!AS.SrcFunction && AS.SrcArg >= CB->arg_size()))
          continue;
        AccessPath Dst =
            compute(CB->getArgOperand(AS.DestArg), 0).then(AS.DestOffsets);
        Write(Dst, AS.SrcFunction ? AS.SrcFunction
                                  : CB->getArgOperand(AS.SrcArg));
      }
    }
  }
  // A copy writes every byte of its destination: the slots it copies from
  // known slots get their values, other slots in range count as rewritten.
  for (const AnyMemIntrinsic *MI : Copies) {
    AccessPath Dst = compute(MI->getRawDest(), 0);
    if (!localRoot(Dst))
      continue;
    auto *Len = dyn_cast<ConstantInt>(MI->getLength());
    int64_t Size = Len ? Len->getSExtValue() : INT64_MAX;
    SmallVector<std::pair<AccessPath, const Value *>, 4> Copied;
    if (auto *MT = dyn_cast<AnyMemTransferInst>(MI)) {
      AccessPath Src = compute(MT->getRawSource(), 0);
      SmallVector<int64_t, 4> Rest;
      for (size_t Idx : WritesByRoot.lookup(Src.Root)) {
        const SlotWrites &W = Writes[Idx];
        if (W.Count == 1 && W.Slot.extends(Src, Rest, Size) &&
            Rest.size() == 1) {
          AccessPath D = Dst;
          D.Offsets.back() += Rest[0];
          Copied.push_back({D, W.Last});
        }
      }
    }
    for (size_t Idx : WritesByRoot.lookup(Dst.Root)) {
      SlotWrites &W = Writes[Idx];
      if (W.Slot.Offsets[0] >= Dst.Offsets[0] &&
          W.Slot.Offsets[0] - Dst.Offsets[0] < Size &&
          !llvm::any_of(Copied, [&](const auto &C) { return C.first == W.Slot; }))
        ++W.Count;
    }
    for (auto &[D, V] : Copied)
      Write(D, V);
    if (Copied.empty())
      Slot(Dst).Count += 2; // unknown contents: never look through this slot
  }
  SmallPtrSet<const Value *, 8> AddressTaken = addressTakenAllocas(F);
  for (const SlotWrites &W : Writes) {
    if (W.Count != 1 || (AddressTaken.count(W.Slot.Root) &&
                         isa<Constant>(W.Last) && !isa<GlobalValue>(W.Last)))
      continue;
    ForwardByRoot[W.Slot.Root].push_back(Forward.size());
    Forward.push_back({W.Slot, W.Last});
    if (auto *Fn = dyn_cast<Function>(W.Last->stripPointerCasts()))
      FunctionSlots.push_back({W.Slot, Fn});
  }
}

PathId AccessPathBuilder::intern(const AccessPath &P) {
  auto [It, New] = Ids.try_emplace(P, static_cast<PathId>(Table.size()));
  if (New)
    Table.push_back(P);
  return It->second;
}

PathId AccessPathBuilder::idOf(const Value *V) {
  auto It = Cache.find(V);
  if (It != Cache.end())
    return It->second;
  // Bounded nesting keeps the stack small whatever the function's shape: a
  // value met again while its own path is computed (a cycle through
  // forwarded slots), or past the bound, is named by itself, uncached.
  constexpr unsigned MaxNesting = 32;
  if (Nesting >= MaxNesting || !InProgress.insert(V).second)
    return intern(AccessPath::rootOf(V));
  ++Nesting;
  AccessPath P = compute(V, 0);
  if (!Forward.empty())
    P = canonicalize(std::move(P));
  --Nesting;
  InProgress.erase(V);
  PathId Id = intern(P);
  Cache[V] = Id;
  return Id;
}

const Value *AccessPathBuilder::origin(const Value *V) {
  for (unsigned Step = 0; Step < 16; ++Step) {
    V = V->stripPointerCasts();
    if (auto *C = dyn_cast<CastInst>(V)) {
      V = C->getOperand(0);
      continue;
    }
    auto *LI = dyn_cast<LoadInst>(V);
    const Value *Stored =
        LI ? singleStoredValue(pathOf(LI->getPointerOperand())) : nullptr;
    if (!Stored && LI)
      Stored = onlyReachingStore(*LI);
    if (!Stored)
      break;
    V = Stored;
  }
  if (auto *LI = dyn_cast<LoadInst>(V)) {
    if (!StableLoads)
      StableLoads.emplace(Fn);
    return StableLoads->representative(*LI);
  }
  return V;
}

/// Whether only loads and stores to it use the local \p Slot (besides
/// lifetime markers and debug records): nothing writes it unseen.
static bool plainScalarSlot(const AllocaInst &Slot) {
  return all_of(Slot.users(), [&](const User *U) {
    if (isa<LoadInst>(U))
      return true;
    if (auto *SI = dyn_cast<StoreInst>(U))
      return SI->getPointerOperand() == &Slot && !SI->isVolatile();
    if (auto *II = dyn_cast<IntrinsicInst>(U))
      return II->isLifetimeStartOrEnd() || II->isDebugOrPseudoInst();
    return false;
  });
}

const Value *AccessPathBuilder::onlyReachingStore(const LoadInst &LI) {
  auto *Slot = dyn_cast<AllocaInst>(LI.getPointerOperand());
  if (!Slot || LI.isVolatile() || Slot->getFunction() != &Fn)
    return nullptr;
  auto [It, New] = ReachingStore.try_emplace(&LI, nullptr);
  if (!New)
    return It->second;
  auto [Plain, First] = PlainSlots.try_emplace(Slot, false);
  if (First)
    Plain->second = plainScalarSlot(*Slot);
  if (!Plain->second)
    return nullptr;
  // One store on every path (and no path from the entry without one) is
  // what the load reads. Bounded: past the bound nothing is said.
  constexpr unsigned MaxBlocks = 64;
  SmallVector<const StoreInst *, 2> Stores;
  if (!lastStoresBefore(LI, Slot, Stores, MaxBlocks) || Stores.empty() ||
      !all_equal(Stores) ||
      Stores.front()->getValueOperand()->getType() != LI.getType())
    return nullptr;
  return ReachingStore[&LI] = Stores.front()->getValueOperand();
}

bool lastStoresBefore(const LoadInst &LI, const Value *Slot,
                      SmallVectorImpl<const StoreInst *> &Out,
                      unsigned MaxBlocks) {
  auto FirstStore = [&](const Instruction *I) -> const StoreInst * {
    for (; I; I = I->getPrevNode())
      if (auto *SI = dyn_cast<StoreInst>(I);
          SI && SI->getPointerOperand() == Slot)
        return SI;
    return nullptr;
  };
  const BasicBlock *Home = LI.getParent();
  if (const StoreInst *SI = FirstStore(LI.getPrevNode())) {
    Out.push_back(SI);
    return true;
  }
  bool Complete = !Home->isEntryBlock();
  SmallVector<const BasicBlock *, 8> Work(predecessors(Home));
  SmallPtrSet<const BasicBlock *, 16> Seen;
  while (!Work.empty()) {
    const BasicBlock *BB = Work.pop_back_val();
    if (!Seen.insert(BB).second)
      continue;
    if (Seen.size() > MaxBlocks)
      return false;
    if (const StoreInst *SI = FirstStore(&BB->back())) {
      Out.push_back(SI);
      continue;
    }
    Complete &= !BB->isEntryBlock();
    Work.append(pred_begin(BB), pred_end(BB));
  }
  return Complete;
}

const Value *AccessPathBuilder::singleStoredValue(const AccessPath &Addr) const {
  auto It = ForwardByRoot.find(Addr.Root);
  if (It == ForwardByRoot.end())
    return nullptr;
  for (unsigned Idx : It->second)
    if (Forward[Idx].Slot == Addr)
      return Forward[Idx].Stored;
  return nullptr;
}

AccessPath AccessPathBuilder::canonicalize(AccessPath P) {
  // Each step replaces "the value loaded from a once-written slot" by the
  // stored value's path; bounded because each step consumes a load level.
  for (unsigned Step = 0; Step < 8; ++Step) {
    auto It = ForwardByRoot.find(P.Root);
    if (It == ForwardByRoot.end())
      break;
    bool Changed = false;
    for (unsigned Idx : It->second) {
      const ForwardedSlot &F = Forward[Idx];
      size_t N = F.Slot.Offsets.size();
      if (P.Offsets.size() <= N ||
          !std::equal(F.Slot.Offsets.begin(), F.Slot.Offsets.end(),
                      P.Offsets.begin()))
        continue;
      if (!F.Stored->getType()->isPointerTy())
        continue;
      AccessPath S = pathOf(F.Stored);
      // A copy of what memory held at one moment is not that memory: a
      // variable may be reassigned later (a lambda capturing by value keeps
      // the old handle), a field cleared (`release()` keeps the pointer it
      // read and nulls the member).
      if (S.Offsets.size() >= 2)
        continue;
      S.Offsets.back() += P.Offsets[N];
      S.Offsets.append(P.Offsets.begin() + N + 1, P.Offsets.end());
      P = std::move(S);
      Changed = true;
      break;
    }
    if (!Changed)
      break;
  }
  return P;
}

void AccessPathBuilder::indexStoredRoots() {
  ForwardByStoredRoot.emplace();
  for (unsigned Idx = 0; Idx < Forward.size(); ++Idx) {
    if (!Forward[Idx].Stored->getType()->isPointerTy())
      continue;
    PathId Stored = idOf(Forward[Idx].Stored);
    (*ForwardByStoredRoot)[path(Stored).Root].push_back({Idx, Stored});
  }
}

ArrayRef<PathId> AccessPathBuilder::spellings(PathId Id) {
  auto Found = SpellingIndex.find(Id);
  if (Found != SpellingIndex.end())
    return SpellingLists[Found->second];
  if (!ForwardByStoredRoot)
    indexStoredRoots();
  // E may also be reached through a once-written slot that holds a pointer
  // to where E lives (a reference captured by a lambda); two levels of such
  // indirection are enough for lambdas nested in lambdas.
  // Listed depth first, each spelling followed by the ones reached from it.
  auto AltsOf = [&](PathId Cur) { return throughStoredPointers(Cur, true); };
  SmallVector<PathId, 2> Out{Id};
  for (PathId Alt : AltsOf(Id)) {
    if (llvm::is_contained(Out, Alt))
      continue;
    Out.push_back(Alt);
    for (PathId Alt2 : AltsOf(Alt))
      if (!llvm::is_contained(Out, Alt2))
        Out.push_back(Alt2);
  }
  SpellingIndex[Id] = SpellingLists.size();
  SpellingLists.push_back(std::move(Out));
  return SpellingLists.back();
}

SmallVector<PathId, 2> AccessPathBuilder::referrers(PathId Addr) {
  if (!ForwardByStoredRoot)
    indexStoredRoots();
  return throughStoredPointers(Addr, false);
}

/// \p Id spelled through each once-written slot that holds a pointer to
/// where it lives: for a value (\p Loaded), one loaded from the object the
/// slot points to; otherwise an address in that object.
SmallVector<PathId, 2> AccessPathBuilder::throughStoredPointers(PathId Id,
                                                                bool Loaded) {
  SmallVector<PathId, 2> Out;
  AccessPath E = path(Id);
  auto It = ForwardByStoredRoot->find(E.Root);
  if (It == ForwardByStoredRoot->end())
    return Out;
  SmallVector<int64_t, 4> Rest;
  for (auto [Idx, StoredId] : It->second)
    if (E.extends(path(StoredId), Rest) &&
        (Loaded ? Rest.size() >= 2 : Rest.size() == 1))
      Out.push_back(intern(Forward[Idx].Slot.deref().then(Rest)));
  return Out;
}

AccessPath AccessPathBuilder::compute(const Value *V, unsigned Depth) {
  if (Depth < 12) {
    if (auto *Op = dyn_cast<Operator>(V)) {
      unsigned Opc = Op->getOpcode();
      if (Opc == Instruction::BitCast || Opc == Instruction::AddrSpaceCast ||
          Opc == Instruction::PtrToInt || Opc == Instruction::IntToPtr)
        return compute(Op->getOperand(0), Depth + 1);
    }
    // Annotations and invariant-group fences return their operand.
    if (auto *II = dyn_cast<IntrinsicInst>(V))
      if (II->getIntrinsicID() == Intrinsic::ptr_annotation ||
          II->getIntrinsicID() == Intrinsic::launder_invariant_group ||
          II->getIntrinsicID() == Intrinsic::strip_invariant_group)
        return compute(II->getArgOperand(0), Depth + 1);
    if (auto *GEP = dyn_cast<GEPOperator>(V)) {
      APInt Off(DL.getIndexTypeSizeInBits(GEP->getType()), 0);
      if (GEP->accumulateConstantOffset(DL, Off)) {
        AccessPath P = compute(GEP->getPointerOperand(), Depth + 1);
        P.Offsets.back() += Off.getSExtValue();
        return P;
      }
    }
    if (auto *CB = dyn_cast<CallBase>(V); CB && Facts) {
      auto *Callee = calledFunction(*CB);
      if (Callee && !Callee->isDeclaration())
        if (auto R = Facts->returnedArgument(*Callee);
            R && R->ArgNo < CB->arg_size()) {
          AccessPath P =
              compute(CB->getArgOperand(R->ArgNo), Depth + 1).then(R->Rest);
          if (R->Rest.size() > 1 && !Forward.empty())
            P = canonicalize(std::move(P));
          return P;
        }
    }
    if (auto *LI = dyn_cast<LoadInst>(V)) {
      AccessPath P = compute(LI->getPointerOperand(), Depth + 1).deref();
      if (!Forward.empty())
        P = canonicalize(std::move(P));
      return P;
    }
  }
  return AccessPath::rootOf(V);
}

} // namespace cancelverify
