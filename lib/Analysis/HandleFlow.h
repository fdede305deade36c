//===- HandleFlow.h - Following handles through one function ----*- C++ -*-===//
//
// One run of the handle dataflow over one function's CFG. A run follows
// either every creation of the function together (one handle per creation
// site), or one handle that sits at an access path of the function's
// parameters on entry (what a caller asks a callee).
//
// An instruction only touches the handles whose access paths it names, so
// the run keeps indexes from paths, roots, variables and creation calls to
// handles and visits just those; everything else is carried from block to
// block as shared pointers (HandleState.h).
//
// Private to lib/Analysis: HandleSummaries drives it.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_LIB_HANDLEFLOW_H
#define CANCELVERIFY_LIB_HANDLEFLOW_H

#include "CallableHandle.h"
#include "HandleState.h"
#include "SharedOwner.h"

#include "cancelverify/CallTarget.h"
#include "cancelverify/ExitLocation.h"
#include "cancelverify/HandleEvents.h"
#include "cancelverify/HandleSummaries.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/ConstantRange.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/InstrTypes.h"

#include <map>
#include <memory>
#include <optional>
#include <tuple>
#include <vector>

namespace llvm {
class BasicBlock;
class CallBase;
class DILocalVariable;
class DILocation;
class DominatorTree;
class Function;
class Instruction;
class LoadInst;
class Loop;
class PHINode;
class StoreInst;
class Value;
} // namespace llvm

namespace cancelverify {

class ApiModel;
struct FunctionRoles;
struct ResolvedRole;

/// __cxa_throw, __cxa_rethrow and _Unwind_Resume: calls that always throw.
bool isThrowFunction(const llvm::Function &F);
inline bool isThrowCall(const llvm::CallBase &CB) {
  const llvm::Function *Callee = calledFunction(CB);
  return Callee && isThrowFunction(*Callee);
}

/// Records \p E unless an event at the same instruction is there already.
template <typename EventT>
void note(std::vector<EventT> &Events, EventT E) {
  for (const EventT &Old : Events)
    if (Old.I == E.I)
      return;
  Events.push_back(std::move(E));
}

/// The roles of \p Roles that discharge the handle they are given as an
/// argument, each with how, in the order a call is checked against them.
llvm::SmallVector<std::pair<const ResolvedRole *, DischargeKind>, 3>
dischargingRoles(const FunctionRoles &Roles);

/// How the model says \p T discharges a handle given as its argument
/// \p ArgNo, if it does.
std::optional<DischargeKind> modelledDischarge(const ApiModel &Model,
                                               const llvm::Function &T,
                                               unsigned ArgNo);

class HandleFlow {
public:
  HandleFlow(HandleSummaries &HS, const llvm::Function &F);

  /// Follows the handle \p Site creates; returns its handle number.
  unsigned addCreation(const HandleSite &Site);
  /// Follows one handle at \p Expr (rooted at an argument of F) from entry,
  /// knowing what the caller said in \p Context.
  void setEntry(const AccessPath &Expr, const CallContext &Context);

  void run();

  unsigned numHandles() const { return Outcomes.size(); }
  HandleOutcome &outcome(unsigned H) { return Outcomes[H]; }

private:
  /// Solve: iterate to a fixpoint. Record: one sweep that records events.
  /// Replay: one block for one handle, to see which edges carry it owed.
  enum class Pass { Solve, Record, Replay };

  /// The state at the start of a block, or the running state inside one.
  struct BlockState {
    bool Reached = false;
    /// The type info of the exception being thrown, on the unwind edge of
    /// an explicit throw (null when unknown).
    const llvm::Value *Thrown = nullptr;
    /// The call the exception being unwound came from, when there is one.
    const llvm::Instruction *ThrowSite = nullptr;
    flow::StateVector Handles;
  };

  /// A branch condition before it meets a handle: a zero test of Subject,
  /// or a comparison atom CompareKey (CompareLHS, normalised ComparePred,
  /// CompareRHS).
  struct DecodedCondition {
    const llvm::Value *Subject = nullptr;
    const void *CompareKey = nullptr;
    const llvm::Value *CompareLHS = nullptr, *CompareRHS = nullptr;
    unsigned ComparePred = 0;
    bool TrueEdgeMeansZero = false;
    /// For an inlined std::function test: the slot loaded and compared.
    const llvm::Value *CallableSlot = nullptr;
    /// For a test whether a std::optional holds a value: the optional, and
    /// its size in bytes.
    const llvm::Value *Holder = nullptr;
    uint64_t HolderBytes = 0;
  };

  // The solver (HandleFlow.cpp).
  void transfer(const llvm::BasicBlock &BB, BlockState S, Pass P);
  void transferBranch(const llvm::BasicBlock &BB, BlockState &S, Pass P);
  void transferSwitch(const llvm::BasicBlock &BB, BlockState &S, Pass P);
  void statusSplit(unsigned H, flow::HandleState &S, const HandleSite &Site);
  void statusSplit(unsigned H, flow::HandleState &S, const llvm::CallBase &CB,
                   SuccessCondition Success);
  void propagate(const llvm::BasicBlock &From, const llvm::BasicBlock &To,
                 const BlockState &S, Pass P);
  void deliver(const llvm::BasicBlock &From, const llvm::BasicBlock &To,
               const BlockState &S, Pass P);
  bool dropAtPhis(const llvm::BasicBlock &From, const llvm::BasicBlock &To,
                  BlockState &S, Pass P);
  bool deadAfterEdge(PathId Id, const llvm::BasicBlock &To);
  bool joinInto(BlockState &Into, const BlockState &From);
  const llvm::BasicBlock *cleanupDestination(const llvm::BasicBlock &From,
                                             const llvm::BasicBlock &To);
  llvm::DenseMap<std::pair<const llvm::BasicBlock *, const llvm::BasicBlock *>,
                 const llvm::BasicBlock *>
      CleanupDestinations;
  void recordExitLocations();
  void findLostPath(unsigned H);
  void findBlocksBeforeExits();
  llvm::DebugLoc exitLoc(unsigned H, const llvm::Instruction &Exit);

  // Dispatch to the handles an instruction touches (HandleTransfer.cpp).
  template <typename FnT> void forCandidates(BlockState &S, FnT Fn);
  template <typename FnT> void forAllHandles(BlockState &S, FnT Fn);
  void addCandidate(unsigned H) {
    if (!IsCandidate[H]) {
      IsCandidate[H] = true;
      Candidates.push_back(H);
    }
  }
  template <typename MapT, typename KeyT>
  void addCandidates(const MapT &Index, const KeyT &Key) {
    auto It = Index.find(Key);
    if (It != Index.end())
      for (unsigned H : It->second)
        addCandidate(H);
  }
  void candidatesOfPath(PathId Id) { addCandidates(ByPath, Id); }
  void candidatesOfRoot(const llvm::Value *Root) { addCandidates(ByRoot, Root); }
  void candidatesOfValue(const llvm::Value *V);
  void candidatesOfAggregate(const llvm::Value *V);
  void visitInstruction(const llvm::Instruction &I, BlockState &S, Pass P);
  void visitDebugValues(const llvm::Instruction &I, BlockState &S, Pass P);
  void visitStore(unsigned H, flow::HandleState &S, const llvm::StoreInst &SI,
                  Pass P);
  void visitExit(unsigned H, flow::HandleState &S, const llvm::Instruction &I,
                 Pass P, bool Throw, const llvm::Value *RetVal,
                 const BlockState &Block);
  void createHere(unsigned H, flow::HandleState &S, Pass P);
  uint32_t creationAtoms(unsigned H);
  void escapeToMemory(unsigned H, flow::HandleState &S, const llvm::Value *Root,
                      const llvm::Instruction &At, Pass P);
  void overwriteSlot(unsigned H, flow::HandleState &S, const AccessPath &Slot,
                     const llvm::Instruction &At, Pass P);
  std::optional<int64_t> fieldHoldingHandle(const llvm::Value *V,
                                            const flow::HandleState &S);
  void handToCaller(unsigned H, flow::HandleState &S,
                    const llvm::Instruction &I, const AccessPath &Where,
                    TransferKind Kind, Pass P,
                    const llvm::Function *Callee = nullptr);
  bool addPath(unsigned H, flow::HandleState &S, PathId P);
  bool addPath(unsigned H, flow::HandleState &S, const AccessPath &P) {
    return addPath(H, S, Paths.intern(P));
  }
  bool isHandleStatus(unsigned H, const llvm::Value *V,
                      const flow::HandleState &S);
  bool handleIsStatus(unsigned H) const;
  bool heldOnEveryPath(unsigned H, const llvm::CallBase &CB,
                       const AccessPath &Addr, const flow::HandleState &S);
  void readAtVariableIndex(const llvm::LoadInst &LI, BlockState &S, Pass P);
  void staleMoves(const llvm::StoreInst &SI, const BlockState &S);
  bool inMemoryOfOthers(unsigned H, const AccessPath &Place);
  AccessPath atCall(const llvm::CallBase &CB, const AccessPath &CalleePath);
  bool usedAfter(const flow::HandleState &S, const llvm::Instruction &At);
  // What the function returns where (HandleFlow.cpp, HandleTransfer.cpp).
  void findReturnedValues();
  void noteReturned(const llvm::Value *V, const BlockState &S);
  void noteOtherPointer(const llvm::Value *V, const BlockState &S);
  static const llvm::Value *valueOnEdge(const llvm::Value *V,
                                        const llvm::BasicBlock &From,
                                        const llvm::BasicBlock &To);
  const llvm::PHINode *ReturnPhi = nullptr;
  const llvm::Value *ReturnSlot = nullptr;
  /// The stores to ReturnSlot whose value some return reads.
  llvm::SmallPtrSet<const llvm::StoreInst *, 4> ReturnedStores;
  bool slotOfHandleObject(const llvm::Value *Slot, const flow::HandleState &S);
  bool heldInside(const llvm::Value *Object, uint64_t Bytes,
                  const flow::HandleState &S);
  /// Whether the function named \p Mangled is std::optional's test of
  /// holding a value (operator bool, has_value), cached by name.
  bool isOptionalTest(llvm::StringRef Mangled);
  llvm::StringMap<bool> OptionalTests;
  // Tests of phis, set on each edge into them (MergedTests.cpp).
  struct PhiTest {
    static constexpr unsigned ZeroTest = ~0u;
    /// The atom the test is: the phi itself for a zero test, else the
    /// comparison's key.
    const void *Key = nullptr;
    unsigned Pred = ZeroTest;
    const llvm::Value *Constant = nullptr;
    /// An inlined std::function emptiness test of a merged manager.
    bool Callable = false;
  };
  const llvm::DenseMap<const llvm::Value *, llvm::SmallVector<PhiTest, 1>> &
  phiTests();
  bool setTests(unsigned H, flow::HandleState &W, llvm::ArrayRef<PhiTest> Tests,
                const llvm::Value *V, const llvm::Instruction *At);
  bool setTestedPhis(const llvm::BasicBlock &From, const llvm::BasicBlock &To,
                     BlockState &S);
  void setTestedSlot(const llvm::StoreInst &SI, BlockState &S);
  void findTestedSlots();
  const llvm::Value *slotSubject(const llvm::Value *V,
                                 const llvm::Instruction *At);
  static bool readsAtOnce(const llvm::LoadInst &LI,
                          const llvm::Instruction &At);
  llvm::DenseMap<const llvm::Value *, llvm::SmallVector<PhiTest, 1>> PhiTests;
  bool PhiTestsKnown = false;
  /// Locals written by several stores, each with the load that names it.
  llvm::DenseMap<const llvm::Value *, const llvm::LoadInst *> SlotSubjects;
  bool SlotsKnown = false;
  /// The value an integer handle's comparisons are about: its creation's
  /// result, or the inner creation's a wrapper stored for its caller.
  const llvm::Value *handleStatusValue(unsigned H) const;
  bool isHandle(const llvm::Value *V, const flow::HandleState &S) {
    return S.holds(Paths.idOf(V));
  }
  bool pointsInsideHandle(unsigned H, const llvm::Value *V,
                          const flow::HandleState &S);
  bool reachesHandle(
      const llvm::Value *V, const flow::HandleState &S,
      llvm::SmallVectorImpl<llvm::SmallVector<int64_t, 4>> *Below = nullptr);
  bool isFreshAllocation(const llvm::Value *Root);
  bool storedBehindPointer(const AccessPath &Slot);

  // Calls (HandleCallTransfer.cpp).
  void visitCall(const llvm::CallBase &CB, BlockState &S, Pass P);
  void callCandidates(const llvm::CallBase &CB);
  void visitCallFor(unsigned H, flow::HandleState &S, const llvm::CallBase &CB,
                    Pass P);
  bool callableOperation(unsigned H, flow::HandleState &S,
                         const llvm::CallBase &CB, const CallableOp &Op,
                         Pass P);
  // Shared owners (SharedOwnerTransfer.cpp).
  /// What a deleter does to the pointer it is given.
  struct DeleterAnswer {
    enum KindTy : uint8_t { Discharges, Keeps, Unknown } Kind = Unknown;
    DischargeWitness How;
  };
  bool sharedOwnerOperation(unsigned H, flow::HandleState &S,
                            const llvm::CallBase &CB, const SharedOwnerOp &Op,
                            Pass P);
  DeleterAnswer deleterOf(const llvm::CallBase &CB, const SharedOwnerOp &Op);
  DeleterAnswer functionDeletes(const llvm::Function &D,
                                const AccessPath &Handle,
                                const llvm::Instruction &At,
                                const CallContext &Context = CallContext());
  bool adoptedBySharedOwner(unsigned H, flow::HandleState &S,
                            const llvm::StoreInst &SI,
                            const llvm::DILocation *OwnerCall, Pass P);
  bool ownsShare(const flow::HandleState &S, PathId Owner);
  void unknownDeleter(unsigned H, flow::HandleState &S,
                      const llvm::Instruction &At, Pass P);
  void addOwner(unsigned H, flow::HandleState &S, PathId Owner,
                const llvm::CallBase &CB, Pass P);
  bool releaseShare(unsigned H, flow::HandleState &S, PathId Owner,
                    const llvm::CallBase &CB, Pass P);
  bool ownerReleasesVisible();
  std::optional<bool> ReleasesVisible;
  /// Per handle: what its shared owners' deleter does, once adopted.
  llvm::DenseMap<unsigned, DischargeWitness> OwnerDeleters;
  void visitMemTransfer(unsigned H, flow::HandleState &S,
                        const llvm::CallBase &CB, Pass P);
  void passToCallees(unsigned H, flow::HandleState &S, const llvm::CallBase &CB,
                     Pass P,
                     llvm::ArrayRef<std::pair<unsigned, llvm::SmallVector<int64_t, 4>>>
                         Passed);
  /// What the callees of a call answered about the handle.
  struct CalleeAnswers {
    bool AnyDischarged = false, Partial = false, Returned = false;
    /// Only one group of tuples: a discharge applies to every live tuple.
    bool Everywhere = true;
    llvm::SmallVector<uint32_t, 4> DischargedTuples;
    DischargeWitness How;
    std::optional<EscapeReason> Escape;
    llvm::SmallVector<AccessPath, 4> Moved;
    /// Caller slots every target empties.
    llvm::SmallVector<AccessPath, 2> Cleared;
  };
  llvm::SmallVector<const llvm::Function *, 2>
  callTargets(const llvm::CallBase &CB);
  bool dischargedBeforeThrow(unsigned H, const flow::HandleState &S,
                             const llvm::CallBase &CB);
  void dischargeAt(unsigned H, flow::HandleState &S,
                   const llvm::Instruction &At, const DischargeWitness &How,
                   Pass P, const llvm::Function *Through = nullptr);
  void passedPaths(
      const llvm::CallBase &CB, const flow::HandleState &S,
      llvm::SmallVectorImpl<std::pair<unsigned, llvm::SmallVector<int64_t, 4>>>
          &Passed);
  CalleeEffect calleeEffect(const llvm::Function &T, unsigned ArgNo,
                            llvm::ArrayRef<int64_t> Rest,
                            const llvm::CallBase &CB,
                            llvm::ArrayRef<CallContext::ConditionFact> Facts);
  /// contextFor's answers, per call and callee.
  llvm::DenseMap<std::pair<const llvm::CallBase *, const llvm::Function *>,
                 CallContext>
      Contexts;
  CalleeAnswers
  askCallees(unsigned H, const flow::HandleState &S, const llvm::CallBase &CB,
             llvm::ArrayRef<const llvm::Function *> Targets,
             llvm::ArrayRef<std::pair<unsigned, llvm::SmallVector<int64_t, 4>>>
                 Passed);
  bool holdsHandle(const llvm::Value *V, const flow::HandleState &S);
  void storedPointer(unsigned H, flow::HandleState &S, const llvm::Value *Val,
                     const AccessPath &Addr, const llvm::Instruction &At,
                     Pass P);
  void replaceObject(unsigned H, flow::HandleState &S, const llvm::Value *Dest,
                     const llvm::CallBase &CB, Pass P);
  void relatedPaths(const llvm::Value *V, const flow::HandleState &S,
                    llvm::SmallVectorImpl<llvm::SmallVector<int64_t, 4>> &Out);
  const llvm::Function *contextCallee(const llvm::CallBase &CB);
  // Loops that run at most once (CountedLoops.cpp).
  void findCountedLoops();
  // Loops that create on one trip and cancel on a later one
  // (AlternatingLoops.cpp).
  void dropAlternatingRecreations();
  // Atoms about values a loop computes again (RedefinedAtoms.cpp).
  const llvm::LoopInfo &loops();
  std::unique_ptr<llvm::LoopInfo> Loops;
  void noteAtomDefinitions(unsigned H, unsigned Index, const void *Key);
  void forgetRedefined(const llvm::Instruction &I, BlockState &S);
  llvm::DenseMap<const llvm::Instruction *,
                 llvm::SmallVector<std::pair<unsigned, unsigned>, 2>>
      AtomsDefinedBy;
  /// Atoms whose value is the same on every trip (the caller's facts).
  llvm::SmallPtrSet<const void *, 4> StableKeys;
  std::optional<std::pair<llvm::APInt, llvm::APInt>>
  counterOf(const llvm::Value *V, const llvm::Loop &L,
            const llvm::DominatorTree &DT);
  /// Their headers, with the one successor the first test takes, and their
  /// back edges, with the exit the second test takes.
  llvm::DenseMap<const llvm::BasicBlock *, const llvm::BasicBlock *>
      OnceHeaders;
  llvm::DenseMap<std::pair<const llvm::BasicBlock *, const llvm::BasicBlock *>,
                 const llvm::BasicBlock *>
      BackEdgeExits;
  // What a caller knows at a call and a callee reads (CallerFacts.cpp).
  void addCallerFacts(const llvm::CallBase &CB, const llvm::Function &Callee,
                      CallContext &C);
  const llvm::ConstantInt *contextConstant(const llvm::Value *V);
  std::optional<AccessPath> entryRead(const llvm::LoadInst &LI);
  bool addressStored(const llvm::Value *Alloca);
  llvm::DenseMap<const llvm::Value *, bool> AddressStored;
  /// A write to a local object: what it writes, or nothing known (a call
  /// given the object whose writes are not summarised).
  struct LocalWrite {
    const llvm::Instruction *I;
    std::optional<CallContext::MemoryFact> Fact;
  };
  const llvm::SmallVectorImpl<LocalWrite> *localWrites(const llvm::Value *A);
  llvm::DenseMap<const llvm::Value *,
                 std::optional<llvm::SmallVector<LocalWrite, 4>>>
      LocalWrites;
  template <typename RecordFnT>
  void addDominatingWrites(const llvm::CallBase &CB, const llvm::Value *Root,
                           RecordFnT Record);
  const llvm::DominatorTree &domTree();
  std::unique_ptr<llvm::DominatorTree> DomTree;
  CallContext contextFor(const llvm::CallBase &CB, const llvm::Function &Callee);
  CallContext computeContext(const llvm::CallBase &CB,
                             const llvm::Function &Callee);

  // Conditions (ConditionAtoms.cpp).
  std::optional<DecodedCondition> decode(const llvm::Value *Cond);
  const llvm::ConstantInt *constantValue(const llvm::Value *V);
  std::optional<bool> foldCondition(const llvm::Value *Cond);
  const void *atomKey(unsigned H, const DecodedCondition &C,
                      const flow::HandleState &S);
  bool comparesHandleWithGlobal(const DecodedCondition &C,
                                const flow::HandleState &St);
  llvm::ArrayRef<unsigned>
  branchCandidates(const DecodedCondition &C,
                   const llvm::Value *RangeSubject = nullptr);
  /// The values an edge allows its subject, on the true edge.
  struct ValueRange {
    const llvm::Value *Subject;
    llvm::ConstantRange True;
  };
  std::optional<ValueRange> rangeOf(const DecodedCondition &C);
  const llvm::Value *statusSubject(unsigned H, const llvm::Value *X,
                                   const flow::HandleState &S);
  void impliedAtoms(unsigned H, const llvm::Value *Subj,
                    const llvm::ConstantRange &Region, uint32_t &Known,
                    uint32_t &Zero);
  void restrictEdge(BlockState &Edge, unsigned H, const flow::HandleState &St,
                    uint32_t Known, uint32_t Zero);
  /// Atoms an edge decides: the bits of Known, zero where Zero has a bit.
  struct AtomMask {
    uint32_t Known = 0;
    uint32_t Zero = 0;
  };
  void restrictEdge(BlockState &Edge, unsigned H, const flow::HandleState &St,
                    llvm::ArrayRef<AtomMask> Alternatives);
  AtomMask edgeMask(unsigned H, const DecodedCondition &C,
                    const std::optional<ValueRange> &Range,
                    const flow::HandleState &St, bool Value);

  // Branch edges, conditions joined by && and || (CompoundConditions.cpp).
  void transferConditionalBranch(const llvm::BasicBlock &BB, BlockState &S,
                                 Pass P);
  /// What a part of a branch condition is, whatever the handle.
  struct ConditionPart {
    std::optional<bool> Folded;
    std::optional<DecodedCondition> Decoded;
    std::optional<ValueRange> Range;
  };
  using ConditionParts =
      llvm::SmallDenseMap<const llvm::Value *, ConditionPart, 4>;
  const ConditionPart &conditionPart(const llvm::Value *Cond,
                                     ConditionParts &Parts);
  bool compoundOutcomes(unsigned H, const llvm::Value *Cond,
                        const flow::HandleState &St, bool Outcome,
                        unsigned Depth, ConditionParts &Parts,
                        llvm::SmallVectorImpl<AtomMask> &Out);
  static bool crossProduct(llvm::ArrayRef<AtomMask> L,
                           llvm::ArrayRef<AtomMask> R,
                           llvm::SmallVectorImpl<AtomMask> &Out);
  bool isStatusCopy(unsigned H, const llvm::Value *V,
                    const flow::HandleState &S);
  int atomIndex(unsigned H, const void *Key);
  void splitOn(unsigned H, flow::HandleState &S, const void *Key,
               std::optional<flow::Status> WhenZero,
               std::optional<flow::Status> WhenNonZero);
  const void *compareKey(unsigned Pred, const llvm::Value *L,
                         const llvm::Value *R);
  /// A copy of an integer handle kept at Offset (Size bytes) in the object
  /// argument ArgNo points to.
  struct StatusCopy {
    unsigned ArgNo = 0;
    int64_t Offset = 0;
    uint64_t Size = 0;
  };
  llvm::SmallVector<StatusCopy, 2> statusCopies(unsigned H,
                                                const llvm::CallBase &CB,
                                                const flow::HandleState &S);
  llvm::SmallVector<CallContext::ConditionFact, 2>
  factsFor(unsigned H, const llvm::CallBase &CB, uint32_t Tuple,
           const flow::HandleState &S, llvm::ArrayRef<StatusCopy> Stored);
  void assumeContext(unsigned H, flow::HandleState &S,
                     const CallContext &Context);

  HandleSummaries &HS;
  const llvm::Function &F;
  /// Held for the whole run: the summaries' cache may drop its own copy.
  std::shared_ptr<AccessPathBuilder> PathsHolder;
  AccessPathBuilder &Paths;
  /// Per handle: its creation (empty for the entry handle), what was
  /// recorded, and the condition atoms it tracks.
  std::vector<std::optional<HandleSite>> Sites;
  std::vector<HandleOutcome> Outcomes;
  std::vector<llvm::SmallVector<const void *, flow::MaxAtoms>> Atoms;
  /// The handles that track each atom, and those with room for more: a
  /// branch on an atom changes no other handle.
  llvm::DenseMap<const void *, llvm::SmallVector<unsigned, 1>> HandlesByAtom;
  /// The handles with an atom about a value: its zero test, or a comparison
  /// of it with a constant (what a switch on the value decides).
  llvm::DenseMap<const llvm::Value *, llvm::SmallVector<unsigned, 1>>
      HandlesBySubject;
  std::vector<unsigned> OpenAtoms;
  std::vector<unsigned> BranchCandidates;
  std::optional<AccessPath> EntryExpr;
  const CallContext *Context = nullptr;

  flow::StateArena Arena;
  std::vector<const llvm::BasicBlock *> Order;
  llvm::DenseMap<const llvm::BasicBlock *, unsigned> BlockIndex;
  std::vector<BlockState> In;
  std::vector<bool> Dirty;

  /// Which handles ever held a path, a path under a root, a variable, a
  /// status slot; which handle a call creates. They only grow, and an
  /// instruction is applied to the handles they name.
  llvm::DenseMap<PathId, llvm::SmallVector<unsigned, 1>> ByPath;
  llvm::DenseMap<const llvm::Value *, llvm::SmallVector<unsigned, 1>> ByRoot;
  llvm::DenseMap<const llvm::DILocalVariable *, llvm::SmallVector<unsigned, 1>>
      ByVar;
  llvm::DenseMap<PathId, llvm::SmallVector<unsigned, 1>> ByStatusSlot;
  llvm::DenseMap<const llvm::CallBase *, unsigned> ByCreation;
  llvm::DenseSet<std::pair<const void *, unsigned>> Indexed;
  /// The handles the instruction being visited touches.
  llvm::SmallVector<unsigned, 4> Candidates;
  llvm::SmallVector<bool, 0> IsCandidate;

  /// The blocks a return statement is looked for in (exit blocks and the
  /// cleanup blocks before them), and for each handle the first edge that
  /// brings it live into one of them.
  /// Replay: the handle replayed, and its state on each edge out.
  std::optional<unsigned> OnlyHandle;
  llvm::SmallVector<std::pair<const llvm::BasicBlock *, const flow::HandleState *>, 2>
      ReplayEdges;
  llvm::DenseSet<const llvm::BasicBlock *> BeforeExits;
  ReturnStatements Returns;
  llvm::DenseMap<std::pair<unsigned, const llvm::BasicBlock *>,
                 const llvm::BasicBlock *>
      LiveEdgeInto;

  /// Atoms for comparisons other than against zero, one per (predicate or
  /// its inverse, operands); the map's nodes give them stable addresses.
  std::map<std::tuple<unsigned, const llvm::Value *, const llvm::Value *>, char>
      CompareKeys;
  /// What each comparison atom compares, and which atoms are "this value is
  /// zero" (their key is the value), for passing knowledge to callees.
  llvm::DenseMap<const void *,
                 std::tuple<unsigned, const llvm::Value *, const llvm::Value *>>
      CompareKeyInfo;
  llvm::SmallPtrSet<const void *, 8> ValueKeys;
  static char HandleNullKey;
};

/// Applies \p Fn(Handle, State) to each candidate the instruction touches
/// that reaches this point, storing the state back if it changed; clears
/// the candidates.
template <typename FnT>
void HandleFlow::forCandidates(BlockState &S, FnT Fn) {
  for (unsigned H : Candidates) {
    IsCandidate[H] = false;
    if (OnlyHandle && H != *OnlyHandle)
      continue;
    const flow::HandleState *Old = S.Handles.get(H);
    if (!Old)
      continue;
    flow::HandleState W = *Old;
    Fn(H, W);
    if (W != *Old)
      S.Handles.set(H, W.Tuples.empty() ? nullptr : Arena.make(std::move(W)));
  }
  Candidates.clear();
}

/// Applies \p Fn to every handle that reaches this point.
template <typename FnT>
void HandleFlow::forAllHandles(BlockState &S, FnT Fn) {
  for (unsigned H = 0; H < Outcomes.size(); ++H)
    addCandidate(H);
  forCandidates(S, Fn);
}

} // namespace cancelverify

#endif // CANCELVERIFY_LIB_HANDLEFLOW_H
