//===- BorrowFacts.cpp - Can a bodiless callee keep a pointer -------------===//
//
// LLVM knows the library (TargetLibraryInfo) and what its functions do with
// their pointer arguments (inferNonMandatoryLibFuncAttrs), but only runs
// that inference in the optimization pipeline, after the verifier at -O0.
// So the declarations are copied into a scratch module and the inference
// runs there, giving the same facts at every -O level. The wide-character
// functions, which LLVM does not know, are asked about as their
// narrow-character counterparts.
//
//===----------------------------------------------------------------------===//
#include "BorrowFacts.h"
#include "DeclaredParameters.h"
#include "ReferentExtent.h"

#include "cancelverify/CallTarget.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Analysis/MemoryBuiltins.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Module.h"
#include "llvm/TargetParser/Triple.h"
#include "llvm/Transforms/Utils/BuildLibCalls.h"

using namespace llvm;

namespace cancelverify {

BorrowFacts::BorrowFacts(const Module &M)
    : M(M), Declared(std::make_unique<DeclaredParameters>(M)),
      Referents(std::make_unique<ReferentExtent>(M)) {}
BorrowFacts::~BorrowFacts() = default;

/// A source parameter declared as a pointer (or reference) to const.
static bool pointsToConst(const Function &F, unsigned ArgNo) {
  const DISubprogram *SP = F.getSubprogram();
  if (!SP || !SP->getType() || F.hasStructRetAttr())
    return false;
  DITypeRefArray Types = SP->getType()->getTypeArray();
  // Types[0] is the return type; one source parameter per IR argument is
  // needed to match them (no by-value structs split in two).
  if (Types.size() != F.arg_size() + 1 || !Types[ArgNo + 1])
    return false;
  auto *Ptr = dyn_cast<DIDerivedType>(Types[ArgNo + 1]);
  while (Ptr && Ptr->getTag() == dwarf::DW_TAG_typedef)
    Ptr = dyn_cast_or_null<DIDerivedType>(Ptr->getBaseType());
  if (!Ptr || (Ptr->getTag() != dwarf::DW_TAG_pointer_type &&
               Ptr->getTag() != dwarf::DW_TAG_reference_type))
    return false;
  auto *Base = dyn_cast_or_null<DIDerivedType>(Ptr->getBaseType());
  return Base && Base->getTag() == dwarf::DW_TAG_const_type;
}

/// Whether \p A is the pointer its function frees or reallocates (\p Kind),
/// as LLVM's library inference marks it: allocptr, and the function's
/// allockind.
static bool allocatedPointerOf(const Argument &A, AllocFnKind Kind) {
  const Function &F = *A.getParent();
  return A.hasAttribute(Attribute::AllocatedPointer) &&
         F.hasFnAttribute(Attribute::AllocKind) &&
         (F.getFnAttribute(Attribute::AllocKind).getAllocKind() & Kind) !=
             AllocFnKind::Unknown;
}

/// Whether \p LF formats or scans its variadic arguments by a format string:
/// the standard says what each conversion does with its argument (reads
/// it, or writes through it for scanf and %n), and none keeps a pointer
/// past the call. LLVM's inference says so of the fixed parameters only.
static bool formatsVariadicArguments(LibFunc LF) {
  switch (LF) {
  case LibFunc_printf:
  case LibFunc_fprintf:
  case LibFunc_sprintf:
  case LibFunc_snprintf:
  case LibFunc_sprintf_chk:
  case LibFunc_snprintf_chk:
  case LibFunc_iprintf:
  case LibFunc_fiprintf:
  case LibFunc_siprintf:
  case LibFunc_small_printf:
  case LibFunc_small_fprintf:
  case LibFunc_small_sprintf:
  case LibFunc_scanf:
  case LibFunc_fscanf:
  case LibFunc_sscanf:
  case LibFunc_dunder_isoc99_scanf:
  case LibFunc_dunder_isoc99_sscanf:
    return true;
  default:
    return false;
  }
}

/// The narrow-character function of the C library that does with its
/// pointers what the wide-character function \p Name does with its own
/// (`wcscpy` is `strcpy` on wchar_t), or "" for other names. LLVM's library
/// information knows the narrow ones only; their IR signatures are the same
/// (pointers are opaque, wchar_t is an int), which LLVM checks again.
static StringRef narrowCounterpart(StringRef Name) {
  return StringSwitch<StringRef>(Name)
      .Case("wcscpy", "strcpy")
      .Case("wcsncpy", "strncpy")
      .Case("wcscat", "strcat")
      .Case("wcsncat", "strncat")
      .Case("wcscmp", "strcmp")
      .Case("wcsncmp", "strncmp")
      .Case("wcscoll", "strcoll")
      .Case("wcschr", "strchr")
      .Case("wcsrchr", "strrchr")
      .Case("wcsstr", "strstr")
      .Case("wcsspn", "strspn")
      .Case("wcscspn", "strcspn")
      .Case("wcspbrk", "strpbrk")
      .Case("wcstol", "strtol")
      .Case("wcstoul", "strtoul")
      .Case("wcstoll", "strtoll")
      .Case("wcstoull", "strtoull")
      .Case("wcstod", "strtod")
      .Case("wmemcpy", "memcpy")
      .Case("wmemmove", "memmove")
      .Case("wmemset", "memset")
      .Case("wmemcmp", "memcmp")
      .Case("wmemchr", "memchr")
      .Case("fputws", "fputs")
      .Case("fgetws", "fgets")
      .Case("wprintf", "printf")
      .Case("fwprintf", "fprintf")
      .Case("swprintf", "snprintf")
      .Case("wscanf", "scanf")
      .Case("fwscanf", "fscanf")
      .Case("swscanf", "sscanf")
      .Default("");
}

const BorrowFacts::ParamUses &BorrowFacts::paramUses(const Function &F) {
  auto [It, New] = Params.try_emplace(&F);
  if (!New)
    return It->second;
  SmallBitVector Borrow(F.arg_size()), Returned(F.arg_size()),
      Frees(F.arg_size());
  // What the declaration itself says, and the const in its debug info.
  // Without debug info for the declaration (-O0), the declared types.
  for (unsigned I = 0; I < F.arg_size(); ++I)
    Borrow[I] = F.getArg(I)->hasNoCaptureAttr() ||
                F.getArg(I)->onlyReadsMemory() || pointsToConst(F, I) ||
                (!F.getSubprogram() && F.getArg(I)->getType()->isPointerTy() &&
                 Declared->pointsToConst(F, I));
  // What LLVM knows of it as a library function.
  libraryInfo();
  LibFunc LF;
  bool VariadicBorrow = false, Reallocates = false;
  StringRef LibName = F.getName();
  if (!TLI->getLibFunc(F, LF))
    LibName = narrowCounterpart(F.getName());
  Function *Copy =
      LibName.empty()
          ? nullptr
          : Function::Create(F.getFunctionType(), GlobalValue::ExternalLinkage,
                             LibName, *Scratch);
  if (Copy && !TLI->getLibFunc(*Copy, LF)) {
    Copy->eraseFromParent();
    Copy = nullptr;
  }
  if (Copy) {
    VariadicBorrow = F.isVarArg() && formatsVariadicArguments(LF);
    inferNonMandatoryLibFuncAttrs(*Copy, *TLI);
    for (unsigned I = 0; I < Copy->arg_size(); ++I) {
      const Argument &A = *Copy->getArg(I);
      Borrow[I] = Borrow[I] || A.hasNoCaptureAttr() || A.onlyReadsMemory();
      // realloc's pointer: the memory it held is in the result from then
      // on (moved, or the same block grown).
      bool Realloc = allocatedPointerOf(A, AllocFnKind::Realloc);
      Reallocates |= Realloc;
      Returned[I] =
          (A.hasReturnedAttr() && Copy->onlyAccessesArgMemory()) || Realloc;
      // free() is known by these attributes only (not by a table).
      Frees[I] = allocatedPointerOf(A, AllocFnKind::Free);
    }
    Copy->eraseFromParent();
  }
  ParamUses &Uses = Params[&F];
  Uses.Borrow = std::move(Borrow);
  Uses.Returned = std::move(Returned);
  Uses.Frees = std::move(Frees);
  Uses.VariadicBorrow = VariadicBorrow;
  Uses.Reallocates = Reallocates;
  return Uses;
}

const TargetLibraryInfo &BorrowFacts::libraryInfo() {
  if (!TLI) {
    Triple T(M.getTargetTriple());
    TLII = std::make_unique<TargetLibraryInfoImpl>(T);
    TLI = std::make_unique<TargetLibraryInfo>(*TLII);
    Scratch = std::make_unique<Module>("cancel-verify-libcalls",
                                       M.getContext());
    Scratch->setTargetTriple(M.getTargetTriple());
    Scratch->setDataLayout(M.getDataLayout());
  }
  return *TLI;
}

bool BorrowFacts::frees(const CallBase &CB, unsigned ArgNo) {
  // Ask about the call as the user wrote it; TLI identifies free,
  // operator delete and their variants by name and signature.
  if (ArgNo >= CB.arg_size())
    return false;
  if (getFreedOperand(&CB, &libraryInfo()) == CB.getArgOperand(ArgNo))
    return true;
  // A declaration the optimizer has not annotated yet (-O0).
  const Function *Callee = calledFunction(CB);
  return Callee && !CB.isNoBuiltin() && ArgNo < Callee->arg_size() &&
         paramUses(*Callee).Frees[ArgNo];
}

bool BorrowFacts::reallocates(const CallBase &CB) {
  const Function *Callee = calledFunction(CB);
  return Callee && Callee->isDeclaration() && !CB.isNoBuiltin() &&
         paramUses(*Callee).Reallocates;
}

uint64_t BorrowFacts::reachableBytes(const CallBase &CB, unsigned ArgNo) {
  return Referents->bytes(CB, ArgNo);
}

BorrowFacts::Use BorrowFacts::use(const CallBase &CB, unsigned ArgNo) {
  const Function *Callee = calledFunction(CB);
  if (!Callee)
    return Keeps;
  if (ArgNo >= Callee->arg_size())
    return Callee->isVarArg() && ArgNo < CB.arg_size() && !CB.isNoBuiltin() &&
                   paramUses(*Callee).VariadicBorrow
               ? Borrows
               : Keeps;
  // realloc's pointer is nocapture (the old block is not kept), yet the
  // memory lives on in the result: asked first.
  const ParamUses &Uses = paramUses(*Callee);
  if (Uses.Returned[ArgNo])
    return ReturnsIt;
  if (CB.doesNotCapture(ArgNo))
    return Borrows;
  return Uses.Borrow[ArgNo] ? Borrows : Keeps;
}

} // namespace cancelverify
