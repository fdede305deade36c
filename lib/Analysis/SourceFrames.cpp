//===- SourceFrames.cpp - Instructions as the source wrote them -----------===//
//
// Reads inlining history from DILocation::getInlinedAt() chains and names
// from DISubprogram linkage names, demangled with the Itanium partial
// demangler (which can leave out the parameter list).
//
//===----------------------------------------------------------------------===//
#include "cancelverify/SourceFrames.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Metadata.h"

#include <algorithm>
#include <cstdlib>

using namespace llvm;

namespace cancelverify {

/// \p L, or where its scope begins when optimization left it no line: code
/// merged from two branches (the same call hoisted out of an if and its
/// else) is given line 0 in the scope both share.
static DILocation *lineOrScope(DILocation *L) {
  if (L->getLine())
    return L;
  for (DIScope *S = L->getScope(); S;) {
    if (auto *B = dyn_cast<DILexicalBlock>(S)) {
      if (B->getLine())
        return DILocation::get(L->getContext(), B->getLine(), B->getColumn(),
                               B);
      S = B->getScope();
    } else if (auto *BF = dyn_cast<DILexicalBlockFile>(S)) {
      S = BF->getScope();
    } else {
      auto *SP = dyn_cast<DISubprogram>(S);
      if (SP && SP->getLine())
        return DILocation::get(L->getContext(), SP->getLine(), 0, SP);
      break;
    }
  }
  return L;
}

DebugLoc outermostLoc(const DebugLoc &DL) {
  if (!DL)
    return DL;
  DILocation *L = DL.get();
  while (DILocation *IA = L->getInlinedAt())
    L = IA;
  return DebugLoc(L);
}

DebugLoc reportedLoc(const DebugLoc &DL) {
  DebugLoc Out = outermostLoc(DL);
  return Out ? DebugLoc(lineOrScope(Out.get())) : Out;
}

std::string lineOf(const Instruction &I) {
  return lineOf(outermostLoc(I.getDebugLoc()));
}

std::string lineOf(const DebugLoc &DL) {
  if (DL && DL.getLine())
    return std::to_string(DL.getLine());
  return "?";
}

std::string formatLocation(const DebugLoc &Loc, bool WithColumn) {
  DebugLoc DL = outermostLoc(Loc);
  if (!DL)
    return "<unknown>";
  std::string S = cast<DIScope>(DL.getScope())->getFilename().str() + ":" +
                  std::to_string(DL.getLine());
  if (WithColumn)
    S += ":" + std::to_string(DL.getCol());
  return S;
}

SmallVector<InlinedFrame, 4> inlinedFrames(const DebugLoc &DL) {
  SmallVector<InlinedFrame, 4> Frames;
  const DILocation *Loc = DL.get();
  while (Loc && Loc->getInlinedAt()) {
    Frames.push_back(
        {Loc->getScope()->getSubprogram(), DebugLoc(Loc->getInlinedAt())});
    Loc = Loc->getInlinedAt();
  }
  std::reverse(Frames.begin(), Frames.end());
  return Frames;
}

/// Whether the code at \p DL is inside the inlined instance whose call
/// site is \p Site.
static bool insideInstance(const DILocation *DL, const DILocation *Site) {
  for (; DL; DL = DL->getInlinedAt())
    if (DL->getInlinedAt() == Site)
      return true;
  return false;
}

const DILocation *owningFrameLocation(const Instruction &Def) {
  const DILocation *Loc = Def.getDebugLoc().get();
  if (!Loc || !Loc->getInlinedAt())
    return nullptr;
  // The uses of the value, through values that only forward it.
  SmallVector<const Instruction *, 8> Uses;
  SmallVector<const Value *, 8> Work{&Def};
  SmallPtrSet<const Value *, 8> Seen{&Def};
  while (!Work.empty()) {
    const Value *V = Work.pop_back_val();
    for (const User *U : V->users()) {
      auto *I = dyn_cast<Instruction>(U);
      if (!I)
        return nullptr;
      if (isa<PHINode>(I) || isa<SelectInst>(I) || isa<CastInst>(I)) {
        if (Seen.insert(I).second)
          Work.push_back(I);
        continue;
      }
      // Memory may be read anywhere; a return leaves every inlined frame.
      if (auto *SI = dyn_cast<StoreInst>(I);
          (SI && SI->getValueOperand() == V) || isa<ReturnInst>(I))
        return nullptr;
      Uses.push_back(I);
      if (Uses.size() > 64)
        return nullptr;
    }
  }
  if (Uses.empty())
    return nullptr;
  // The deepest frame first: the instance each inlined location names by
  // its call site.
  for (const DILocation *L = Loc; L->getInlinedAt(); L = L->getInlinedAt()) {
    const DILocation *Site = L->getInlinedAt();
    if (all_of(Uses, [&](const Instruction *U) {
          return insideInstance(U->getDebugLoc().get(), Site);
        }))
      return L;
  }
  return nullptr;
}

const DILocation *locationInFrame(const DebugLoc &DL, const DILocation *Frame) {
  const DILocation *Site = Frame->getInlinedAt();
  for (const DILocation *L = DL.get(); L; L = L->getInlinedAt())
    if (L->getInlinedAt() == Site)
      return L;
  return nullptr;
}

DebugLoc detachedLocation(const DILocation *L) {
  return DILocation::get(L->getContext(), L->getLine(), L->getColumn(),
                         L->getScope());
}

std::optional<std::pair<std::string, int64_t>>
aliasTagField(const Instruction &I) {
  auto *Tag = dyn_cast_or_null<MDNode>(I.getMetadata(LLVMContext::MD_tbaa));
  if (!Tag || Tag->getNumOperands() < 3)
    return std::nullopt;
  auto *Base = dyn_cast<MDNode>(Tag->getOperand(0));
  auto *Off = mdconst::dyn_extract<ConstantInt>(Tag->getOperand(2));
  // A scalar access (`int`, `any pointer`) is tagged with its own type as
  // the base: no struct, no field.
  if (!Base || !Off || Base->getNumOperands() < 3 ||
      Base == Tag->getOperand(1))
    return std::nullopt;
  auto *Name = dyn_cast<MDString>(Base->getOperand(0));
  if (!Name || Name->getString().empty())
    return std::nullopt;
  std::string Source = Name->getString().str();
  if (StringRef(Source).starts_with("_ZTS")) {
    std::string D = demangle(Source);
    StringRef Spelled(D);
    if (!Spelled.consume_front("typeinfo name for "))
      return std::nullopt;
    Source = Spelled.str();
  }
  return std::make_pair(Source, Off->getSExtValue());
}

std::optional<SmallVector<std::string, 8>>
splitDemangledParams(StringRef Params) {
  Params = Params.trim();
  if (!Params.consume_front("(") || !Params.consume_back(")"))
    return std::nullopt;
  SmallVector<std::string, 8> Out;
  Params = Params.trim();
  if (Params.empty() || Params == "void")
    return Out;
  unsigned Depth = 0;
  size_t Start = 0;
  for (size_t I = 0; I < Params.size(); ++I) {
    char C = Params[I];
    if (C == '<' || C == '(' || C == '[')
      ++Depth;
    else if ((C == '>' || C == ')' || C == ']') && Depth)
      --Depth;
    else if (C == ',' && Depth == 0) {
      Out.push_back(Params.slice(Start, I).trim().str());
      Start = I + 1;
    }
  }
  Out.push_back(Params.substr(Start).trim().str());
  // The variadic part has no IR arguments of its own.
  if (Out.back() == "...")
    Out.pop_back();
  return Out;
}

bool isStandardLibraryName(StringRef Mangled) {
  // Nested names in std (_ZNSt, const and volatile members _ZNKSt, _ZNVSt),
  // unscoped ones (_ZSt), and __gnu_cxx (9__gnu_cxx).
  for (StringRef Prefix : {"_ZSt", "_ZNSt", "_ZNKSt", "_ZNVSt", "_ZNVKSt",
                           "_ZN9__gnu_cxx", "_ZNK9__gnu_cxx"})
    if (Mangled.starts_with(Prefix))
      return true;
  return false;
}

/// 1 for a constructor, 2 for a destructor, 0 for anything else.
static int structorKind(const Function &F) {
  ItaniumPartialDemangler D;
  if (!F.getName().starts_with("_Z") || D.partialDemangle(F.getName().data()) ||
      !D.isCtorOrDtor())
    return 0;
  // A destructor's base name starts with '~'.
  size_t Size = 0;
  char *Base = D.getFunctionBaseName(nullptr, &Size);
  int Kind = !Base ? 0 : Base[0] == '~' ? 2 : 1;
  std::free(Base);
  return Kind;
}

bool isConstructor(const Function &F) { return structorKind(F) == 1; }
bool isDestructor(const Function &F) { return structorKind(F) == 2; }

bool inStandardLibrary(const Instruction &I) {
  if (const DILocation *Loc = I.getDebugLoc().get();
      Loc && Loc->getInlinedAt())
    if (const DISubprogram *SP = Loc->getScope()->getSubprogram())
      return isStandardLibraryName(SP->getLinkageName());
  return isStandardLibraryName(I.getFunction()->getName());
}

/// True if \p J does what \p I does, as far as a message is concerned.
static bool isTwin(const Instruction &I, const Instruction &J) {
  if (const auto *LI = dyn_cast<LoadInst>(&I)) {
    const auto *LJ = dyn_cast<LoadInst>(&J);
    return LJ && LJ->getPointerOperand() == LI->getPointerOperand();
  }
  if (const auto *CI = dyn_cast<CallBase>(&I)) {
    const auto *CJ = dyn_cast<CallBase>(&J);
    return CJ && CJ->getCalledOperand() == CI->getCalledOperand();
  }
  return I.isIdenticalToWhenDefined(&J);
}

DebugLoc locationOrTwin(const Instruction &I) {
  if (DebugLoc DL = I.getDebugLoc())
    return DL;
  for (const BasicBlock &BB : *I.getFunction())
    for (const Instruction &J : BB)
      if (&J != &I && J.getDebugLoc() && isTwin(I, J))
        return J.getDebugLoc();
  return DebugLoc();
}

SourceOrderKey sourceOrderKey(const Instruction &I) {
  SourceOrderKey Key;
  for (const DILocation *Loc = I.getDebugLoc().get(); Loc;
       Loc = Loc->getInlinedAt())
    Key.push_back({Loc->getLine() ? Loc->getLine() : ~0u, Loc->getColumn()});
  if (Key.empty())
    Key.push_back({~0u, ~0u});
  std::reverse(Key.begin(), Key.end());
  return Key;
}

const DISubprogram *sourceFunctionOf(const DebugLoc &DL) {
  if (!DL)
    return nullptr;
  return DL.get()->getScope()->getSubprogram();
}

std::string sourceLocation(const DebugLoc &DL) {
  if (!DL)
    return "<unknown>";
  return (DL.get()->getFilename() + ":" + Twine(DL.getLine())).str();
}

DebugLoc withoutInlining(const DebugLoc &DL) {
  if (!DL || !DL.getInlinedAt())
    return DL;
  const DILocation *L = DL.get();
  return DILocation::get(L->getContext(), L->getLine(), L->getColumn(),
                         L->getScope());
}

/// The qualified function name without return type and parameters.
static std::string demangledName(StringRef Name) {
  if (!Name.starts_with("_Z"))
    return Name.str();
  // The demangler points into the string it parses: keep it alive.
  std::string Mangled = Name.str();
  ItaniumPartialDemangler D;
  if (D.partialDemangle(Mangled.c_str()))
    return demangle(Mangled);
  std::string Result;
  if (char *Buf = D.getFunctionName(nullptr, nullptr)) {
    Result = Buf;
    std::free(Buf);
  }
  // Not a function (a mangled variable or special name): the full form.
  if (Result.empty())
    Result = demangle(Mangled);
  return Result;
}

std::string sourceName(const DISubprogram &SP) {
  StringRef Linkage = SP.getLinkageName();
  return demangledName(Linkage.empty() ? SP.getName() : Linkage);
}

std::string sourceName(const Function &F) {
  // The subprogram keeps the source name when optimizations rename the
  // function (clones, internalized copies).
  if (const DISubprogram *SP = F.getSubprogram())
    return sourceName(*SP);
  return demangledName(F.getName());
}

std::string sourceName(const GlobalVariable &GV) {
  return GV.getName().starts_with("_Z") ? demangle(GV.getName().str())
                                        : GV.getName().str();
}

bool isImplementationName(StringRef Name) {
  for (StringRef NS : {"std::", "__gnu_cxx::", "__cxxabiv1::"})
    if (Name.starts_with(NS))
      return true;
  // Identifiers reserved to the implementation: __x and _X.
  return Name.starts_with("__") || (Name.size() > 1 && Name[0] == '_' &&
                                    Name[1] >= 'A' && Name[1] <= 'Z');
}

} // namespace cancelverify
