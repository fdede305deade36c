//===- ObservationFlow.h - Where an observed cancellation goes -*- C++ -*-===//
//
// An observation (the result of ctx_done(), a load of a cancel flag) only
// matters if it changes what the program does. ObservationFlow is a forward
// taint over one function: it follows observation values through
// computations, phis and selects, through local variables (a store to a stack
// slot and the loads of that slot, as in clang -O0 code), and through control
// dependence (a store or phi whose value depends on a branch on an
// observation). It never enumerates paths: label sets only grow, and a
// first-in-first-out worklist that holds each value once carries labels from
// many observations together, so the work stays close to one pass over the
// def-use edges per wave of growth.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_OBSERVATIONFLOW_H
#define CANCELVERIFY_OBSERVATIONFLOW_H

#include "cancelverify/ObjectRoot.h"

#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <deque>
#include <optional>
#include <utility>
#include <vector>

namespace llvm {
class AllocaInst;
class BasicBlock;
class Function;
class Instruction;
class LoadInst;
class PHINode;
class PostDominatorTree;
class StoreInst;
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
  /// A stack slot, or a part of one at a known offset: (alloca, offset),
  /// with UnknownOffset for a store whose position is not constant.
  using SlotKey = std::pair<const llvm::AllocaInst *, int64_t>;
  static constexpr int64_t UnknownOffset = INT64_MIN;
  /// What depends on a branch: stores into slots, phis where the ways meet,
  /// and whether a return is among the controlled blocks.
  struct ControlEffects {
    llvm::SmallVector<const llvm::StoreInst *, 4> Stores;
    llvm::SmallVector<const llvm::PHINode *, 4> Phis;
    bool Returns = false;
  };
  /// A value or a slot whose labels grew and whose dependents must see it.
  struct WorkItem {
    const llvm::Value *V = nullptr;
    SlotKey Slot{nullptr, 0};
  };

  void merge(const llvm::Value *V, const ObservationLabels &L);
  void mergeSlot(SlotKey Slot, const ObservationLabels &L);
  void taintStore(const llvm::StoreInst &Store, const ObservationLabels &L);
  void indexSlots();
  void visitUser(const llvm::Value *V, const llvm::User *U,
                 const ObservationLabels &L);
  void visitSlot(SlotKey Slot, const ObservationLabels &L);
  std::optional<SlotKey> slotOf(const llvm::Value *Ptr);
  const ControlEffects &controlEffects(const llvm::Instruction &Term);
  void taintControlled(const llvm::Instruction &Term,
                       const ObservationLabels &L);

  const llvm::Function &F;
  const llvm::PostDominatorTree &PDT;
  ObjectRootFinder Roots;
  std::vector<std::pair<const llvm::Value *, unsigned>> Sources;
  unsigned NumLabels = 0;

  llvm::DenseMap<const llvm::Value *, ObservationLabels> Labels;
  llvm::DenseMap<SlotKey, ObservationLabels> SlotLabels;
  /// First in, first out, each item at most once: labels arriving from
  /// several places are propagated together.
  std::deque<WorkItem> Worklist;
  llvm::DenseSet<const llvm::Value *> QueuedValues;
  llvm::DenseSet<SlotKey> QueuedSlots;
  /// The loads of each stack slot that may read a value stored in another
  /// block, with the offset they read (if known).
  llvm::DenseMap<
      const llvm::AllocaInst *,
      llvm::SmallVector<std::pair<ObjectRoot, const llvm::LoadInst *>, 4>>
      SlotLoads;
  /// Within a block a store is the only one that reaches the loads after it,
  /// up to the next store to the same place; such a store reaches other
  /// blocks only if no later store in its block replaces it.
  llvm::DenseMap<const llvm::StoreInst *,
                 llvm::SmallVector<const llvm::LoadInst *, 2>>
      LocalLoads;
  llvm::DenseSet<const llvm::StoreInst *> ReplacedInBlock;
  ObservationLabels ReturnLabels;
  std::vector<const llvm::Instruction *> DependentBranches;
  llvm::DenseMap<const llvm::Instruction *, ControlEffects> Controlled;
};

} // namespace cancelverify

#endif // CANCELVERIFY_OBSERVATIONFLOW_H
