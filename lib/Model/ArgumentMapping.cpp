//===- ArgumentMapping.cpp - Source parameter N to IR argument -------------===//
//
// The contract counts parameters as the user wrote them. The ABI does not:
// an sret slot and `this` come first, and a small struct passed by value may
// become two IR arguments. Debug info records the source signature, so with
// it the mapping is exact; without it the Itanium mangled name still gives
// the source parameter count. When neither settles it we refuse to guess.
//
//===----------------------------------------------------------------------===//
#include "ModelSources.h"

#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"

using namespace llvm;

namespace cancelverify {

std::string IRPosition::str() const {
  if (Kind == Return)
    return "ret";
  return (ViaSRet ? "sret arg" : "IR arg") + std::to_string(ArgNo);
}

static Error mappingError(const Function &F, const Twine &Why) {
  return createStringError(inconvertibleErrorCode(),
                           "in '" + F.getName() + "': " + Why);
}

static std::optional<unsigned> sretArgNo(const Function &F) {
  for (unsigned I = 0, E = std::min<unsigned>(F.arg_size(), 2); I < E; ++I)
    if (F.hasParamAttribute(I, Attribute::StructRet))
      return I;
  return std::nullopt;
}

static const DIType *stripQualifiers(const DIType *T) {
  while (auto *D = dyn_cast_or_null<DIDerivedType>(T)) {
    unsigned Tag = D->getTag();
    if (Tag != dwarf::DW_TAG_typedef && Tag != dwarf::DW_TAG_const_type &&
        Tag != dwarf::DW_TAG_volatile_type)
      break;
    T = D->getBaseType();
  }
  return T;
}

/// The source signature as seen through debug info.
struct SourceSignature {
  bool HasThis = false;
  /// For each source parameter: how many IR arguments it may take, if the
  /// ABI could split it (0 means exactly one).
  SmallVector<uint64_t, 8> ByValueSizes;
};

static std::optional<SourceSignature> signatureFromDebugInfo(const Function &F) {
  const DISubprogram *SP = F.getSubprogram();
  if (!SP || !SP->getType())
    return std::nullopt;
  DITypeRefArray Types = SP->getType()->getTypeArray();
  if (Types.size() == 0)
    return std::nullopt;
  SourceSignature Sig;
  for (unsigned I = 1; I < Types.size(); ++I) {
    const DIType *T = Types[I];
    if (!T) // variadic marker
      break;
    // clang marks the implicit object parameter artificial.
    if (I == 1 && T->isArtificial()) {
      Sig.HasThis = true;
      continue;
    }
    auto *CT = dyn_cast_or_null<DICompositeType>(stripQualifiers(T));
    bool ByValueAggregate = CT && (CT->getTag() == dwarf::DW_TAG_structure_type ||
                                   CT->getTag() == dwarf::DW_TAG_class_type ||
                                   CT->getTag() == dwarf::DW_TAG_union_type);
    Sig.ByValueSizes.push_back(ByValueAggregate ? CT->getSizeInBits() / 8 : 0);
  }
  return Sig;
}

/// Counts top-level parameters in an Itanium demangled parameter list.
static std::optional<unsigned> countDemangledParams(StringRef Params) {
  Params = Params.trim();
  if (!Params.consume_front("(") || !Params.consume_back(")"))
    return std::nullopt;
  Params = Params.trim();
  if (Params.empty() || Params == "void")
    return 0;
  unsigned Depth = 0, Count = 1;
  for (char C : Params) {
    if (C == '<' || C == '(' || C == '[')
      ++Depth;
    else if ((C == '>' || C == ')' || C == ']') && Depth)
      --Depth;
    else if (C == ',' && Depth == 0)
      ++Count;
  }
  return Count;
}

Expected<IRPosition> mapSourcePosition(const Function &F,
                                       const SourcePosition &P) {
  std::optional<unsigned> SRet = sretArgNo(F);
  unsigned NumIR = F.arg_size();

  if (P.Kind == SourcePosition::Return) {
    if (SRet)
      return IRPosition{IRPosition::Argument, *SRet, /*ViaSRet=*/true};
    if (F.getReturnType()->isVoidTy())
      return mappingError(F, "'ret' names the return value, but the function "
                             "returns void");
    return IRPosition{IRPosition::Return, 0, false};
  }
  if (P.Kind == SourcePosition::IRArgument) {
    if (P.Index >= NumIR)
      return mappingError(F, "'" + P.str() + "' is beyond the function's " +
                                 Twine(NumIR) + " IR arguments");
    return IRPosition{IRPosition::Argument, P.Index, false};
  }

  // The IR arguments that stand for source parameters, `this` included:
  // everything but the sret slot.
  SmallVector<unsigned, 8> Args;
  for (unsigned I = 0; I < NumIR; ++I)
    if (!SRet || I != *SRet)
      Args.push_back(I);

  std::optional<SourceSignature> Sig = signatureFromDebugInfo(F);
  bool HasThis;
  unsigned NumSource;
  if (Sig) {
    HasThis = Sig->HasThis;
    NumSource = Sig->ByValueSizes.size();
  } else if (ItaniumPartialDemangler D;
             !F.getName().starts_with("_Z") ||
             D.partialDemangle(F.getName().str().c_str())) {
    // Not C++-mangled: C has no `this`, and without debug info we cannot see
    // splits; take the IR arguments as the source parameters.
    HasThis = false;
    NumSource = Args.size();
  } else {
    size_t N = 0;
    char *Buf = D.getFunctionParameters(nullptr, &N);
    std::optional<unsigned> Count =
        Buf ? countDemangledParams(Buf) : std::nullopt;
    std::free(Buf);
    if (!Count)
      return mappingError(F, "cannot read the parameter list of '" +
                                 demangle(F.getName().str()) +
                                 "'; compile with -g or use irargN");
    NumSource = *Count;
    if (Args.size() == NumSource + 1)
      HasThis = true;
    else if (Args.size() == NumSource)
      HasThis = false;
    else
      return mappingError(
          F, "cannot map '" + P.str() + "' without debug info: '" +
                 demangle(F.getName().str()) + "' has " + Twine(NumSource) +
                 " source parameters but " + Twine(Args.size()) +
                 " IR arguments (a by-value struct was split by the ABI); "
                 "compile with -g or name the IR argument with irargN");
  }
  if (HasThis && Args.empty())
    return mappingError(F, "debug info says the function takes 'this', but "
                           "it has no IR argument for it");
  if (P.Kind == SourcePosition::This) {
    if (!HasThis)
      return mappingError(F, "'this' is used, but the function is not a "
                             "member function");
    return IRPosition{IRPosition::Argument, Args.front(), false};
  }
  if (HasThis)
    Args.erase(Args.begin());
  if (P.Index >= NumSource)
    return mappingError(F, "'" + P.str() + "' is beyond the function's " +
                               Twine(NumSource) + " parameter" +
                               (NumSource == 1 ? "" : "s"));
  unsigned Rest = Args.size();
  if (Rest == NumSource)
    return IRPosition{IRPosition::Argument, Args[P.Index], false};

  // The ABI split some by-value aggregates: x86-64 and AArch64 pass a
  // 9..16 byte aggregate in two registers, hence two IR arguments.
  SmallVector<unsigned, 8> Width;
  unsigned Total = 0;
  for (uint64_t Size : Sig->ByValueSizes) {
    unsigned W = Size > 8 && Size <= 16 ? 2 : 1;
    Width.push_back(W);
    Total += W;
  }
  if (Total != Rest)
    return mappingError(F, "cannot map '" + P.str() + "': " +
                               Twine(NumSource) + " source parameters became " +
                               Twine(Rest) +
                               " IR arguments in a way debug info does not "
                               "explain; name the IR argument with irargN");
  unsigned Index = 0;
  for (unsigned I = 0; I < P.Index; ++I)
    Index += Width[I];
  if (Width[P.Index] != 1)
    return mappingError(F, "'" + P.str() + "' is a struct passed by value and "
                                           "split into " +
                               Twine(Width[P.Index]) +
                               " IR arguments; it cannot be a handle");
  return IRPosition{IRPosition::Argument, Args[Index], false};
}

} // namespace cancelverify
