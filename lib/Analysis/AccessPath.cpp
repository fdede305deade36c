//===- AccessPath.cpp - Naming a value by how it is reached ----------------===//
//
// Paths are built from constant-offset address arithmetic and loads. Slots
// written exactly once (arguments spilled at -O0, references captured by a
// lambda) are looked through, which is what lets the analysis see that
// `*this->ref` inside a lambda is the handle variable of the enclosing
// function.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/AccessPath.h"

#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

using namespace llvm;

namespace cancelverify {

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
  else
    OS << "<root>";
  for (size_t I = 0; I < Offsets.size(); ++I)
    OS << (I ? ".*+" : "+") << Offsets[I];
  return S;
}

/// The alloca whose own memory \p P addresses, if it addresses one (a path
/// with more offsets goes through a pointer loaded from the alloca).
static const AllocaInst *localRoot(const AccessPath &P) {
  return P.Offsets.size() == 1 ? dyn_cast_or_null<AllocaInst>(P.Root)
                               : nullptr;
}

AccessPathBuilder::AccessPathBuilder(const Function &F,
                                     ReturnedArgumentFn ReturnedArgument,
                                     ArgumentStoresFn ArgumentStores)
    : DL(F.getParent()->getDataLayout()),
      ReturnedArgument(std::move(ReturnedArgument)) {
  // Count the writes to every local slot; only a slot written exactly once
  // is looked through. Writes come from stores, from callees that store a
  // pointer argument into an object the caller passed, and from copies of
  // objects whose slots are known.
  // Slots in the order they are first written, so everything derived from
  // them is independent of where values sit in memory.
  std::vector<std::pair<AccessPath, std::pair<unsigned, const Value *>>> Writes;
  std::map<AccessPath, size_t> WriteIndex;
  auto SlotWrites = [&](const AccessPath &Addr) -> std::pair<unsigned, const Value *> & {
    auto [It, New] = WriteIndex.try_emplace(Addr, Writes.size());
    if (New)
      Writes.push_back({Addr, {0, nullptr}});
    return Writes[It->second].second;
  };
  auto Write = [&](const AccessPath &Addr, const Value *V) {
    if (!localRoot(Addr))
      return;
    auto &W = SlotWrites(Addr);
    ++W.first;
    W.second = V;
  };
  SmallVector<const AnyMemIntrinsic *, 4> Copies;
  for (const Instruction &I : instructions(F)) {
    if (auto *SI = dyn_cast<StoreInst>(&I)) {
      Write(compute(SI->getPointerOperand(), 0), SI->getValueOperand());
    } else if (auto *MI = dyn_cast<AnyMemIntrinsic>(&I)) {
      Copies.push_back(MI);
    } else if (auto *CB = dyn_cast<CallBase>(&I); CB && ArgumentStores) {
      const Function *Callee = CB->getCalledFunction();
      if (!Callee || Callee->isDeclaration())
        continue;
      for (const ArgumentStore &AS : ArgumentStores(*Callee)) {
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
      for (auto &[Slot, W] : Writes)
        if (W.first == 1 && Slot.extends(Src, Rest, Size) && Rest.size() == 1) {
          AccessPath D = Dst;
          D.Offsets.back() += Rest[0];
          Copied.push_back({D, W.second});
        }
    }
    for (auto &[Slot, W] : Writes)
      if (Slot.Root == Dst.Root && Slot.Offsets[0] >= Dst.Offsets[0] &&
          Slot.Offsets[0] - Dst.Offsets[0] < Size &&
          !llvm::any_of(Copied, [&](const auto &C) { return C.first == Slot; }))
        ++W.first;
    for (auto &[D, V] : Copied)
      Write(D, V);
    if (Copied.empty()) {
      AccessPath Whole = Dst;
      auto &W = SlotWrites(Whole);
      W.first += 2; // unknown contents: never look through this slot
    }
  }
  // A slot whose address is handed out may be written through it (an
  // out-parameter). Its one visible store is then only an initializer, like
  // `cancel_t *k = NULL;`, and must not stand for what the slot holds.
  SmallPtrSet<const Value *, 8> AddressTaken;
  for (const Instruction &I : instructions(F)) {
    auto *AI = dyn_cast<AllocaInst>(&I);
    if (!AI)
      continue;
    SmallVector<const Value *, 8> Work{AI};
    while (!Work.empty() && !AddressTaken.count(AI)) {
      const Value *V = Work.pop_back_val();
      for (const User *U : V->users()) {
        if (isa<GetElementPtrInst>(U) || isa<BitCastInst>(U)) {
          Work.push_back(U);
        } else if (auto *CB = dyn_cast<CallBase>(U)) {
          if (!isa<IntrinsicInst>(CB))
            AddressTaken.insert(AI);
        } else if (auto *SI = dyn_cast<StoreInst>(U)) {
          if (SI->getValueOperand() == V)
            AddressTaken.insert(AI);
        } else if (isa<PtrToIntInst>(U) || isa<PHINode>(U) ||
                   isa<SelectInst>(U)) {
          AddressTaken.insert(AI);
        }
      }
    }
  }
  Cache.clear();
  for (auto &[Addr, W] : Writes)
    if (W.first == 1 &&
        !(AddressTaken.count(Addr.Root) && isa<Constant>(W.second) &&
          !isa<GlobalValue>(W.second)))
      ForwardValue.push_back({Addr, W.second});
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
    if (!Stored)
      break;
    V = Stored;
  }
  return V;
}

const Value *AccessPathBuilder::singleStoredValue(const AccessPath &Addr) const {
  for (const auto &[Slot, V] : ForwardValue)
    if (Slot == Addr)
      return V;
  return nullptr;
}

AccessPath AccessPathBuilder::canonicalize(AccessPath P) {
  // Each step replaces "the value loaded from a once-written slot" by the
  // stored value's path; bounded because each step consumes a load level.
  for (unsigned Step = 0; Step < 8; ++Step) {
    bool Changed = false;
    for (const auto &[Slot, Stored] : ForwardValue) {
      size_t N = Slot.Offsets.size();
      if (P.Root != Slot.Root || P.Offsets.size() <= N)
        continue;
      if (!std::equal(Slot.Offsets.begin(), Slot.Offsets.end(),
                      P.Offsets.begin()))
        continue;
      if (!Stored->getType()->isPointerTy())
        continue;
      AccessPath S = pathOf(Stored);
      // A copy of what a local variable held at one moment is not the
      // variable: the variable may be reassigned later (a lambda capturing
      // by value keeps the old handle).
      if (S.Offsets.size() >= 2 && isa<AllocaInst>(S.Root))
        continue;
      S.Offsets.back() += P.Offsets[N];
      S.Offsets.append(P.Offsets.begin() + N + 1, P.Offsets.end());
      P = S;
      Changed = true;
      break;
    }
    if (!Changed)
      break;
  }
  return P;
}

AccessPath AccessPathBuilder::pathOf(const Value *V) {
  auto It = Cache.find(V);
  if (It != Cache.end())
    return It->second;
  AccessPath P = compute(V, 0);
  if (!ForwardValue.empty())
    P = canonicalize(P);
  Cache[V] = P;
  return P;
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
    if (auto *CB = dyn_cast<CallBase>(V); CB && ReturnedArgument) {
      auto *Callee = CB->getCalledFunction();
      if (Callee && !Callee->isDeclaration())
        if (auto R = ReturnedArgument(*Callee); R && R->first < CB->arg_size()) {
          AccessPath P = compute(CB->getArgOperand(R->first), Depth + 1);
          P.Offsets.back() += R->second;
          return P;
        }
    }
    if (auto *LI = dyn_cast<LoadInst>(V)) {
      AccessPath P = compute(LI->getPointerOperand(), Depth + 1);
      if (!ForwardValue.empty())
        P = canonicalize(P.deref());
      else
        P = P.deref();
      return P;
    }
  }
  AccessPath P;
  P.Root = V;
  P.Offsets.push_back(0);
  return P;
}

} // namespace cancelverify
