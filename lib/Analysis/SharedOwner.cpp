//===- SharedOwner.cpp - std::shared_ptr as the owner of a handle ---------===//
//
// Names are taken apart by LLVM's partial demangler (base name, enclosing
// class, parameter list) rather than matched as whole strings, so the
// deleter's type can be read off the adopting constructor's parameters.
// At -O2 the constructor is inlined: what is left is stores into the
// control block, whose debug locations sit in the constructor's inlined
// frame.
//
//===----------------------------------------------------------------------===//
#include "SharedOwner.h"

#include "cancelverify/CallTarget.h"
#include "cancelverify/SourceFrames.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Module.h"

#include <cstdlib>

using namespace llvm;

namespace cancelverify {

namespace {
/// The parts of a demangled member name this file reads.
struct MemberName {
  std::string Base, Class;
  SmallVector<std::string, 8> Params;
};
} // namespace

static std::string takeString(char *Buf) {
  std::string S = Buf ? Buf : "";
  std::free(Buf);
  return S;
}

static std::optional<MemberName> demangleMember(StringRef Mangled) {
  if (!Mangled.starts_with("_Z"))
    return std::nullopt;
  // The demangler's parts point into the mangled string: keep it alive
  // until they are printed.
  std::string Name = Mangled.str();
  ItaniumPartialDemangler D;
  if (D.partialDemangle(Name.c_str()) || !D.isFunction())
    return std::nullopt;
  MemberName N;
  size_t Size = 0;
  N.Base = takeString(D.getFunctionBaseName(nullptr, &Size));
  Size = 0;
  N.Class = takeString(D.getFunctionDeclContextName(nullptr, &Size));
  Size = 0;
  N.Params = splitDemangledParams(
                 takeString(D.getFunctionParameters(nullptr, &Size)))
                 .value_or(SmallVector<std::string, 8>());
  // libc++ tags its members with the ABI version: shared_ptr[abi:ne180100].
  if (size_t Tag = N.Base.find("[abi:"); Tag != std::string::npos)
    N.Base.erase(Tag);
  return N;
}

/// "std::shared_ptr<T>", "std::__shared_ptr<T, ...>" (libstdc++'s base),
/// "std::__1::shared_ptr<T>", with or without const and a reference.
static bool isOwnerType(StringRef T) {
  T = T.trim();
  T.consume_back("&&") || T.consume_back("&");
  T = T.trim();
  T.consume_back("const");
  T = T.trim();
  T.consume_front("const ");
  if (!T.consume_front("std::"))
    return false;
  T.consume_front("__1::") || T.consume_front("__2::");
  return (T.starts_with("shared_ptr<") || T.starts_with("__shared_ptr<")) &&
         T.ends_with(">");
}

static bool isRvalueRef(StringRef T) { return T.trim().ends_with("&&"); }
static bool isRawPointer(StringRef T) {
  T = T.trim();
  return T.ends_with("*") && !T.ends_with("(*)");
}
static bool isFunctionPointer(StringRef T) { return T.contains("(*)"); }

/// The deleter an adopting member names with its parameter \p D.
static void setDeleter(SharedOwnerOp &Op, StringRef D) {
  D = D.trim();
  if (isFunctionPointer(D)) {
    Op.Deleter = SharedOwnerOp::Pointer;
  } else {
    Op.Deleter = SharedOwnerOp::Callable;
    Op.DeleterClass = D.str();
  }
}

static std::optional<SharedOwnerOp> classifyName(StringRef Mangled) {
  std::optional<MemberName> N = demangleMember(Mangled);
  if (!N || !isOwnerType(N->Class))
    return std::nullopt;
  const auto &Ps = N->Params;
  SharedOwnerOp Op;
  StringRef Base = N->Base;
  bool Ctor = Base == "shared_ptr" || Base == "__shared_ptr";
  if (Base.starts_with("~")) {
    Op.K = SharedOwnerOp::Release;
  } else if (Base == "reset" && Ps.empty()) {
    Op.K = SharedOwnerOp::Release;
  } else if ((Ctor || Base == "reset") && !Ps.empty() && isRawPointer(Ps[0]) &&
             Ps.size() <= 3) {
    // (Y*), (Y*, D) and (Y*, D, Alloc).
    Op.K = Ctor ? SharedOwnerOp::Adopt : SharedOwnerOp::Reset;
    if (Ps.size() >= 2)
      setDeleter(Op, Ps[1]);
  } else if (Ctor && !Ps.empty() && isOwnerType(Ps[0]) &&
             (Ps.size() == 1 || (Ps.size() == 2 && isRawPointer(Ps[1])))) {
    // Copy, move, converting and aliasing constructors share the owner.
    Op.K = isRvalueRef(Ps[0]) ? SharedOwnerOp::Move : SharedOwnerOp::Copy;
  } else if (Base == "operator=" && Ps.size() == 1 && isOwnerType(Ps[0])) {
    Op.K = isRvalueRef(Ps[0]) ? SharedOwnerOp::MoveAssign
                              : SharedOwnerOp::CopyAssign;
  } else if (Base == "swap" && Ps.size() == 1 && isOwnerType(Ps[0])) {
    Op.K = SharedOwnerOp::Swap;
  } else {
    return std::nullopt;
  }
  return Op;
}

const SharedOwnerOp *SharedOwnerOps::classify(const void *Key,
                                              StringRef Mangled) {
  auto [It, New] = Cache.try_emplace(Key);
  if (New)
    It->second = classifyName(Mangled);
  return It->second ? &*It->second : nullptr;
}

const SharedOwnerOp *SharedOwnerOps::of(const CallBase &CB) {
  const Function *F = calleeNamed(CB);
  if (!F)
    return nullptr;
  const SharedOwnerOp *Op = classify(F, F->getName());
  if (!Op || CB.arg_size() < 1 ||
      (Op->K != SharedOwnerOp::Release && Op->Object >= CB.arg_size()) ||
      (Op->Deleter == SharedOwnerOp::Pointer && CB.arg_size() < 3))
    return nullptr;
  return Op;
}

std::optional<std::pair<const SharedOwnerOp *, const DILocation *>>
SharedOwnerOps::adoptingFrame(const Instruction &I) {
  for (const InlinedFrame &Frame : inlinedFrames(I))
    if (const SharedOwnerOp *Op =
            classify(Frame.Callee, Frame.Callee->getLinkageName());
        Op && Op->adopts())
      return std::make_pair(Op, Frame.CallSite.get());
  return std::nullopt;
}

bool SharedOwnerOps::inReleaseFrame(const Instruction &I) {
  for (const InlinedFrame &Frame : inlinedFrames(I))
    if (const SharedOwnerOp *Op =
            classify(Frame.Callee, Frame.Callee->getLinkageName());
        Op && Op->K == SharedOwnerOp::Release)
      return true;
  return false;
}

const Function *SharedOwnerOps::callOperator(const Module &M,
                                             StringRef Class) {
  if (OperatorsOf != &M) {
    OperatorsOf = &M;
    Operators.clear();
    for (const Function &F : M) {
      // Only C++ names can be call operators: "cl" in the mangling.
      if (F.isDeclaration() || !F.getName().contains("cl"))
        continue;
      std::optional<MemberName> N = demangleMember(F.getName());
      if (!N || N->Base != "operator()" || N->Class.empty())
        continue;
      auto [It, New] = Operators.try_emplace(N->Class, &F);
      if (!New)
        It->second = nullptr;
    }
  }
  auto It = Operators.find(Class);
  return It == Operators.end() ? nullptr : It->second;
}

bool SharedOwnerOps::isDispose(const Function &F) {
  std::optional<MemberName> N = demangleMember(F.getName());
  return N && (N->Base == "_M_dispose" || N->Base == "__on_zero_shared") &&
         N->Params.empty();
}

} // namespace cancelverify
