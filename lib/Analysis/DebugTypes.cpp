//===- DebugTypes.cpp - Source types of memory, from debug info -----------===//
//
// Small readers of DIType graphs; each walk is bounded, since debug info of
// a linked module can be large and (through typedef chains) deep.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/DebugTypes.h"

#include "cancelverify/SourceFrames.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"

#include <cctype>
#include <cstdlib>

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

/// The IR arguments of \p F that are source parameters: all but the one
/// that returns a struct (sret, which follows `this` in a method).
static SmallVector<unsigned, 8> sourceArguments(const Function &F) {
  SmallVector<unsigned, 8> Args;
  for (unsigned I = 0; I < F.arg_size(); ++I)
    if (!F.hasParamAttribute(I, Attribute::StructRet))
      Args.push_back(I);
  return Args;
}

const DIType *parameterType(const Function &Fn, unsigned ArgNo) {
  const DISubprogram *SP = Fn.getSubprogram();
  if (!SP || !SP->getType())
    return nullptr;
  SmallVector<unsigned, 8> Args = sourceArguments(Fn);
  DITypeRefArray Types = SP->getType()->getTypeArray();
  // Types[0] is the return type, then one type per source parameter,
  // `this` included.
  const auto *Pos = find(Args, ArgNo);
  if (Types.size() != Args.size() + 1 || Pos == Args.end())
    return nullptr;
  return Types[Pos - Args.begin() + 1];
}

std::optional<std::string> demangledParameter(const Function &Fn,
                                              unsigned ArgNo) {
  ItaniumPartialDemangler D;
  if (!Fn.getName().starts_with("_Z") ||
      D.partialDemangle(Fn.getName().data()) || !D.isFunction())
    return std::nullopt;
  size_t Len = 0;
  char *Params = D.getFunctionParameters(nullptr, &Len);
  if (!Params)
    return std::nullopt;
  // A variadic function's `...` has no IR argument.
  std::optional<SmallVector<std::string, 8>> List;
  if (!StringRef(Params).contains("..."))
    List = splitDemangledParams(Params);
  std::free(Params);
  if (!List)
    return std::nullopt;
  SmallVector<unsigned, 8> Args = sourceArguments(Fn);
  const auto *Pos = find(Args, ArgNo);
  if (Pos == Args.end())
    return std::nullopt;
  size_t Index = Pos - Args.begin();
  // A method has `this` before its parameters.
  if (List->size() + 1 == Args.size()) {
    if (Index == 0)
      return std::nullopt;
    --Index;
  } else if (List->size() != Args.size()) {
    return std::nullopt;
  }
  return (*List)[Index];
}

std::optional<std::string> parameterClassName(StringRef P) {
  P = P.trim();
  // One level of reference or pointer, and the const of what it names.
  if (!P.consume_back("&&") && !P.consume_back("&"))
    P.consume_back("*");
  P = P.rtrim();
  while (P.consume_back(" const") || P.consume_back(" volatile"))
    P = P.rtrim();
  P.consume_front("const ");
  P = P.trim();
  // Functions, arrays, pointers to pointers and the like are not names.
  if (P.empty() || P.find_first_of("()[]&*") != StringRef::npos ||
      P.ends_with("::") || P.ends_with(","))
    return std::nullopt;
  return P.str();
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
