//===- DebugTypes.cpp - Source types of memory, from debug info -----------===//
//
// Small readers of DIType graphs; each walk is bounded, since debug info of
// a linked module can be large and (through typedef chains) deep.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/DebugTypes.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"

#include <cctype>

using namespace llvm;

namespace cancelverify {

std::string qualifiedName(const DIScope *S) {
  SmallVector<StringRef, 4> Parts;
  for (unsigned Depth = 0;
       S && !isa<DIFile>(S) && !isa<DICompileUnit>(S) && Depth < 64;
       S = S->getScope(), ++Depth)
    if (!S->getName().empty())
      Parts.push_back(S->getName());
  std::string Out;
  for (StringRef P : reverse(Parts)) {
    if (!Out.empty())
      Out += "::";
    Out += P.str();
  }
  return Out;
}

const DIType *stripQualifiers(const DIType *T) {
  for (unsigned Depth = 0; T && Depth < 32; ++Depth) {
    auto *DT = dyn_cast<DIDerivedType>(T);
    if (!DT)
      return T;
    switch (DT->getTag()) {
    case dwarf::DW_TAG_typedef:
    case dwarf::DW_TAG_const_type:
    case dwarf::DW_TAG_volatile_type:
    case dwarf::DW_TAG_atomic_type:
    case dwarf::DW_TAG_restrict_type:
      T = DT->getBaseType();
      continue;
    default:
      return T;
    }
  }
  return T;
}

const DIType *parameterPointee(const Function &Fn, unsigned ArgNo) {
  const DISubprogram *SP = Fn.getSubprogram();
  if (!SP || !SP->getType())
    return nullptr;
  unsigned First =
      Fn.arg_size() > 0 && Fn.hasParamAttribute(0, Attribute::StructRet);
  DITypeRefArray Types = SP->getType()->getTypeArray();
  // Types[0] is the return type.
  if (ArgNo < First || ArgNo - First + 1 >= Types.size())
    return nullptr;
  auto *PT = dyn_cast_or_null<DIDerivedType>(
      stripQualifiers(Types[ArgNo - First + 1]));
  if (!PT || (PT->getTag() != dwarf::DW_TAG_pointer_type &&
              PT->getTag() != dwarf::DW_TAG_reference_type &&
              PT->getTag() != dwarf::DW_TAG_rvalue_reference_type))
    return nullptr;
  return PT->getBaseType();
}

const DIType *globalType(const GlobalVariable &GV) {
  SmallVector<DIGlobalVariableExpression *, 1> GVEs;
  GV.getDebugInfo(GVEs);
  for (const DIGlobalVariableExpression *GVE : GVEs)
    if (const DIGlobalVariable *Var = GVE->getVariable())
      return Var->getType();
  return nullptr;
}

StringRef sourceStructName(const Type *T) {
  auto *ST = dyn_cast_or_null<StructType>(T);
  if (!ST || !ST->hasName())
    return StringRef();
  StringRef Name = ST->getName();
  if (!Name.consume_front("struct.") && !Name.consume_front("class."))
    Name.consume_front("union.");
  auto [Head, Tail] = Name.rsplit('.');
  if (!Tail.empty() && all_of(Tail, [](char C) { return isdigit(C); }))
    Name = Head;
  return Name;
}

} // namespace cancelverify
