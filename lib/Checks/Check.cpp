//===- Check.cpp - The checks of the verifier ------------------------------===//
//
// The registry: a new check is one class implementing Check and one line
// here.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/Check.h"
#include "cancelverify/HandleObligation.h"
#include "cancelverify/LoopCancelCheck.h"

namespace cancelverify {

Check::~Check() = default;

std::vector<std::unique_ptr<Check>> createChecks() {
  std::vector<std::unique_ptr<Check>> Checks;
  Checks.push_back(std::make_unique<LoopCancelCheck>());
  Checks.push_back(std::make_unique<HandleObligationCheck>());
  return Checks;
}

} // namespace cancelverify
