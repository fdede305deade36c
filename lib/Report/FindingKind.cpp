//===- FindingKind.cpp - The remark names of the contract ------------------===//
//
// The stable remark names of the contract live here and nowhere else.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/FindingKind.h"

#include <iterator>

using namespace llvm;

namespace cancelverify {

static constexpr FindingKind AllKinds[] = {
    FindingKind::LostCancel,           FindingKind::DiscardedCancel,
    FindingKind::OverwrittenCancel,    FindingKind::LoopIgnoresCancel,
    FindingKind::LoopCancelNotActedOn, FindingKind::DetachedContext,
    FindingKind::CancelVerified,       FindingKind::LoopObservesCancel,
    FindingKind::CancelEscapes};
static_assert(std::size(AllKinds) == NumFindingKinds);

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

} // namespace cancelverify
