//===- Finding.cpp - Remark names and location formatting ------------------===//
//
// The stable remark names of the contract live here and nowhere else.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/Finding.h"

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Instruction.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace cancelverify {

static constexpr FindingKind AllKinds[] = {
    FindingKind::LostCancel,          FindingKind::DiscardedCancel,
    FindingKind::OverwrittenCancel,   FindingKind::LoopIgnoresCancel,
    FindingKind::LoopCancelNotActedOn, FindingKind::DetachedContext,
    FindingKind::CancelVerified,      FindingKind::LoopObservesCancel,
    FindingKind::CancelEscapes};

StringRef findingName(FindingKind K) {
  switch (K) {
  case FindingKind::LostCancel:
    return "LostCancel";
  case FindingKind::DiscardedCancel:
    return "DiscardedCancel";
  case FindingKind::OverwrittenCancel:
    return "OverwrittenCancel";
  case FindingKind::LoopIgnoresCancel:
    return "LoopIgnoresCancel";
  case FindingKind::LoopCancelNotActedOn:
    return "LoopCancelNotActedOn";
  case FindingKind::DetachedContext:
    return "DetachedContext";
  case FindingKind::CancelVerified:
    return "CancelVerified";
  case FindingKind::LoopObservesCancel:
    return "LoopObservesCancel";
  case FindingKind::CancelEscapes:
    return "CancelEscapes";
  }
  return "?";
}

FindingClass findingClass(FindingKind K) {
  switch (K) {
  case FindingKind::CancelVerified:
  case FindingKind::LoopObservesCancel:
    return FindingClass::Passed;
  case FindingKind::CancelEscapes:
    return FindingClass::Analysis;
  default:
    return FindingClass::Missed;
  }
}

std::optional<FindingKind> findingKindByName(StringRef Name) {
  for (FindingKind K : AllKinds)
    if (findingName(K) == Name)
      return K;
  return std::nullopt;
}

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
  std::string S;
  raw_string_ostream OS(S);
  auto *Scope = cast<DIScope>(DL.getScope());
  OS << Scope->getFilename() << ":" << DL.getLine();
  if (WithColumn)
    OS << ":" << DL.getCol();
  return S;
}

} // namespace cancelverify
