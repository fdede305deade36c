//===- ObservationFlow.h - Where an observed cancellation goes -*- C++ -*-===//
//
// An observation (the result of ctx_done(), a load of a cancel flag) only
// matters if it changes what the program does. ObservationFlow is a forward
// taint over one function: it follows observation values through
// computations, phis and selects, through local variables (a store to a stack
// slot and the loads of that slot, as in clang -O0 code), and through control
// dependence (a store or phi whose value depends on a branch on an
// observation). It never enumerates paths: every value's label set only grows,
// so the work is bounded by labels times def-use edges.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_OBSERVATIONFLOW_H
#define CANCELVERIFY_OBSERVATIONFLOW_H

#include "cancelverify/ObjectRoot.h"

#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <utility>
#include <vector>

namespace llvm {
class AllocaInst;
class BasicBlock;
class Function;
class Instruction;
class LoadInst;
class PostDominatorTree;
class User;
class Value;
} // namespace llvm

namespace cancelverify {

/// Labels name observations (sources); a set of labels says which
/// observations a value depends on.
using ObservationLabels = llvm::BitVector;

class ObservationFlow {
public:
  ObservationFlow(const llvm::Function &F, const llvm::PostDominatorTree &PDT);

  /// Declares that the value of \p V is observation \p Label.
  void addSource(const llvm::Value *V, unsigned Label);
  /// Follows every source to a fixpoint.
  void run();

  /// The observations \p V depends on, or null if none.
  const ObservationLabels *labelsOf(const llvm::Value *V) const;
  /// The observations deciding which way the conditional branch or switch
  /// \p Term goes, or null if none.
  const ObservationLabels *conditionLabels(const llvm::Instruction &Term) const;
  /// The observations the function's return value depends on.
  const ObservationLabels &returnLabels() const { return ReturnLabels; }
  /// The conditional branches and switches that depend on an observation.
  llvm::ArrayRef<const llvm::Instruction *> dependentBranches() const {
    return DependentBranches;
  }

private:
  void merge(const llvm::Value *V, const ObservationLabels &L);
  void visitUser(const llvm::Value *V, const llvm::User *U,
                 const ObservationLabels &L);
  void taintSlot(const ObjectRoot &Slot, const ObservationLabels &L);
  void taintControlled(const llvm::Instruction &Term,
                       const ObservationLabels &L);

  const llvm::Function &F;
  const llvm::PostDominatorTree &PDT;
  ObjectRootFinder Roots;
  std::vector<std::pair<const llvm::Value *, unsigned>> Sources;
  unsigned NumLabels = 0;

  llvm::DenseMap<const llvm::Value *, ObservationLabels> Labels;
  llvm::SmallVector<const llvm::Value *, 32> Worklist;
  /// The loads of each stack slot, with the offset they read (if known).
  llvm::DenseMap<const llvm::AllocaInst *,
                 llvm::SmallVector<std::pair<ObjectRoot, const llvm::LoadInst *>,
                                   4>>
      SlotLoads;
  ObservationLabels ReturnLabels;
  std::vector<const llvm::Instruction *> DependentBranches;
  /// Labels already pushed through each branch's control dependence.
  llvm::DenseMap<const llvm::Instruction *, ObservationLabels> ControlDone;
};

} // namespace cancelverify

#endif // CANCELVERIFY_OBSERVATIONFLOW_H
