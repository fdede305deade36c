//===- ExitLocation.h - Naming the statement a path returns at -*- C++ -*-===//
//
// Finds the source location of the return statement behind an exit
// instruction, looking past shared return blocks and scope-exit cleanups.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_EXITLOCATION_H
#define CANCELVERIFY_EXITLOCATION_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/IR/DebugLoc.h"

namespace llvm {
class BasicBlock;
class Instruction;
} // namespace llvm

namespace cancelverify {

/// Names return statements for the exits of one function, remembering
/// which blocks only gather returns (a shared return block may have
/// thousands of predecessors, and is asked about once per handle).
class ReturnStatements {
public:
  /// The location to name for the exit \p Exit (a return or resume). \p
  /// CameFrom gives, for a block, the predecessor the path of interest came
  /// from (null if unknown); it is followed back through blocks that only
  /// gather returns.
  llvm::DebugLoc locate(
      const llvm::Instruction &Exit,
      llvm::function_ref<const llvm::BasicBlock *(const llvm::BasicBlock *)>
          CameFrom);

private:
  bool isReturnPlumbing(const llvm::BasicBlock &BB);
  llvm::DenseMap<const llvm::BasicBlock *, bool> Plumbing;
};

} // namespace cancelverify

#endif // CANCELVERIFY_EXITLOCATION_H
