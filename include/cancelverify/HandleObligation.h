//===- HandleObligation.h - Every created handle is discharged -*- C++ -*-===//
//
// The handle check: for every creation in the module, exactly one verdict
// (LostCancel, DiscardedCancel, OverwrittenCancel, DetachedContext,
// CancelEscapes or CancelVerified), from the outcomes the handle summaries
// computed.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_HANDLEOBLIGATION_H
#define CANCELVERIFY_HANDLEOBLIGATION_H

#include "cancelverify/Check.h"

namespace cancelverify {

class HandleObligationCheck final : public Check {
public:
  llvm::StringRef name() const override { return "handles"; }
  void run(CheckContext &C, FindingSink &Out) override;
};

} // namespace cancelverify

#endif // CANCELVERIFY_HANDLEOBLIGATION_H
