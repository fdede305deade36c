//===- ReferentExtent.cpp - What a C++ reference reaches ------------------===//
//
// The declared type of a parameter decides; the dereferenceable attribute
// clang puts on the call must then agree with the type's size, so that a
// type found by name is the one the call refers to.
//
//===----------------------------------------------------------------------===//
#include "ReferentExtent.h"

#include "cancelverify/CallTarget.h"
#include "cancelverify/DebugTypes.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace cancelverify {

/// The size in bytes of an object of type \p T when a reference to it
/// reaches no more than that object: 0 for a polymorphic class (its
/// virtual functions reach the object it is part of), a class this module
/// only declares, and anything not understood.
static uint64_t closedSize(const DIType *T) {
  T = stripQualifiers(T);
  if (!T || T->getSizeInBits() % 8 != 0)
    return 0;
  uint64_t Bytes = T->getSizeInBits() / 8;
  if (isa<DIBasicType>(T))
    return Bytes;
  if (auto *DT = dyn_cast<DIDerivedType>(T)) {
    switch (DT->getTag()) {
    case dwarf::DW_TAG_pointer_type:
    case dwarf::DW_TAG_ptr_to_member_type:
      return Bytes;
    default:
      return 0;
    }
  }
  auto *CT = dyn_cast<DICompositeType>(T);
  if (!CT || CT->isForwardDecl())
    return 0;
  switch (CT->getTag()) {
  case dwarf::DW_TAG_enumeration_type:
    return Bytes;
  case dwarf::DW_TAG_array_type:
    // An element's virtual functions reach the array, no further.
    return Bytes;
  case dwarf::DW_TAG_structure_type:
  case dwarf::DW_TAG_class_type:
  case dwarf::DW_TAG_union_type:
    // Clang names the class holding the vtable pointer of every dynamic
    // class (virtual functions or virtual bases, its own or inherited).
    return CT->getVTableHolder() ? 0 : Bytes;
  default:
    return 0;
  }
}

void ReferentExtent::indexTypes() {
  Indexed = true;
  DebugInfoFinder Finder;
  Finder.processModule(M);
  StringMap<bool> Ambiguous;
  for (const DIType *T : Finder.types()) {
    if (!isa<DICompositeType>(T) && !isa<DIBasicType>(T))
      continue;
    if (T->getName().empty())
      continue;
    std::string Name = qualifiedName(T);
    if (Ambiguous.count(Name))
      continue;
    auto [It, New] = Types.try_emplace(Name, T);
    if (New || It->second == T)
      continue;
    // A declaration and a definition of one class: the definition.
    auto IsDecl = [](const DIType *X) {
      auto *C = dyn_cast<DICompositeType>(X);
      return C && C->isForwardDecl();
    };
    if (IsDecl(T))
      continue;
    if (IsDecl(It->second)) {
      It->second = T;
      continue;
    }
    // Two definitions (modules linked from different sources): the same
    // only when they agree on what matters here.
    if (closedSize(T) != closedSize(It->second) ||
        T->getSizeInBits() != It->second->getSizeInBits()) {
      Types.erase(It);
      Ambiguous[Name] = true;
    }
  }
}

const DIType *ReferentExtent::typeNamed(StringRef Name) {
  if (!Indexed)
    indexTypes();
  return Types.lookup(Name);
}

/// The type parameter \p ArgNo of the declaration \p F refers to, from its
/// debug info; null unless the parameter is a reference.
static const DIType *referredInDebugInfo(const Function &F, unsigned ArgNo) {
  auto *Ref =
      dyn_cast_or_null<DIDerivedType>(stripQualifiers(parameterType(F, ArgNo)));
  if (!Ref || (Ref->getTag() != dwarf::DW_TAG_reference_type &&
               Ref->getTag() != dwarf::DW_TAG_rvalue_reference_type))
    return nullptr;
  return Ref->getBaseType();
}

uint64_t ReferentExtent::bytes(const CallBase &CB, unsigned ArgNo) {
  const Function *F = calledFunction(CB);
  if (!F || !F->isDeclaration() || ArgNo >= F->arg_size() ||
      ArgNo >= CB.arg_size())
    return 0;
  uint64_t N = std::max(CB.getParamDereferenceableBytes(ArgNo),
                        F->getParamDereferenceableBytes(ArgNo));
  if (!N)
    return 0;
  auto Key = std::make_pair(F, ArgNo);
  auto It = Sizes.find(Key);
  if (It == Sizes.end()) {
    uint64_t Size = 0;
    if (const DIType *T = referredInDebugInfo(*F, ArgNo))
      Size = closedSize(T);
    else if (!F->getSubprogram())
      Size = referentFromMangledName(*F, ArgNo);
    It = Sizes.try_emplace(Key, Size).first;
  }
  // The attribute and the declared type agree, or the type found by name
  // is not the one the call refers to.
  return It->second == N ? N : 0;
}

uint64_t ReferentExtent::referentFromMangledName(const Function &F,
                                                 unsigned ArgNo) {
  std::optional<std::string> Param = demangledParameter(F, ArgNo);
  if (!Param)
    return 0;
  StringRef P = StringRef(*Param).trim();
  if (!P.consume_back("&&") && !P.consume_back("&"))
    return 0;
  // A reference to a pointer refers to the pointer object only.
  if (P.rtrim().ends_with("*"))
    return M.getDataLayout().getPointerSize();
  std::optional<std::string> Name = parameterClassName(P);
  return Name ? closedSize(typeNamed(*Name)) : 0;
}

} // namespace cancelverify
