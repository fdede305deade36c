//===- ArgumentMapping.cpp - Source parameter N to IR argument -------------===//
//
// The contract counts parameters as the user wrote them. The ABI does not:
// an sret slot and `this` come first, and a small struct passed by value may
// become two IR arguments. Debug info records the source signature; without
// it the Itanium mangled name still gives the source parameter types, and
// clang's noundef marks tell which IR arguments are whole scalars (the pieces
// of a split struct never are). Every way of laying the parameters over the
// IR arguments is tried; when more than one fits we refuse to guess.
//
//===----------------------------------------------------------------------===//
#include "ModelSources.h"

#include "cancelverify/SourceFrames.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Module.h"

#include <set>

using namespace llvm;

namespace cancelverify {

std::string IRPosition::str() const {
  if (Kind == Return)
    return "ret";
  return (ViaSRet ? "sret arg" : "IR arg") + std::to_string(ArgNo);
}

static Error mappingError(const Twine &Why) {
  return createStringError(inconvertibleErrorCode(), Why);
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

namespace {
/// How many IR arguments one source parameter may have become.
struct Widths {
  bool One = true, Two = false;
  static Widths exactlyOne() { return {true, false}; }
  static Widths oneOrTwo() { return {true, true}; }
};

/// The source signature, as far as debug info or the mangled name tell it.
struct SourceSignature {
  /// Whether the function has `this`; unknown for a nested C++ name without
  /// debug info (a member function or a function in a namespace).
  std::optional<bool> HasThis;
  /// The source parameters; unknown (C without debug info) leaves this empty
  /// and uses UnknownWidths for as many parameters as the IR has room for.
  std::optional<SmallVector<Widths, 8>> Params;
  Widths UnknownWidths = Widths::exactlyOne();
  bool FromDebugInfo = false;
};
} // namespace

/// x86-64 and AArch64 may pass a 9..16 byte aggregate in two registers,
/// hence as two IR arguments; anything else is one IR argument.
static Widths widthsOfDebugType(const DIType *T) {
  auto *CT = dyn_cast_or_null<DICompositeType>(stripQualifiers(T));
  if (!CT || (CT->getTag() != dwarf::DW_TAG_structure_type &&
              CT->getTag() != dwarf::DW_TAG_class_type &&
              CT->getTag() != dwarf::DW_TAG_union_type))
    return Widths::exactlyOne();
  if (CT->getFlags() & DINode::FlagTypePassByReference)
    return Widths::exactlyOne();
  uint64_t Size = CT->getSizeInBits() / 8;
  return Size > 8 && Size <= 16 ? Widths::oneOrTwo() : Widths::exactlyOne();
}

static std::optional<SourceSignature> signatureFromDebugInfo(const Function &F) {
  const DISubprogram *SP = F.getSubprogram();
  if (!SP || !SP->getType())
    return std::nullopt;
  DITypeRefArray Types = SP->getType()->getTypeArray();
  if (Types.size() == 0)
    return std::nullopt;
  SourceSignature Sig;
  Sig.FromDebugInfo = true;
  Sig.HasThis = false;
  Sig.Params.emplace();
  for (unsigned I = 1; I < Types.size(); ++I) {
    const DIType *T = Types[I];
    if (!T) // variadic marker
      break;
    // clang marks the implicit object parameter artificial.
    if (I == 1 && T->isArtificial()) {
      Sig.HasThis = true;
      continue;
    }
    Sig.Params->push_back(widthsOfDebugType(T));
  }
  return Sig;
}

/// A demangled parameter type that is certainly one IR argument: a builtin
/// type, a pointer, a reference, a member pointer.
static bool isScalarTypeName(StringRef T) {
  if (T.ends_with("*") || T.ends_with("&") || T.contains("(*)") ||
      T.contains("::*"))
    return true;
  T.consume_front("signed ");
  T.consume_front("unsigned ");
  static constexpr const char *Builtins[] = {
      "bool",          "char",        "wchar_t",    "char8_t",
      "char16_t",      "char32_t",    "short",      "int",
      "long",          "long long",   "__int128",   "float",
      "double",        "long double", "__float128", "decltype(nullptr)",
      "std::nullptr_t"};
  return llvm::is_contained(Builtins, T);
}

static bool hasObjectQualifier(StringRef Mangled) {
  // _ZNK..., _ZNV..., _ZNR..., _ZNO...: cv- or ref-qualified member.
  return Mangled.size() > 4 && Mangled.starts_with("_ZN") &&
         StringRef("KVRO").contains(Mangled[3]);
}

static std::optional<SourceSignature>
signatureFromMangledName(const Function &F, std::string &Error) {
  std::string Name = F.getName().str();
  if (!StringRef(Name).starts_with("_Z"))
    return std::nullopt;
  // The demangler keeps pointers into Name: it must outlive every query.
  ItaniumPartialDemangler D;
  if (D.partialDemangle(Name.c_str()) || !D.isFunction())
    return std::nullopt;
  size_t N = 0;
  char *Buf = D.getFunctionParameters(nullptr, &N);
  std::optional<SmallVector<std::string, 8>> Types =
      Buf ? splitDemangledParams(Buf) : std::nullopt;
  std::free(Buf);
  if (!Types) {
    Error = "cannot read the parameter list of '" + demangle(Name) + "'";
    return std::nullopt;
  }
  SourceSignature Sig;
  Sig.Params.emplace();
  for (const std::string &T : *Types)
    Sig.Params->push_back(isScalarTypeName(T) ? Widths::exactlyOne()
                                              : Widths::oneOrTwo());
  char *Ctx = D.getFunctionDeclContextName(nullptr, &N);
  bool Nested = Ctx && *Ctx;
  std::free(Ctx);
  if (!Nested)
    Sig.HasThis = false;
  else if (D.isCtorOrDtor() || hasObjectQualifier(Name))
    Sig.HasThis = true;
  return Sig;
}

namespace {
/// The ways the source parameters can be laid over the IR arguments. An IR
/// argument clang marks noundef (or passes byval) is never a piece of a split
/// aggregate; with no such mark in the whole module (hand-written IR) a C
/// parameter of unknown type is taken as one IR argument.
class ParameterLayout {
public:
  ParameterLayout(ArrayRef<bool> Solid, const SourceSignature &Sig)
      : Solid(Solid), Sig(Sig) {
    unsigned K = Solid.size();
    NumParams = Sig.Params ? Sig.Params->size() : K;
    Reach.assign(NumParams + 1, std::vector<bool>(K + 1, false));
    Finish.assign(NumParams + 1, std::vector<bool>(K + 1, false));
    Reach[0][0] = true;
    for (unsigned J = 0; J < NumParams; ++J)
      for (unsigned I = 0; I <= K; ++I)
        if (Reach[J][I])
          for (unsigned W : {1u, 2u})
            if (fits(J, I, W))
              Reach[J + 1][I + W] = true;
    for (unsigned J = NumParams + 1; J-- > 0;)
      for (unsigned I = K + 1; I-- > 0;) {
        bool Done = I == K && (!Sig.Params || J == NumParams);
        for (unsigned W : {1u, 2u})
          if (J < NumParams && fits(J, I, W) && Finish[J + 1][I + W])
            Done = true;
        Finish[J][I] = Done;
      }
  }

  /// Some layout covers every IR argument.
  bool consistent() const { return Finish[0][0]; }

  /// Where source parameter P can start and how wide it can be, over all
  /// complete layouts; Beyond is set if some layout has no parameter P.
  std::set<std::pair<unsigned, unsigned>> placements(unsigned P,
                                                     bool &Beyond) const {
    std::set<std::pair<unsigned, unsigned>> Out;
    unsigned K = Solid.size();
    Beyond = false;
    for (unsigned J = 0; J <= std::min(P, NumParams); ++J)
      if (Reach[J][K] && (!Sig.Params || J == NumParams))
        Beyond = true;
    if (P >= NumParams)
      return Out;
    for (unsigned I = 0; I <= K; ++I)
      if (Reach[P][I])
        for (unsigned W : {1u, 2u})
          if (fits(P, I, W) && Finish[P + 1][I + W])
            Out.insert({I, W});
    return Out;
  }

private:
  Widths widthsOf(unsigned J) const {
    return Sig.Params ? (*Sig.Params)[J] : Sig.UnknownWidths;
  }
  bool fits(unsigned J, unsigned I, unsigned W) const {
    Widths A = widthsOf(J);
    if (I + W > Solid.size() || (W == 1 ? !A.One : !A.Two))
      return false;
    return W == 1 || (!Solid[I] && !Solid[I + 1]);
  }

  ArrayRef<bool> Solid;
  const SourceSignature &Sig;
  unsigned NumParams;
  std::vector<std::vector<bool>> Reach, Finish;
};
} // namespace

static bool isSolidArgument(const Function &F, unsigned I) {
  return F.hasParamAttribute(I, Attribute::NoUndef) ||
         F.hasParamAttribute(I, Attribute::ByVal) ||
         F.hasParamAttribute(I, Attribute::ByRef) ||
         F.hasParamAttribute(I, Attribute::InAlloca) ||
         F.hasParamAttribute(I, Attribute::Preallocated);
}

/// Whether clang's noundef marks can be trusted to tell whole scalars from
/// pieces of aggregates: the function, or some other function of the
/// module, has them (a function whose parameters are all structs has none).
/// Hand-written IR without any is taken as one IR argument per parameter.
static bool hasNoUndefMarks(const Function &F) {
  auto Marked = [](const Function &G) {
    for (unsigned I = 0, E = G.arg_size(); I < E; ++I)
      if (G.hasParamAttribute(I, Attribute::NoUndef))
        return true;
    return false;
  };
  if (Marked(F))
    return true;
  for (const Function &G : *F.getParent())
    if (!G.isIntrinsic() && Marked(G))
      return true;
  return false;
}

static std::string parameters(unsigned N) {
  return std::to_string(N) + (N == 1 ? " parameter" : " parameters");
}

static std::string irArguments(unsigned N) {
  return std::to_string(N) + (N == 1 ? " IR argument" : " IR arguments");
}

/// The source parameters of \p F: from debug info, the mangled name, or
/// for C without either, one per IR argument unless clang's noundef marks
/// show coerced aggregates. \p Solid says which IR arguments (sret slot
/// excluded) are whole parameters.
static Expected<SourceSignature> sourceSignature(const Function &F,
                                                 ArrayRef<bool> Solid,
                                                 bool Evidence) {
  std::string Error;
  std::optional<SourceSignature> Sig = signatureFromDebugInfo(F);
  if (!Sig)
    Sig = signatureFromMangledName(F, Error);
  if (!Sig && !Error.empty())
    return mappingError(Error + "; compile with -g or use irargN");
  if (Sig)
    return std::move(*Sig);
  SourceSignature C;
  C.HasThis = false;
  if (Evidence && llvm::is_contained(Solid, false))
    C.UnknownWidths = Widths::oneOrTwo();
  else // every IR argument is a parameter of its own
    C.Params.emplace(Solid.size(), Widths::exactlyOne());
  return C;
}

namespace {
/// Where a source parameter can sit among the IR arguments.
struct Placement {
  /// IR arguments that hold it whole, or one half of it.
  std::set<unsigned> Whole, Split;
  /// For each consistent layout, whether it has `this`.
  SmallVector<bool, 2> ConsistentThis;
  /// Some layout puts it beyond the arguments.
  bool MaybeBeyond = false;
};
} // namespace

/// Tries the layouts of \p Sig over the IR arguments \p Args, with and
/// without `this` where that is unknown; `this` is the first argument and,
/// in clang's output, marked noundef.
static Placement placeParameter(const SourcePosition &P,
                                ArrayRef<unsigned> Args, ArrayRef<bool> Solid,
                                bool Evidence, const SourceSignature &Sig) {
  Placement Out;
  SmallVector<bool, 2> ThisOptions;
  if (Sig.HasThis)
    ThisOptions.push_back(*Sig.HasThis);
  else
    ThisOptions = {false, true};
  for (bool HasThis : ThisOptions) {
    ArrayRef<bool> Rest = Solid;
    if (HasThis) {
      if (Args.empty() || (Evidence && !Solid.front() && !Sig.HasThis))
        continue;
      Rest = Rest.drop_front();
    }
    ParameterLayout Layout(Rest, Sig);
    if (!Layout.consistent())
      continue;
    Out.ConsistentThis.push_back(HasThis);
    if (P.Kind == SourcePosition::This)
      continue;
    bool Beyond;
    for (auto [I, W] : Layout.placements(P.Index, Beyond))
      (W == 1 ? Out.Whole : Out.Split).insert(Args[I + HasThis]);
    Out.MaybeBeyond |= Beyond;
  }
  return Out;
}

Expected<IRPosition> mapSourcePosition(const Function &F,
                                       const SourcePosition &P) {
  std::optional<unsigned> SRet = sretArgNo(F);
  unsigned NumIR = F.arg_size();

  if (P.Kind == SourcePosition::Return) {
    if (SRet)
      return IRPosition{IRPosition::Argument, *SRet, /*ViaSRet=*/true};
    if (F.getReturnType()->isVoidTy())
      return mappingError("'ret' names the return value, but the function "
                          "returns void");
    return IRPosition{IRPosition::Return, 0, false};
  }
  if (P.Kind == SourcePosition::IRArgument) {
    if (P.Index >= NumIR)
      return mappingError("'" + P.str() + "' is beyond the function's " +
                          irArguments(NumIR));
    return IRPosition{IRPosition::Argument, P.Index, false};
  }

  // The IR arguments that stand for source parameters, `this` included:
  // everything but the sret slot.
  SmallVector<unsigned, 8> Args;
  SmallVector<bool, 8> Solid;
  for (unsigned I = 0; I < NumIR; ++I)
    if (!SRet || I != *SRet) {
      Args.push_back(I);
      Solid.push_back(isSolidArgument(F, I));
    }
  bool Evidence = hasNoUndefMarks(F);

  Expected<SourceSignature> Signature = sourceSignature(F, Solid, Evidence);
  if (!Signature)
    return Signature.takeError();
  std::optional<SourceSignature> Sig = std::move(*Signature);
  if (Sig->Params && P.Kind == SourcePosition::Argument &&
      P.Index >= Sig->Params->size())
    return mappingError("'" + P.str() + "' is beyond the function's " +
                        parameters(Sig->Params->size()));
  if (!Sig->Params && P.Kind == SourcePosition::Argument &&
      P.Index >= Args.size())
    return mappingError("'" + P.str() + "' is beyond the function's " +
                        irArguments(Args.size()));

  Placement Where = placeParameter(P, Args, Solid, Evidence, *Sig);
  std::set<unsigned> &Placements = Where.Whole, &Split = Where.Split;
  SmallVector<bool, 2> &ConsistentThis = Where.ConsistentThis;
  bool MaybeBeyond = Where.MaybeBeyond;

  std::string Name = demangle(F.getName().str());
  std::string Remedy = Sig->FromDebugInfo
                           ? "name the IR argument with irargN"
                           : "compile with -g or name the IR argument with "
                             "irargN";
  if (ConsistentThis.empty())
    return mappingError(
        "cannot map '" + P.str() + "': '" + Name + "' has " +
        (Sig->Params ? parameters(Sig->Params->size())
                     : std::string("parameters")) +
        " in the source but " + irArguments(NumIR) +
        " in the IR, and no lowering of by-value structs explains it; " +
        Remedy);
  if (P.Kind == SourcePosition::This) {
    if (ConsistentThis.size() > 1)
      return mappingError("cannot tell without debug info whether '" + Name +
                          "' is a member function; " + Remedy);
    if (!ConsistentThis.front())
      return mappingError("'this' is used, but '" + Name +
                          "' is not a member function");
    return IRPosition{IRPosition::Argument, Args.front(), false};
  }
  if (Placements.size() + Split.size() + MaybeBeyond > 1)
    return mappingError("cannot map '" + P.str() + "' of '" + Name + "'" +
                        (Sig->FromDebugInfo ? "" : " without debug info") +
                        ": a struct passed by value may occupy one or two IR "
                        "arguments; " +
                        Remedy);
  if (MaybeBeyond)
    return mappingError("'" + P.str() + "' is beyond the parameters of '" +
                        Name + "'");
  if (!Split.empty())
    return mappingError("'" + P.str() +
                        "' is a struct passed by value and split into "
                        "two IR arguments; it cannot be a handle");
  return IRPosition{IRPosition::Argument, *Placements.begin(), false};
}

} // namespace cancelverify
