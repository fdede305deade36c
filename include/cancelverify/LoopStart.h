//===- LoopStart.h - Where a loop starts in the source ---------*- C++ -*-===//
//
// Findings about a loop are reported at its `for`, `while` or `do`. clang
// records that place in the loop's llvm.loop metadata, but optimizations
// sometimes drop the metadata or move it to another loop; this recovers the
// place from what is left, so -O0 and -O2 findings agree.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_LOOPSTART_H
#define CANCELVERIFY_LOOPSTART_H

#include "llvm/IR/DebugLoc.h"

namespace llvm {
class Loop;
}

namespace cancelverify {

/// Where \p L starts in the source, with the inlining history of the code
/// it is in; null without debug info.
llvm::DebugLoc loopStart(const llvm::Loop &L);

/// True if \p A and \p B name the same file, line and column, whatever
/// their scopes and inlining.
bool sameSourcePosition(const llvm::DebugLoc &A, const llvm::DebugLoc &B);

} // namespace cancelverify

#endif // CANCELVERIFY_LOOPSTART_H
