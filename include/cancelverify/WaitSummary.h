//===- WaitSummary.h - Blocking and cancellation, per function -*- C++ -*-===//
//
// What a call does about blocking and cancellation, seen from its caller:
// whether it may block (with one witness call chain down to the blocking
// call), whether it observes cancellation, whether it returns what it
// observed (bool should_stop(ctx_t *)), and whether it stops on cancellation
// by itself (pthread_testcancel(), a helper that exits the thread).
//
// Summaries are computed bottom-up over the call graph's SCCs (callees
// first, a fixpoint inside an SCC; FunctionSummaries drives the order), once
// per module, from the ApiModel and the function bodies. The same rules classify single instructions for the
// loop check, so a fact reads the same whether the callee was inlined (-O2)
// or called (-O0).
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_WAITSUMMARY_H
#define CANCELVERIFY_WAITSUMMARY_H

#include "cancelverify/ApiModel.h"
#include "cancelverify/FlagEvidence.h"
#include "cancelverify/ObjectRoot.h"
#include "cancelverify/AnalysisOptions.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/DebugLoc.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class GlobalVariable;
class CallBase;
class DISubprogram;
class Function;
class Instruction;
class LoadInst;
class Module;
} // namespace llvm

namespace cancelverify {

class SummaryCallGraph;

/// A load that no model calls a cancel flag but that looks like one: a
/// volatile or atomic read of memory others can write (and, with
/// -cancel-verify-infer-flags=nonlocal, any read of such memory).
struct InferredFlag {
  enum AccessKind { Volatile, Atomic, Plain } Access = Plain;
  /// The memory read, relative to the function the fact is stated for.
  ObjectRoot Root;
  /// The struct member the load itself names, if any: it stays the same
  /// however far up the fact travels.
  std::optional<MemberKey> Member;
  /// Why the memory means "stop" (FlagEvidence::explain), once a loop
  /// relies on it.
  std::string Evidence;
};

/// One way an instruction observes cancellation.
struct Observation {
  enum KindTy {
    /// Leaves by itself when cancelled (pthread_testcancel()).
    Acts,
    /// Its value is the observation (ctx_done(), a flag load).
    Value,
    /// Observes somewhere inside but lets nothing of it out.
    Passive,
  } Kind = Value;
  /// Set when the observation is inferred rather than modelled.
  std::optional<InferredFlag> Inferred;
};

/// What one instruction does, from the point of view of its function.
struct InstructionFacts {
  bool Blocks = false;
  llvm::SmallVector<Observation, 2> Observations;
};

/// An observation a function's callers can rely on.
struct ObservationFact {
  /// The instruction in the function that provides it.
  const llvm::Instruction *Witness = nullptr;
  std::optional<InferredFlag> Inferred;
  explicit operator bool() const { return Witness != nullptr; }
};

struct WaitSummary {
  /// The first instruction through which the function may block.
  const llvm::Instruction *Blocks = nullptr;
  /// The first modelled observation of cancellation inside.
  const llvm::Instruction *Observes = nullptr;
  /// The return value depends on this observation.
  ObservationFact Returns;
  /// On this observation the function ends other than by returning
  /// (thread exit, abort, an exception).
  ObservationFact Leaves;
  /// Every path ends the thread or the process, or throws: the function
  /// never returns, whether or not it is declared noreturn (-O0 code does
  /// not say so).
  bool NeverReturns = false;
};

/// A call chain down to a blocking call or an observation, for messages.
struct Witness {
  /// Functions called on the way, outermost first, not counting Leaf.
  llvm::SmallVector<std::string, 4> Via;
  /// Where each function of Via is called.
  llvm::SmallVector<llvm::DebugLoc, 4> ViaLocs;
  /// The blocking or observing function; empty for a flag load.
  std::string Leaf;
  /// Where Leaf is called (or the flag is read).
  llvm::DebugLoc Loc;
  /// The last instruction of the chain (a call or a load).
  const llvm::Instruction *Last = nullptr;
};

class WaitSummaries {
public:
  /// \p Config is the configuration \p Model was built from; it also
  /// models functions that were inlined and then deleted (see compute()).
  WaitSummaries(const ApiModel &Model, const AnalysisOptions &Options,
                const SummaryCallGraph &Graph);
  ~WaitSummaries();

  /// Recognises inlined code of modelled functions; call once, first.
  void prepare(llvm::Module &M);
  /// Summarises the functions of one SCC; the SCCs they call are done.
  void summariseSCC(llvm::ArrayRef<const llvm::Function *> SCC);

  const ApiModel &model() const { return Model; }

  /// Memory the module's loads read as inferred flags with evidence: a
  /// global (whole) or a struct member by owner and name.
  struct FlagPlace {
    const llvm::GlobalVariable *Global = nullptr;
    std::string Struct, Member;
  };
  std::vector<FlagPlace> inferredFlagPlaces(const llvm::Module &M) const;
  /// What flagEvidence() knows about memory this module writes as a stop
  /// switch (FlagEvidence::flagsWritten).
  std::vector<FlagEvidence::WrittenFlag> flagsWritten() const {
    return Evidence->flagsWritten();
  }

  /// Why the inferred flag \p Flag, as \p Reader sees it, means "stop";
  /// none when nothing says so (the loop then does not rely on it).
  std::optional<std::string> flagEvidence(const InferredFlag &Flag,
                                          const llvm::Function &Reader) const;

  /// The summary of \p F, or null for a declaration.
  const WaitSummary *lookup(const llvm::Function *F) const;

  /// What \p I does, with inferred flags stated relative to I's function
  /// (\p Roots must belong to that function).
  InstructionFacts classify(const llvm::Instruction &I,
                            ObjectRootFinder &Roots) const;

  /// The chain that makes \p I block. \p OuterFrames outermost inlined
  /// frames of \p I are where the explanation starts (a loop inlined from
  /// another function is explained from inside that function).
  Witness explainBlocking(const llvm::Instruction &I,
                          unsigned OuterFrames = 0) const;
  /// The chain that makes \p I observe, in the way \p Kind says.
  Witness explainObservation(const llvm::Instruction &I,
                             Observation::KindTy Kind,
                             unsigned OuterFrames = 0) const;

  /// The blocks of \p F from which every path ends other than by
  /// returning or looping: at an `unreachable` or `resume`, or at a call
  /// that never returns (declared so, or by its summary). A wait there is
  /// on the way to a crash; a branch into them leaves any loop.
  llvm::SmallPtrSet<const llvm::BasicBlock *, 16>
  endsAbnormally(const llvm::Function &F) const;
  /// Whether the call \p CB never returns.
  bool neverReturns(const llvm::CallBase &CB) const;

  /// The wait or observe roles of the function whose code \p SP is, for
  /// code inlined from it, or null.
  const FunctionRoles *modelledRolesOf(const llvm::DISubprogram *SP) const;

private:
  void summarise(const llvm::Function &F, WaitSummary &Out) const;
  std::optional<InferredFlag> inferFlag(const llvm::LoadInst &LI,
                                        ObjectRootFinder &Roots) const;
  std::optional<InferredFlag>
  translateToCaller(const InferredFlag &Flag, const llvm::CallBase &CB,
                    ObjectRootFinder &CallerRoots) const;
  const WaitSummary *calleeSummary(const llvm::CallBase &CB) const;
  llvm::APInt demandedBits(const llvm::LoadInst &LI) const;
  InstructionFacts classifyIndirect(const llvm::CallBase &CB) const;
  bool onlyCounted(const llvm::GlobalVariable &GV,
                   std::optional<int64_t> Offset) const;
  Witness explain(const llvm::Instruction &I, bool Blocking,
                  Observation::KindTy Kind, unsigned OuterFrames) const;

  const ApiModel &Model;
  ModelConfig Config;
  FlagInference Inference;
  const SummaryCallGraph &Graph;
  std::unique_ptr<FlagEvidence> Evidence;
  llvm::DenseMap<const llvm::Function *, WaitSummary> Summaries;
  /// Modelled wait and observe functions by subprogram, to recognise their
  /// inlined code.
  llvm::DenseMap<const llvm::DISubprogram *, FunctionRoles> ModelledSubprograms;
  /// DemandedBits of the function last asked about: bitfield flags are
  /// asked about load by load, a function at a time.
  struct BitsCache;
  mutable std::unique_ptr<BitsCache> Bits;
  /// Globals (and offsets in them, -1 for the whole) only ever stepped.
  mutable llvm::DenseMap<std::pair<const llvm::GlobalVariable *, int64_t>, bool>
      Counters;
};

} // namespace cancelverify

#endif // CANCELVERIFY_WAITSUMMARY_H
