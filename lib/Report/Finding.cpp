//===- Finding.cpp - Where a finding is ------------------------------------===//
//
// The location a finding is reported at, and the sink interface's anchor.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/Finding.h"

#include "cancelverify/SourceFrames.h"

#include "llvm/IR/Instruction.h"

using namespace llvm;

namespace cancelverify {

FindingSink::~FindingSink() = default;

DebugLoc Finding::location() const {
  return reportedLoc(Loc ? Loc : At->getDebugLoc());
}

} // namespace cancelverify
