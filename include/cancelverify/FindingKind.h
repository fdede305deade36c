//===- FindingKind.h - The remark names of the contract ---------*- C++ -*-===//
//
// The kinds of findings, named as the user-facing contract names remarks.
// A header of its own, with no dependencies, because the model needs the
// names too (a `suppress` role lists them).
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_FINDINGKIND_H
#define CANCELVERIFY_FINDINGKIND_H

#include "llvm/ADT/StringRef.h"

#include <optional>

namespace cancelverify {

/// The remark names of the contract; the order is the order of the table in
/// the interface specification.
enum class FindingKind {
  LostCancel,
  DiscardedCancel,
  OverwrittenCancel,
  LoopIgnoresCancel,
  LoopCancelNotActedOn,
  DetachedContext,
  CancelVerified,
  LoopObservesCancel,
  CancelEscapes,
};
inline constexpr unsigned NumFindingKinds = 9;

/// How a finding is reported as an optimization remark.
enum class FindingClass { Missed, Passed, Analysis };

llvm::StringRef findingName(FindingKind K);
FindingClass findingClass(FindingKind K);
std::optional<FindingKind> findingKindByName(llvm::StringRef Name);

} // namespace cancelverify

#endif // CANCELVERIFY_FINDINGKIND_H
