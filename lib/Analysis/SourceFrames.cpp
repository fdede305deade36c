//===- SourceFrames.cpp - Instructions as the source wrote them -----------===//
//
// Reads inlining history from DILocation::getInlinedAt() chains and names
// from DISubprogram linkage names, demangled with the Itanium partial
// demangler (which can leave out the parameter list).
//
//===----------------------------------------------------------------------===//
#include "cancelverify/SourceFrames.h"

#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Instructions.h"

#include <algorithm>
#include <cstdlib>

using namespace llvm;

namespace cancelverify {

DebugLoc outermostLoc(const DebugLoc &DL) {
  if (!DL)
    return DL;
  DILocation *L = DL.get();
  while (DILocation *IA = L->getInlinedAt())
    L = IA;
  return DebugLoc(L);
}

std::string lineOf(const Instruction &I) {
  DebugLoc DL = outermostLoc(I.getDebugLoc());
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

bool isStandardLibraryName(StringRef Mangled) {
  // Nested names in std (_ZNSt, const and volatile members _ZNKSt, _ZNVSt),
  // unscoped ones (_ZSt), and __gnu_cxx (9__gnu_cxx).
  for (StringRef Prefix : {"_ZSt", "_ZNSt", "_ZNKSt", "_ZNVSt", "_ZNVKSt",
                           "_ZN9__gnu_cxx", "_ZNK9__gnu_cxx"})
    if (Mangled.starts_with(Prefix))
      return true;
  return false;
}

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
