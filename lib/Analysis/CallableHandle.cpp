//===- CallableHandle.cpp - A std::function that is itself a handle -------===//
//
// Names are matched after demangling, with globs over libstdc++ (std::) and
// libc++ (std::__1::, std::__2::) spellings and any signature. At -O2 the
// members are inlined into their caller; what is left of them is an
// indirect call (through the invoker, or the manager that clones and
// destroys) whose debug location is in the member's inlined frame, with the
// same argument positions the member had: the callable's storage first,
// the source of a copy second.
//
//===----------------------------------------------------------------------===//
#include "CallableHandle.h"

#include "cancelverify/CallTarget.h"
#include "cancelverify/SourceFrames.h"

#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instruction.h"
#include "llvm/Support/GlobPattern.h"

#include <string>

using namespace llvm;

namespace cancelverify {

namespace {
struct OpPattern {
  const char *Glob;
  CallableOp Op;
};
} // namespace

#define CV_FUNCTION "std::{,__1::,__2::}function<*>"
static const OpPattern Patterns[] = {
    {CV_FUNCTION "::operator()(*) const", {CallableOp::Invoke, 0, 0}},
    {CV_FUNCTION "::function(" CV_FUNCTION " const&)",
     {CallableOp::Copy, 1, 0}},
    {CV_FUNCTION "::function(" CV_FUNCTION "&&)", {CallableOp::Copy, 1, 0}},
    {CV_FUNCTION "::operator=(" CV_FUNCTION " const&)",
     {CallableOp::Copy, 1, 0}},
    {CV_FUNCTION "::operator=(" CV_FUNCTION "&&)", {CallableOp::Copy, 1, 0}},
    {CV_FUNCTION "::swap(" CV_FUNCTION "&)", {CallableOp::Swap, 0, 1}},
    {CV_FUNCTION "::~function()", {CallableOp::Keep, 0, 0}},
    {"std::_Function_base::~_Function_base()", {CallableOp::Keep, 0, 0}},
    {CV_FUNCTION "::operator bool() const",
     {CallableOp::Keep, 0, 0, CallableOp::TrueIfTarget}},
    {"std::_Function_base::_M_empty() const",
     {CallableOp::Keep, 0, 0, CallableOp::TrueIfEmpty}},
    {"{,bool }std::{,__1::,__2::}operator==*(" CV_FUNCTION " const&, *)",
     {CallableOp::Keep, 0, 0, CallableOp::TrueIfEmpty}},
    {"{,bool }std::{,__1::,__2::}operator!=*(" CV_FUNCTION " const&, *)",
     {CallableOp::Keep, 0, 0, CallableOp::TrueIfTarget}},
};
#undef CV_FUNCTION

static std::optional<CallableOp> classifyName(StringRef Mangled) {
  // Every member above is a C++ symbol; skip the demangler for the rest.
  if (!Mangled.starts_with("_Z"))
    return std::nullopt;
  std::string Name = demangle(Mangled);
  if (Name.find("unction") == std::string::npos)
    return std::nullopt;
  static const auto Globs = [] {
    SmallVector<GlobPattern, 8> G;
    for (const OpPattern &P : Patterns)
      G.push_back(cantFail(GlobPattern::create(P.Glob, /*MaxSubPatterns=*/64)));
    return G;
  }();
  for (unsigned I = 0; I < Globs.size(); ++I)
    if (Globs[I].match(Name))
      return Patterns[I].Op;
  return std::nullopt;
}

std::optional<CallableOp> CallableOps::classify(const void *Key,
                                                StringRef Mangled) {
  auto [It, New] = Cache.try_emplace(Key);
  if (New)
    It->second = classifyName(Mangled);
  return It->second;
}

std::optional<CallableOp> CallableOps::of(const CallBase &CB) {
  // A direct call names the member; an indirect one is what an inlined
  // member left, and its innermost frame names the member.
  std::optional<CallableOp> Op;
  if (const Function *F = calleeNamed(CB)) {
    Op = classify(F, F->getName());
  } else if (SmallVector<InlinedFrame, 4> Frames = inlinedFrames(CB);
             !Frames.empty()) {
    const DISubprogram *SP = Frames.back().Callee;
    Op = classify(SP, SP->getLinkageName());
  }
  if (Op && (Op->Object >= CB.arg_size() || Op->Dest >= CB.arg_size()))
    return std::nullopt;
  return Op;
}

bool CallableOps::inCopyFrame(const Instruction &I) {
  // The byte copy itself may sit in a helper the member inlined (std::swap
  // of the storage): any enclosing inlined frame counts.
  for (const InlinedFrame &Frame : inlinedFrames(I)) {
    std::optional<CallableOp> Op =
        classify(Frame.Callee, Frame.Callee->getLinkageName());
    if (Op && (Op->K == CallableOp::Copy || Op->K == CallableOp::Swap))
      return true;
  }
  return false;
}

CallableOp::TestKind CallableOps::testFrame(const Instruction &I) {
  // The innermost frame that is a member of std::function decides.
  SmallVector<InlinedFrame, 4> Frames = inlinedFrames(I);
  for (const InlinedFrame &Frame : llvm::reverse(Frames))
    if (std::optional<CallableOp> Op =
            classify(Frame.Callee, Frame.Callee->getLinkageName()))
      return Op->Test;
  return CallableOp::NoTest;
}

/// Whether \p T is the IR type clang gives std::function (libstdc++ and
/// libc++ spellings; a numeric suffix when a module has several).
static bool isCallableType(Type *T) {
  auto *ST = dyn_cast<StructType>(T);
  if (!ST || !ST->hasName())
    return false;
  StringRef Name = ST->getName();
  if (!Name.consume_front("class.std::"))
    return false;
  Name.consume_front("__1::") || Name.consume_front("__2::");
  if (!Name.consume_front("function"))
    return false;
  return Name.empty() ||
         (Name.consume_front(".") && !Name.empty() &&
          all_of(Name, [](char C) { return C >= '0' && C <= '9'; }));
}

std::optional<uint64_t> callableMemberOffset(Type *T, const DataLayout &DL) {
  if (!T || isCallableType(T))
    return std::nullopt;
  std::optional<uint64_t> Found;
  unsigned Count = 0;
  // Members and bases are nested struct types; arrays are left alone (an
  // element of several is not one handle).
  SmallVector<std::pair<Type *, uint64_t>, 8> Work{{T, 0}};
  while (!Work.empty() && Count < 2) {
    auto [Cur, At] = Work.pop_back_val();
    auto *ST = dyn_cast<StructType>(Cur);
    if (!ST || ST->isOpaque())
      continue;
    const StructLayout *SL = DL.getStructLayout(ST);
    for (unsigned I = 0; I < ST->getNumElements(); ++I) {
      Type *E = ST->getElementType(I);
      uint64_t Off = At + SL->getElementOffset(I);
      if (isCallableType(E)) {
        Found = Off;
        ++Count;
      } else if (isa<StructType>(E)) {
        Work.push_back({E, Off});
      }
    }
  }
  if (Count != 1)
    return std::nullopt;
  return Found;
}

} // namespace cancelverify
