//===- ExitLocation.h - Naming the statement a path returns at -*- C++ -*-===//
//
// Finds the source location of the return statement behind an exit
// instruction, looking past shared return blocks and scope-exit cleanups.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_EXITLOCATION_H
#define CANCELVERIFY_EXITLOCATION_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/IR/DebugLoc.h"

namespace llvm {
class BasicBlock;
class Instruction;
} // namespace llvm

namespace cancelverify {

/// The location to name for the exit \p Exit (a return or resume). \p
/// CameFrom gives, for a block, the predecessor the path of interest came
/// from (null if unknown); it is followed back through blocks that only
/// gather returns.
llvm::DebugLoc returnStatementLoc(
    const llvm::Instruction &Exit,
    llvm::function_ref<const llvm::BasicBlock *(const llvm::BasicBlock *)>
        CameFrom);

} // namespace cancelverify

#endif // CANCELVERIFY_EXITLOCATION_H
