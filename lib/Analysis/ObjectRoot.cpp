//===- ObjectRoot.cpp - What memory a pointer designates ------------------===//
//
// A small walk over address computations. It only answers "which object"
// (not "which bytes exactly"), which is all the loop check needs: following
// observations through local variables and telling shared memory from the
// function's own stack.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/ObjectRoot.h"

#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace cancelverify {

/// Pointer variables reached through pointer variables: deeper chains are
/// rare and not worth following.
static constexpr unsigned MaxDepth = 6;

bool ObjectRoot::mayOverlap(const ObjectRoot &O) const {
  if (Kind != O.Kind || Base != O.Base || !Base)
    return false;
  return !Offset || !O.Offset || *Offset == *O.Offset;
}

static std::optional<int64_t> addOffsets(std::optional<int64_t> A,
                                         std::optional<int64_t> B) {
  if (!A || !B)
    return std::nullopt;
  return *A + *B;
}

/// The only value ever stored into stack slot \p Slot itself (not into a
/// part of it), or null if there is none or more than one. clang -O0 spills
/// each parameter once and keeps a pointer variable in its own slot.
const Value *ObjectRootFinder::uniqueStoredValue(const AllocaInst *Slot) {
  auto [It, New] = StoredValues.try_emplace(Slot, nullptr);
  if (!New)
    return It->second;
  const Value *Stored = nullptr;
  for (const User *U : Slot->users()) {
    const auto *SI = dyn_cast<StoreInst>(U);
    if (!SI || SI->getPointerOperand() != Slot)
      continue;
    if (Stored && Stored != SI->getValueOperand())
      return nullptr;
    Stored = SI->getValueOperand();
  }
  StoredValues[Slot] = Stored;
  return Stored;
}

ObjectRoot ObjectRootFinder::find(const Value *Ptr, unsigned Depth,
                                  bool Follow) {
  ObjectRoot R;
  if (Depth > MaxDepth)
    return R;
  std::optional<int64_t> Offset = 0;
  const Value *Obj = Ptr;
  // Strip address arithmetic, and llvm.ptr.annotation, which clang wraps
  // around every access of an annotated struct field.
  for (unsigned Steps = 0; Steps < 8; ++Steps) {
    int64_t Off = 0;
    const Value *Base = GetPointerBaseWithConstantOffset(Obj, Off, DL);
    Offset = addOffsets(Offset, Off);
    const Value *Under = getUnderlyingObject(Base);
    if (Under != Base)
      Offset.reset();
    Obj = Under;
    const auto *II = dyn_cast<IntrinsicInst>(Obj);
    if (!II || II->getIntrinsicID() != Intrinsic::ptr_annotation)
      break;
    Obj = II->getArgOperand(0);
  }

  if (isa<AllocaInst>(Obj))
    return {ObjectRoot::Local, Obj, Offset};
  if (isa<GlobalVariable>(Obj))
    return {ObjectRoot::Global, Obj, Offset};
  if (isa<Argument>(Obj))
    return {ObjectRoot::Argument, Obj, Offset};
  const auto *LI = dyn_cast<LoadInst>(Obj);
  if (!LI || !Follow)
    return R;
  ObjectRoot Holder = find(LI->getPointerOperand(), Depth + 1, Follow);
  if (Holder.Kind == ObjectRoot::Local) {
    // A pointer kept in a local variable: what was put there?
    const Value *Stored = Holder.Offset == 0
                              ? uniqueStoredValue(cast<AllocaInst>(Holder.Base))
                              : nullptr;
    if (!Stored)
      return R;
    ObjectRoot Inner = find(Stored, Depth + 1, Follow);
    Inner.Offset = addOffsets(Inner.Offset, Offset);
    return Inner;
  }
  if (Holder.isNonLocal())
    // Memory reached through a pointer that itself lives in shared memory
    // (w->ctx->stop): it belongs to the same owner, at an unknown place.
    return {Holder.Kind, Holder.Base, std::nullopt};
  return R;
}

ObjectRoot ObjectRootFinder::find(const Value *Ptr) {
  return find(Ptr, 0, /*Follow=*/true);
}

ObjectRoot ObjectRootFinder::findDirect(const Value *Ptr) {
  return find(Ptr, 0, /*Follow=*/false);
}

} // namespace cancelverify
