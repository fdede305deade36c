//===- LoopCancelCheck.h - Blocking loops must observe it -------*- C++ -*-===//
//
// Every natural loop that can block (a wait call in its body, directly or in
// a callee) must observe cancellation, and the observation must lead out of
// that loop. The check judges each loop on its own, nested loops included,
// and reports LoopIgnoresCancel, LoopCancelNotActedOn or LoopObservesCancel
// at the loop's start.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_LOOPCANCELCHECK_H
#define CANCELVERIFY_LOOPCANCELCHECK_H

#include "cancelverify/Check.h"

namespace cancelverify {

class LoopCancelCheck final : public Check {
public:
  llvm::StringRef name() const override { return "loops"; }
  /// Functions in module order, loops in source order. Builds LoopInfo and
  /// post-dominators per function and drops them after it.
  void run(CheckContext &C, FindingSink &Out) override;
};

} // namespace cancelverify

#endif // CANCELVERIFY_LOOPCANCELCHECK_H
