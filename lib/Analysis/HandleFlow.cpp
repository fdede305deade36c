//===- HandleFlow.cpp - Following one handle through one function ----------===//
//
// A forward dataflow over the CFG. The state at a program point is:
//  - the access paths that may hold the handle (SSA values and memory), and
//  - a set of tuples (assignment of a few branch conditions, status), where
//    status is Dead (no handle on this path), Live (owed), Done (cancelled or
//    deferred) or Away (handed to the caller or escaped).
// Branches refine the tuples: an edge whose condition contradicts a tuple's
// assignment drops it, which is how correlated branches, status checks
// (`success=ret==0`) and null checks on the handle prune impossible paths.
// The lattice is finite, so iterating blocks in reverse post-order to a
// fixpoint terminates; a final sweep records events for the messages.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/HandleAnalysis.h"
#include "cancelverify/Compat.h"
#include "cancelverify/ExitLocation.h"
#include "cancelverify/Finding.h"

#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"

#include <map>
#include <tuple>

using namespace llvm;

namespace cancelverify {

namespace {

enum Status : uint32_t { Dead = 0, Live = 1, Done = 2, Away = 3 };
constexpr unsigned MaxAtoms = 8;
constexpr size_t MaxExprs = 64;

uint32_t known(uint32_t T) { return T & 0xff; }
uint32_t values(uint32_t T) { return (T >> 8) & 0xff; }
Status status(uint32_t T) { return Status((T >> 16) & 3); }
uint32_t tuple(uint32_t Known, uint32_t Values, Status S) {
  return (Known & 0xff) | ((Values & Known & 0xff) << 8) | (uint32_t(S) << 16);
}

struct FlowState {
  bool Reached = false;
  SmallVector<uint32_t, 4> Tuples;
  std::vector<AccessPath> Exprs;
  /// Source variables currently holding the handle (optimized code keeps
  /// variables as debug value records only).
  SmallVector<const DILocalVariable *, 2> Vars;
  /// Locals that currently hold the creation's status (its return value).
  SmallVector<AccessPath, 1> StatusSlots;
  /// The type info of the exception being thrown, on the unwind edge of an
  /// explicit throw (null when unknown).
  const Value *Thrown = nullptr;
  /// The call the exception being unwound came from, when there is one.
  const Instruction *ThrowSite = nullptr;

  // Kept in the order they were found (not by address), so the order of
  // messages never depends on where values sit in memory.
  bool holds(const AccessPath &P) const { return llvm::is_contained(Exprs, P); }
  bool add(const AccessPath &P) {
    if (holds(P) || Exprs.size() >= MaxExprs)
      return false;
    Exprs.push_back(P);
    return true;
  }
  void remove(const AccessPath &P) {
    auto It = llvm::find(Exprs, P);
    if (It != Exprs.end())
      Exprs.erase(It);
  }
  void normalize() {
    llvm::sort(Tuples);
    Tuples.erase(std::unique(Tuples.begin(), Tuples.end()), Tuples.end());
  }
  bool any(Status S) const {
    return llvm::any_of(Tuples, [&](uint32_t T) { return status(T) == S; });
  }
  void change(Status From, Status To) {
    for (uint32_t &T : Tuples)
      if (status(T) == From)
        T = tuple(known(T), values(T), To);
    normalize();
  }
  /// Joins \p O into this state; returns true if it grew.
  bool join(const FlowState &O) {
    if (!O.Reached)
      return false;
    bool Changed = !Reached;
    if (!Reached) {
      Thrown = O.Thrown;
      ThrowSite = O.ThrowSite;
    } else {
      if (Thrown != O.Thrown && Thrown) {
        Thrown = nullptr;
        Changed = true;
      }
      if (ThrowSite != O.ThrowSite && ThrowSite) {
        ThrowSite = nullptr;
        Changed = true;
      }
    }
    Reached = true;
    for (uint32_t T : O.Tuples)
      if (!llvm::is_contained(Tuples, T)) {
        Tuples.push_back(T);
        Changed = true;
      }
    normalize();
    for (const AccessPath &P : O.Exprs)
      Changed |= add(P);
    for (const DILocalVariable *V : O.Vars)
      if (!llvm::is_contained(Vars, V)) {
        Vars.push_back(V);
        Changed = true;
      }
    for (const AccessPath &P : O.StatusSlots)
      if (!llvm::is_contained(StatusSlots, P)) {
        StatusSlots.push_back(P);
        Changed = true;
      }
    return Changed;
  }
};

/// A branch condition as "atom Key is zero/null/false" with the polarity the
/// true edge implies.
struct Condition {
  const void *Key = nullptr;
  bool TrueEdgeMeansZero = false;
};

} // namespace

/// The dataflow for one (function, seed). Lives only during one follow().
class HandleFlow {
public:
  HandleFlow(HandleAnalysis &HA, const Function &F, const HandleSite *Site,
             const AccessPath *EntryExpr, const CallContext *Context)
      : HA(HA), F(F), Site(Site), EntryExpr(EntryExpr), Context(Context),
        Paths(HA.paths(F)) {}

  HandleOutcome run();

private:
  void transfer(const BasicBlock &BB, FlowState S, bool Record);
  void visitInstruction(const Instruction &I, FlowState &S, bool Record);
  void visitCall(const CallBase &CB, FlowState &S, bool Record);
  void visitStore(const Value *Val, const Value *Ptr, const Instruction &I,
                  FlowState &S, bool Record);
  void visitExit(const Instruction &I, FlowState &S, bool Record, bool Throw,
                 const Value *RetVal);
  void createHere(FlowState &S, bool Record);
  void propagate(const BasicBlock &From, const BasicBlock &To, FlowState S,
                 bool Record);

  bool isHandle(const Value *V, const FlowState &S) {
    return S.holds(Paths.pathOf(V));
  }
  /// Paths relative to \p Arg (rooted at the callee's argument) under which
  /// the handle is reachable from the caller's value \p V.
  void relatedPaths(const Value *V, const FlowState &S,
                    SmallVectorImpl<SmallVector<int64_t, 4>> &Out);
  void spellings(const AccessPath &E, SmallVectorImpl<AccessPath> &Out,
                 unsigned Depth);
  std::optional<Condition> decode(const Value *Cond, const FlowState &S);
  bool isStatusCopy(const Value *V, const FlowState &S);
  int atomIndex(const void *Key);
  void splitOn(FlowState &S, const void *Key, std::optional<Status> WhenZero,
               std::optional<Status> WhenNonZero);
  void note(std::vector<HandleEvent> &Events, const Instruction &I,
            const std::string &What, bool Record,
            const std::string &Base = std::string(),
            DebugLoc Loc = DebugLoc()) {
    if (!Record)
      return;
    for (const HandleEvent &E : Events)
      if (E.I == &I)
        return;
    Events.push_back(
        {&I, What, Base.empty() ? What : Base, Loc ? Loc : I.getDebugLoc()});
  }
  DebugLoc exitLoc(const Instruction &Exit);
  /// The handle now sits at \p Where, in memory the caller owns: the caller
  /// owes it from here on.
  void handToCaller(FlowState &S, const Instruction &I, const AccessPath &Where,
                    const std::string &What, bool Record) {
    if (S.any(Live))
      note(Out.Transfers, I, What, Record);
    if (Record && !llvm::is_contained(Out.MovedTo, Where))
      Out.MovedTo.push_back(Where);
    S.change(Live, Away);
  }
  const Function *contextCallee(const CallBase &CB);
  CallContext contextFor(const CallBase &CB, const Function &Callee);
  std::optional<int64_t> fieldHoldingHandle(const Value *V, const FlowState &S);
  /// " at line N", or nothing when optimization left no line (line 0).
  static std::string at(const Instruction &I) {
    std::string L = cancelverify::lineOf(I);
    return L == "?" ? std::string() : " at line " + L;
  }
  void visitDebugValues(const Instruction &I, FlowState &S, bool Record);

  HandleAnalysis &HA;
  const Function &F;
  const HandleSite *Site;
  const AccessPath *EntryExpr;
  const CallContext *Context;
  AccessPathBuilder &Paths;
  HandleOutcome Out;
  DenseMap<const BasicBlock *, FlowState> In;
  SmallVector<const void *, MaxAtoms> Atoms;
  /// Predecessor edges that carried a live handle into an exit block.
  DenseMap<const BasicBlock *, const BasicBlock *> LiveEdgeInto;
  static char HandleNullKey;
  /// Atoms for comparisons other than against zero, one per (predicate or
  /// its inverse, operands); the map's nodes give them stable addresses.
  std::map<std::tuple<unsigned, const Value *, const Value *>, char>
      CompareKeys;
  /// What each comparison atom compares, and which atoms are "this value is
  /// zero" (their key is the value), for passing knowledge to callees.
  DenseMap<const void *, std::tuple<unsigned, const Value *, const Value *>>
      CompareKeyInfo;
  SmallPtrSet<const void *, 8> ValueKeys;
  const void *compareKey(unsigned Pred, const Value *L, const Value *R) {
    const void *K = &CompareKeys[{Pred, L, R}];
    CompareKeyInfo[K] = {Pred, L, R};
    return K;
  }
  SmallVector<CallContext::ConditionFact, 2> factsFor(const CallBase &CB,
                                                      uint32_t Tuple);
};

char HandleFlow::HandleNullKey;

int HandleFlow::atomIndex(const void *Key) {
  for (unsigned I = 0; I < Atoms.size(); ++I)
    if (Atoms[I] == Key)
      return I;
  if (Atoms.size() >= MaxAtoms)
    return -1;
  Atoms.push_back(Key);
  return Atoms.size() - 1;
}

std::optional<Condition> HandleFlow::decode(const Value *Cond,
                                            const FlowState &S) {
  bool Negate = false;
  for (unsigned Step = 0; Step < 8; ++Step) {
    const Value *C = Paths.origin(Cond);
    if (auto *BO = dyn_cast<BinaryOperator>(C);
        BO && BO->getOpcode() == Instruction::Xor) {
      if (auto *One = dyn_cast<ConstantInt>(BO->getOperand(1));
          One && One->isOne() && BO->getType()->isIntegerTy(1)) {
        Negate = !Negate;
        Cond = BO->getOperand(0);
        continue;
      }
    }
    const Value *Subject = C;
    bool TrueMeansZero = false;
    if (auto *Cmp = dyn_cast<ICmpInst>(C)) {
      const Value *L = Paths.origin(Cmp->getOperand(0));
      const Value *R = Paths.origin(Cmp->getOperand(1));
      CmpInst::Predicate P = Cmp->getPredicate();
      if (isa<Constant>(L) && !isa<Constant>(R)) {
        std::swap(L, R);
        P = CmpInst::getSwappedPredicate(P);
      }
      auto *K = dyn_cast<Constant>(R);
      if (!(K && K->isNullValue() && Cmp->isEquality())) {
        // Any other comparison is an atom of its own, shared with its
        // inverse: `if (t > 0) ... if (t <= 0)` are the same question.
        CmpInst::Predicate Inv = CmpInst::getInversePredicate(P);
        CmpInst::Predicate Norm = std::min(P, Inv);
        Condition Result;
        Result.Key = compareKey(unsigned(Norm), L, R);
        Result.TrueEdgeMeansZero = (P != Norm) != Negate;
        return Result;
      }
      Subject = L;
      TrueMeansZero = P == ICmpInst::ICMP_EQ;
    } else if (!C->getType()->isIntegerTy()) {
      return std::nullopt;
    }
    Condition Result;
    Result.TrueEdgeMeansZero = TrueMeansZero != Negate;
    if (Subject->getType()->isPointerTy() && isHandle(Subject, S))
      Result.Key = &HandleNullKey;
    else if (Site && isStatusCopy(Subject, S))
      Result.Key = Site->Call;
    else
      Result.Key = Subject;
    if (Result.Key != &HandleNullKey)
      ValueKeys.insert(Result.Key);
    return Result;
  }
  return std::nullopt;
}

/// A reload of a local that currently holds the creation's status (a status
/// variable that is reused later, so it is not a once-written slot).
bool HandleFlow::isStatusCopy(const Value *V, const FlowState &S) {
  auto *LI = dyn_cast<LoadInst>(V);
  if (!LI)
    return false;
  AccessPath Addr = Paths.pathOf(LI->getPointerOperand());
  return llvm::is_contained(S.StatusSlots, Addr);
}

/// Splits every tuple on atom \p Key; each half gets the given status, or
/// keeps its own where none is given.
void HandleFlow::splitOn(FlowState &S, const void *Key,
                         std::optional<Status> WhenZero,
                         std::optional<Status> WhenNonZero) {
  int A = atomIndex(Key);
  if (A < 0)
    return;
  uint32_t Bit = 1u << A;
  SmallVector<uint32_t, 4> NewTuples;
  for (uint32_t T : S.Tuples) {
    uint32_t K = known(T) | Bit;
    NewTuples.push_back(
        tuple(K, values(T) | Bit, WhenZero.value_or(status(T))));
    NewTuples.push_back(
        tuple(K, values(T) & ~Bit, WhenNonZero.value_or(status(T))));
  }
  S.Tuples = NewTuples;
  S.normalize();
}

void HandleFlow::spellings(const AccessPath &E, SmallVectorImpl<AccessPath> &Out,
                           unsigned Depth) {
  if (llvm::is_contained(Out, E))
    return;
  Out.push_back(E);
  if (Depth == 0)
    return;
  // E may also be reached through a once-written slot that holds a pointer
  // to where E lives (a reference captured by a lambda).
  SmallVector<int64_t, 4> Rest;
  for (const auto &[Slot, Stored] : Paths.forwardedSlots()) {
    if (!Stored->getType()->isPointerTy())
      continue;
    if (!E.extends(Paths.pathOf(Stored), Rest) || Rest.size() < 2)
      continue;
    spellings(Slot.deref().then(Rest), Out, Depth - 1);
  }
}

void HandleFlow::relatedPaths(const Value *V, const FlowState &S,
                              SmallVectorImpl<SmallVector<int64_t, 4>> &Out) {
  AccessPath Base = Paths.pathOf(V);
  SmallVector<int64_t, 4> Rest;
  for (const AccessPath &E : S.Exprs) {
    SmallVector<AccessPath, 4> Alts;
    spellings(E, Alts, 2);
    for (const AccessPath &A : Alts)
      if (A.extends(Base, Rest) && !llvm::is_contained(Out, Rest))
        Out.push_back(Rest);
  }
}

void HandleFlow::createHere(FlowState &S, bool Record) {
  const CallBase &CB = *Site->Call;
  if (S.any(Live)) {
    note(Out.Overwrites, CB,
         "created again" + at(CB) +
             " before the previous handle was cancelled",
         Record);
    S.change(Live, Away);
  }
  // A new handle: forget what earlier iterations knew of its conditions.
  for (uint32_t &T : S.Tuples) {
    uint32_t Mask = 0;
    for (unsigned I = 0; I < Atoms.size(); ++I)
      if (Atoms[I] == &HandleNullKey || Atoms[I] == &CB)
        Mask |= 1u << I;
    T = tuple(known(T) & ~Mask, values(T), status(T));
  }
  S.normalize();
  AccessPath H;
  if (!Site->CalleeExpr) {
    // The return value, or the field of a returned struct that holds it.
    H = Paths.pathOf(&CB);
    if (CB.getType()->isAggregateType())
      H.Offsets = {Site->ReturnOffset, AccessPath::StructField};
  } else {
    const AccessPath &CE = *Site->CalleeExpr;
    auto *Arg = cast<Argument>(CE.Root);
    H = Paths.pathOf(CB.getArgOperand(Arg->getArgNo())).then(CE.Offsets);
    S.add(H);
    H = Paths.canonicalize(H);
  }
  S.add(H);
  for (uint32_t &T : S.Tuples)
    T = tuple(known(T), values(T), Live);
  S.normalize();
  // No handle on the paths where it is null or where the status says the
  // creation failed.
  splitOn(S, &HandleNullKey, Dead, std::nullopt);
  if (Site->Success == SuccessCondition::ReturnsZero)
    splitOn(S, &CB, std::nullopt, Dead);
  else if (Site->Success == SuccessCondition::ReturnsNonZero)
    splitOn(S, &CB, Dead, std::nullopt);
  // Created straight into memory the caller owns (an out-parameter passed
  // on): the caller owes it.
  if (isa<Argument>(H.Root) && H.Offsets.size() >= 2)
    handToCaller(S, CB, H, "created in the caller's out-parameter", Record);
}

DebugLoc HandleFlow::exitLoc(const Instruction &Exit) {
  return returnStatementLoc(Exit, [this](const BasicBlock *BB) {
    return LiveEdgeInto.lookup(BB);
  });
}

/// The byte offset of the field that extractvalue/insertvalue indices name.
static int64_t fieldOffset(const DataLayout &DL, Type *Aggregate,
                           ArrayRef<unsigned> Indices) {
  SmallVector<Value *, 4> Idx{
      ConstantInt::get(Type::getInt32Ty(Aggregate->getContext()), 0)};
  for (unsigned I : Indices)
    Idx.push_back(ConstantInt::get(Type::getInt32Ty(Aggregate->getContext()), I));
  return DL.getIndexedOffsetInType(Aggregate, Idx);
}

/// The byte offset of the field of the aggregate \p V that holds the handle:
/// a struct loaded from memory (-O0) or built with insertvalue (-O2).
std::optional<int64_t> HandleFlow::fieldHoldingHandle(const Value *V,
                                                      const FlowState &S) {
  const DataLayout &DL = F.getParent()->getDataLayout();
  AccessPath VP = Paths.pathOf(V);
  for (const AccessPath &E : S.Exprs)
    if (E.Root == VP.Root && E.Offsets.size() == 2 &&
        E.Offsets[1] == AccessPath::StructField)
      return E.Offsets[0];
  if (auto *LI = dyn_cast<LoadInst>(V)) {
    AccessPath Addr = Paths.pathOf(LI->getPointerOperand());
    uint64_t Size = DL.getTypeStoreSize(LI->getType());
    SmallVector<int64_t, 4> Rest;
    for (const AccessPath &E : S.Exprs)
      if (E.extends(Addr, Rest, Size) && Rest.size() == 2 && Rest[1] == 0)
        return Rest[0];
    return std::nullopt;
  }
  for (const Value *Cur = V; auto *IV = dyn_cast<InsertValueInst>(Cur);
       Cur = IV->getAggregateOperand())
    if (isHandle(IV->getInsertedValueOperand(), S)) {
      return fieldOffset(DL, IV->getType(), IV->getIndices());
    }
  return std::nullopt;
}

void HandleFlow::visitExit(const Instruction &I, FlowState &S, bool Record,
                           bool Throw, const Value *RetVal) {
  std::optional<int64_t> ReturnedAt;
  if (RetVal && isHandle(RetVal, S))
    ReturnedAt = 0;
  else if (RetVal && RetVal->getType()->isAggregateType())
    ReturnedAt = fieldHoldingHandle(RetVal, S);
  if (ReturnedAt) {
    if (S.any(Live))
      note(Out.Transfers, I, "returned to the caller", Record, "", exitLoc(I));
    S.change(Live, Away);
    if (Record) {
      Out.Returned = true;
      Out.ReturnOffset = *ReturnedAt;
    }
  }
  // Returning from main ends the process: nothing can leak past it.
  if (!Throw && F.getName() == "main" && !EntryExpr)
    return;
  if (!Record)
    return;
  Out.AnyExit = true;
  Out.ExitWithHandle |= llvm::any_of(
      S.Tuples, [](uint32_t T) { return status(T) != Dead; });
  bool AnyLive = S.any(Live);
  bool AllDone = llvm::all_of(S.Tuples, [](uint32_t T) {
    return status(T) == Done || status(T) == Dead;
  });
  Out.AllExitsDischarged &= AllDone;
  Out.SomeExitDischarged |= S.any(Done);
  if (AnyLive && !Out.LostExit) {
    Out.LostExit = &I;
    Out.LostByThrow = Throw;
    Out.LostLoc = exitLoc(I);
    // An exception leaving through `resume` left from where it was thrown.
    if (isa<ResumeInst>(I) && S.ThrowSite && S.ThrowSite->getDebugLoc())
      Out.LostLoc = S.ThrowSite->getDebugLoc();
  }
}

static bool isThrow(const CallBase &CB) {
  const Function *Callee = CB.getCalledFunction();
  if (!Callee)
    return false;
  StringRef N = Callee->getName();
  return N == "__cxa_throw" || N == "__cxa_rethrow" || N == "_Unwind_Resume";
}

void HandleFlow::visitStore(const Value *Val, const Value *Ptr,
                            const Instruction &I, FlowState &S, bool Record) {
  AccessPath Addr = Paths.pathOf(Ptr);
  AccessPath Slot = Addr.deref();
  if (Site) {
    auto It = llvm::find(S.StatusSlots, Addr);
    if (It != S.StatusSlots.end())
      S.StatusSlots.erase(It);
    if (Val && Paths.origin(Val) == Site->Call &&
        !Val->getType()->isPointerTy())
      S.StatusSlots.push_back(Addr);
  }
  if (Val && Val->getType()->isAggregateType()) {
    // Storing a struct value stores the handle it carries in a field.
    if (std::optional<int64_t> Field = fieldHoldingHandle(Val, S)) {
      AccessPath D = Addr;
      D.Offsets.back() += *Field;
      S.add(D.deref());
    }
    return;
  }
  bool StoresHandle = Val && isHandle(Val, S);
  if (!StoresHandle) {
    if (S.holds(Slot)) {
      S.remove(Slot);
      // Still held elsewhere (a guard's copy): nothing is lost yet.
      AccessPath Canonical = Paths.canonicalize(Slot);
      bool HeldElsewhere = llvm::any_of(S.Exprs, [&](const AccessPath &E) {
        return E.Offsets.size() >= 2 && !(Paths.canonicalize(E) == Canonical);
      });
      if (HeldElsewhere)
        return;
      // Report a new handle overwriting the old one at its creation, as
      // optimized code (where the store is gone) does.
      const Instruction *At = &I;
      if (auto *NewValue = dyn_cast_or_null<CallBase>(Val))
        At = NewValue;
      if (S.any(Live))
        note(Out.Overwrites, *At,
             "overwritten" + at(*At) + " before it was cancelled",
             Record);
      S.change(Live, Away);
    }
    return;
  }
  const Value *Root = Addr.Root;
  if (isa<AllocaInst>(Root)) {
    S.add(Slot);
    // The raw spelling of the slot, for callees given the slot's address.
    AccessPath Raw = Addr;
    Raw.Offsets.push_back(0);
    S.add(Raw);
    return;
  }
  if (isa<Argument>(Root)) {
    S.add(Slot);
    handToCaller(S, I, Slot, "stored for the caller", Record);
    return;
  }
  std::string Why;
  if (auto *GV = dyn_cast<GlobalVariable>(Root))
    Why = "stored in global '" + GV->getName().str() + "'";
  else if (auto *CB = dyn_cast<CallBase>(Root); CB && CB->returnDoesNotAlias())
    Why = "stored in heap memory";
  else
    Why = "stored in memory the verifier cannot follow";
  if (S.any(Live))
    note(Out.Escapes, I, Why + at(I), Record);
  S.change(Live, Away);
}

/// What tuple \p Tuple knows about the arguments of \p CB.
SmallVector<CallContext::ConditionFact, 2>
HandleFlow::factsFor(const CallBase &CB, uint32_t Tuple) {
  SmallVector<CallContext::ConditionFact, 2> Facts;
  for (unsigned I = 0; I < Atoms.size(); ++I) {
    if (!(known(Tuple) & (1u << I)))
      continue;
    bool Zero = values(Tuple) & (1u << I);
    const void *Key = Atoms[I];
    for (unsigned J = 0; J < CB.arg_size(); ++J) {
      const Value *Arg = Paths.origin(CB.getArgOperand(J));
      auto Info = CompareKeyInfo.find(Key);
      if (Info != CompareKeyInfo.end()) {
        auto [Pred, L, R] = Info->second;
        if (L == Arg && isa<Constant>(R))
          Facts.push_back({J, Pred, R, Zero});
      } else if (ValueKeys.count(Key) && Key == Arg &&
                 Arg->getType()->isIntegerTy()) {
        Facts.push_back({J, CallContext::ConditionFact::ZeroTest, nullptr, Zero});
      }
    }
  }
  return Facts;
}

/// The function an indirect call reaches when the caller said which function
/// the slot it loads from holds.
const Function *HandleFlow::contextCallee(const CallBase &CB) {
  auto *LI = dyn_cast<LoadInst>(CB.getCalledOperand()->stripPointerCasts());
  if (!LI || !Context)
    return nullptr;
  AccessPath Slot = Paths.pathOf(LI->getPointerOperand());
  for (const auto &[Known, Fn] : Context->FunctionSlots)
    if (Known == Slot)
      return Fn;
  return nullptr;
}

/// Which slots of the objects passed to \p Callee hold which function, as
/// known here: slots written once with a function, and what this function's
/// own caller said.
CallContext HandleFlow::contextFor(const CallBase &CB, const Function &Callee) {
  CallContext C;
  SmallVector<std::pair<AccessPath, const Function *>, 4> Known;
  for (const auto &[Slot, Stored] : Paths.forwardedSlots())
    if (auto *Fn = dyn_cast<Function>(Stored->stripPointerCasts()))
      Known.push_back({Slot, Fn});
  if (Context)
    Known.append(Context->FunctionSlots.begin(), Context->FunctionSlots.end());
  SmallVector<int64_t, 4> Rest;
  for (unsigned I = 0; I < CB.arg_size() && I < Callee.arg_size(); ++I) {
    if (!CB.getArgOperand(I)->getType()->isPointerTy())
      continue;
    AccessPath A = Paths.pathOf(CB.getArgOperand(I));
    for (const auto &[Slot, Fn] : Known)
      if (Slot.extends(A, Rest) && Rest.size() == 1) {
        AccessPath CalleeSlot;
        CalleeSlot.Root = Callee.getArg(I);
        CalleeSlot.Offsets.push_back(Rest[0]);
        C.FunctionSlots.push_back({CalleeSlot, Fn});
      }
  }
  llvm::sort(C.FunctionSlots, [](const auto &L, const auto &R) {
    return L.first < R.first;
  });
  return C;
}

void HandleFlow::visitCall(const CallBase &CB, FlowState &S, bool Record) {
  if (Site && &CB == Site->Call) {
    createHere(S, Record);
    return;
  }
  if (isThrow(CB)) {
    // An invoked throw goes to this function's own handler or cleanup.
    if (isa<CallInst>(CB))
      visitExit(CB, S, Record, /*Throw=*/true, nullptr);
    return;
  }
  // A call to a function known to throw may leave here by an exception,
  // before the call's own effect.
  if (isa<CallInst>(CB) && !F.doesNotThrow())
    if (auto *Callee = CB.getCalledFunction(); Callee && HA.knownToThrow(*Callee))
      visitExit(CB, S, Record, /*Throw=*/true, nullptr);
  if (auto *II = dyn_cast<IntrinsicInst>(&CB)) {
    if (auto *MT = dyn_cast<AnyMemTransferInst>(II)) {
      // Copying an object copies the handle it holds (struct copies and
      // lambda captures at -O0).
      AccessPath Src = Paths.pathOf(MT->getRawSource());
      AccessPath Dst = Paths.pathOf(MT->getRawDest());
      int64_t Len = -1;
      if (auto *C = dyn_cast<ConstantInt>(MT->getLength()))
        Len = C->getSExtValue();
      SmallVector<AccessPath, 4> New;
      SmallVector<int64_t, 4> Rest;
      for (const AccessPath &E : S.Exprs) {
        SmallVector<AccessPath, 4> Alts;
        spellings(E, Alts, 2);
        for (const AccessPath &A : Alts)
          if (A.extends(Src, Rest, Len) && Rest.size() >= 2) {
            New.push_back(Dst.then(Rest));
          }
      }
      for (const AccessPath &D : New) {
        if (isa<Argument>(D.Root))
          handToCaller(S, CB, D, "copied for the caller", Record);
        S.add(D);
      }
      return;
    }
    return; // lifetime markers, debug info, annotations, assumes
  }

  const ApiModel &Model = HA.model();
  const FunctionRoles *Roles = Model.rolesOfCall(CB);
  std::string CalleeName;
  const Function *Callee =
      dyn_cast<Function>(CB.getCalledOperand()->stripPointerCasts());
  if (Callee)
    CalleeName = Callee->getName().str();

  if (Roles && (Roles->Cancel || Roles->Defer)) {
    for (const auto *R : {&Roles->Cancel, &Roles->Defer}) {
      if (!*R || (*R)->Handle.Kind != IRPosition::Argument ||
          (*R)->Handle.ArgNo >= CB.arg_size())
        continue;
      if (!isHandle(CB.getArgOperand((*R)->Handle.ArgNo), S))
        continue;
      bool IsDefer = R == &Roles->Defer;
      if (S.any(Live) && Record)
        Out.Used = true;
      note(Out.Discharges, CB,
           std::string(IsDefer ? "deferred" : "cancelled") + " by '" +
               demangle(CalleeName) + "'" + at(CB),
           Record);
      S.change(Live, Done);
      return;
    }
  }

  // Calling the handle itself (a cancel function pointer).
  if (!Callee && isHandle(CB.getCalledOperand(), S)) {
    if (Record)
      Out.Used = true;
    note(Out.Discharges, CB, "called" + at(CB), Record);
    S.change(Live, Done);
    return;
  }

  // Which arguments give the callee access to the handle?
  SmallVector<std::pair<unsigned, SmallVector<int64_t, 4>>, 4> Passed;
  for (unsigned I = 0; I < CB.arg_size(); ++I) {
    const Value *A = CB.getArgOperand(I);
    if (!A->getType()->isPointerTy() && !A->getType()->isIntegerTy())
      continue;
    SmallVector<SmallVector<int64_t, 4>, 2> Rel;
    relatedPaths(A, S, Rel);
    for (auto &R : Rel)
      Passed.push_back({I, R});
  }
  if (Passed.empty())
    return;
  if (Record)
    Out.Used = true;
  // A model role other than cancel/defer says the callee only reads it.
  if (Roles && !Roles->Create)
    return;

  // The functions the call reaches: the callee, or for an indirect call
  // the targets that can be known.
  SmallVector<const Function *, 2> Targets;
  if (Callee)
    Targets.push_back(Callee);
  else if (const Function *Known = contextCallee(CB))
    Targets.push_back(Known);
  else
    Targets = HA.resolveCallees(CB);
  const Function *Unfollowable = nullptr;
  for (const Function *T : Targets)
    if (T->isDeclaration())
      Unfollowable = T;
  if (Targets.empty() || Unfollowable) {
    std::string Why = Unfollowable
                          ? "passed to '" + demangle(Unfollowable->getName().str()) +
                                "', which has no model and no body here"
                          : std::string("passed to an indirect call");
    if (S.any(Live))
      note(Out.Escapes, CB, Why + at(CB), Record);
    S.change(Live, Away);
    return;
  }
  if (!Callee)
    CalleeName = Targets.front()->getName().str();

  // Discharged if, for some argument, every target discharges it. The live
  // paths are grouped by what they know of the arguments: a helper that
  // cancels only when `rc >= 0` cancels on the paths where that is known.
  // Groups in order of first appearance (tuples are sorted), so messages
  // do not depend on where things sit in memory.
  struct Group {
    std::string Key;
    SmallVector<CallContext::ConditionFact, 2> Facts;
    SmallVector<uint32_t, 4> Tuples;
  };
  SmallVector<Group, 2> Groups;
  for (uint32_t T : S.Tuples)
    if (status(T) == Live) {
      CallContext Key;
      Key.Conditions = factsFor(CB, T);
      std::string K = Key.key();
      auto It = llvm::find_if(Groups, [&](const Group &G) { return G.Key == K; });
      if (It == Groups.end()) {
        Groups.push_back({K, Key.Conditions, {}});
        It = Groups.end() - 1;
      }
      It->Tuples.push_back(T);
    }
  if (Groups.empty())
    Groups.push_back({});
  bool AnyDischarged = false, Partial = false;
  SmallVector<uint32_t, 4> DischargedTuples;
  std::string How;
  SmallVector<AccessPath, 4> Moved;
  bool Returned = false;
  for (const Group &G : Groups) {
    bool Discharged = false;
    for (auto &[ArgNo, Rest] : Passed) {
      bool AllTargets = true;
      for (const Function *T : Targets) {
        if (ArgNo >= T->arg_size()) {
          AllTargets = false; // variadic part: nothing to follow
          continue;
        }
        AccessPath CE;
        CE.Root = T->getArg(ArgNo);
        CE.Offsets.assign(Rest.begin(), Rest.end());
        CallContext Ctx = contextFor(CB, *T);
        Ctx.Conditions = G.Facts;
        CalleeEffect E = HA.effectOf(*T, CE, Ctx);
        if (E.Discharge == CalleeEffect::All)
          How = E.How;
        else
          AllTargets = false;
        Partial |= E.Discharge == CalleeEffect::Some;
        if (E.Escapes) {
          if (S.any(Live))
            note(Out.Escapes, CB,
                 "passed to '" + demangle(T->getName().str()) +
                     "', where it is " + E.EscapeWhy,
                 Record);
          S.change(Live, Away);
        }
        Returned |= E.Returned;
        for (const AccessPath &M : E.MovedTo) {
          auto *MA = cast<Argument>(M.Root);
          AccessPath P =
              Paths.pathOf(CB.getArgOperand(MA->getArgNo())).then(M.Offsets);
          Moved.push_back(P);
          AccessPath C = Paths.canonicalize(P);
          if (!(C == P))
            Moved.push_back(C);
        }
      }
      Discharged |= AllTargets;
    }
    if (Discharged) {
      AnyDischarged = true;
      DischargedTuples.append(G.Tuples.begin(), G.Tuples.end());
    }
  }
  bool Discharged = AnyDischarged;
  for (const AccessPath &P : Moved) {
    if (isa<Argument>(P.Root))
      handToCaller(S, CB, P,
                   "stored for the caller by '" + demangle(CalleeName) + "'",
                   Record);
    S.add(P);
  }
  if (Returned)
    S.add(Paths.pathOf(&CB));
  if (Discharged) {
    if (How.empty())
      How = "cancelled";
    note(Out.Discharges, CB,
         How + " (through '" + demangle(CalleeName) + "'" + at(CB) + ")",
         Record, How);
    bool Everywhere = Groups.size() == 1;
    for (uint32_t &T : S.Tuples)
      if (status(T) == Live &&
          (Everywhere || llvm::is_contained(DischargedTuples, T)))
        T = tuple(known(T), values(T), Done);
    S.normalize();
    if (!S.any(Live) || !Partial)
      return;
  }
  if (Partial && Record &&
             !llvm::is_contained(Out.PartialHelpers, CalleeName)) {
    Out.PartialHelpers.push_back(CalleeName);
  }
}

/// In optimized code a source variable that is reassigned shows only as a
/// new debug value record: a variable holding a live handle that is given
/// another value has been overwritten.
void HandleFlow::visitDebugValues(const Instruction &I, FlowState &S,
                                  bool Record) {
  compat::forEachDebugVariable(I, [&](const Value *V, const DILocalVariable *Var,
                                      bool IsAddress) {
    if (IsAddress || !V || isa<UndefValue>(V))
      return;
    if (V->getType()->isPointerTy() && isHandle(V, S)) {
      if (!llvm::is_contained(S.Vars, Var))
        S.Vars.push_back(Var);
      return;
    }
    auto It = llvm::find(S.Vars, Var);
    if (It == S.Vars.end())
      return;
    S.Vars.erase(It);
    if (!S.any(Live))
      return;
    // The old value may live on in SSA (a guard's copy, inlined): it counts
    // as overwritten only if it is then lost or never used.
    auto *At = dyn_cast<Instruction>(V);
    note(Out.PendingOverwrites, At ? *At : I,
         "overwritten" + at(At ? *At : I) + " before it was cancelled",
         Record);
  });
}

void HandleFlow::visitInstruction(const Instruction &I, FlowState &S,
                                  bool Record) {
  visitDebugValues(I, S, Record);
  if (auto *SI = dyn_cast<StoreInst>(&I)) {
    visitStore(SI->getValueOperand(), SI->getPointerOperand(), I, S, Record);
    return;
  }
  if (auto *LI = dyn_cast<LoadInst>(&I)) {
    if (Record && isHandle(LI, S))
      Out.Used = true;
    return;
  }
  if (auto *EV = dyn_cast<ExtractValueInst>(&I)) {
    // The field of a struct value that carries the handle.
    if (std::optional<int64_t> Field =
            fieldHoldingHandle(EV->getAggregateOperand(), S)) {
      const DataLayout &DL = F.getParent()->getDataLayout();
      if (fieldOffset(DL, EV->getAggregateOperand()->getType(),
                      EV->getIndices()) == *Field)
        S.add(Paths.pathOf(EV));
    }
    return;
  }
  if (auto *Sel = dyn_cast<SelectInst>(&I)) {
    if (isHandle(Sel->getTrueValue(), S) || isHandle(Sel->getFalseValue(), S))
      S.add(Paths.pathOf(Sel));
    return;
  }
  if (auto *CB = dyn_cast<CallBase>(&I)) {
    visitCall(*CB, S, Record);
    return;
  }
  if (auto *RI = dyn_cast<ReturnInst>(&I)) {
    visitExit(I, S, Record, false, RI->getReturnValue());
    return;
  }
  if (isa<ResumeInst>(&I)) {
    visitExit(I, S, Record, /*Throw=*/true, nullptr);
    return;
  }
  if (Record && !isa<PHINode>(&I) && !isa<GetElementPtrInst>(&I) &&
      !isa<CastInst>(&I))
    for (const Value *Op : I.operands())
      if (Op->getType()->isPointerTy() && isHandle(Op, S))
        Out.Used = true;
}

void HandleFlow::propagate(const BasicBlock &From, const BasicBlock &To,
                           FlowState S, bool Record) {
  if (!S.Reached || S.Tuples.empty())
    return;
  if (Record && S.any(Live) && !LiveEdgeInto.count(&To))
    LiveEdgeInto[&To] = &From;
  if (!Record)
    In[&To].join(S);
}

void HandleFlow::transfer(const BasicBlock &BB, FlowState S, bool Record) {
  // Phis take the handle from whichever edge brings it.
  for (const PHINode &Phi : BB.phis())
    for (const Value *V : Phi.incoming_values())
      if (isHandle(V, S)) {
        S.add(Paths.pathOf(&Phi));
        if (Record)
          Out.Used = true;
        break;
      }
  const Instruction *Term = BB.getTerminator();
  for (const Instruction &I : BB) {
    if (&I == Term)
      break;
    visitInstruction(I, S, Record);
    if (S.Tuples.empty())
      return;
  }
  if (auto *Inv = dyn_cast<InvokeInst>(Term)) {
    // The unwind edge leaves before the call completed. It is followed only
    // for callees known to throw: an invoke is what clang emits for any call
    // in a scope with cleanups, not a sign that the callee throws.
    const Function *Callee = Inv->getCalledFunction();
    if (isThrow(*Inv) || (Callee && HA.knownToThrow(*Callee))) {
      FlowState U = S;
      U.Thrown = Callee && Callee->getName() == "__cxa_throw"
                     ? Inv->getArgOperand(1)->stripPointerCasts()
                     : nullptr;
      U.ThrowSite = Inv;
      propagate(BB, *Inv->getUnwindDest(), U, Record);
    }
    visitInstruction(*Term, S, Record);
    propagate(BB, *Inv->getNormalDest(), S, Record);
    return;
  }
  visitInstruction(*Term, S, Record);
  auto *Br = dyn_cast<BranchInst>(Term);
  if (Br && Br->isConditional()) {
    // A catch clause testing for exactly the type being thrown catches it.
    if (S.Thrown)
      if (auto *Cmp = dyn_cast<ICmpInst>(Br->getCondition());
          Cmp && Cmp->getPredicate() == ICmpInst::ICMP_EQ)
        for (const Value *Op : Cmp->operands())
          if (auto *TypeId = dyn_cast<IntrinsicInst>(Op);
              TypeId && TypeId->getIntrinsicID() == Intrinsic::eh_typeid_for &&
              TypeId->getArgOperand(0)->stripPointerCasts() == S.Thrown) {
            propagate(BB, *Br->getSuccessor(0), S, Record);
            return;
          }
    std::optional<Condition> C = decode(Br->getCondition(), S);
    int A = C ? atomIndex(C->Key) : -1;
    for (unsigned Succ = 0; Succ < 2; ++Succ) {
      FlowState E = S;
      if (A >= 0) {
        bool Zero = C->TrueEdgeMeansZero == (Succ == 0);
        SmallVector<uint32_t, 4> Kept;
        for (uint32_t T : E.Tuples) {
          uint32_t Bit = 1u << A;
          if ((known(T) & Bit) && bool(values(T) & Bit) != Zero)
            continue;
          Kept.push_back(
              tuple(known(T) | Bit, Zero ? values(T) | Bit : values(T) & ~Bit,
                    status(T)));
        }
        E.Tuples = Kept;
        E.normalize();
      }
      propagate(BB, *Br->getSuccessor(Succ), E, Record);
    }
    return;
  }
  for (const BasicBlock *Succ : successors(&BB))
    propagate(BB, *Succ, S, Record);
}

HandleOutcome HandleFlow::run() {
  const BasicBlock &Entry = F.getEntryBlock();
  FlowState Init;
  Init.Reached = true;
  if (EntryExpr) {
    Init.Tuples.push_back(tuple(0, 0, Live));
    Init.add(*EntryExpr);
    // A null handle needs no cancel: `if (h) cancel(h)` cancels every handle.
    splitOn(Init, &HandleNullKey, Dead, std::nullopt);
    // What the caller knew of the arguments on its path.
    if (Context)
      for (const CallContext::ConditionFact &C : Context->Conditions) {
        if (C.ArgNo >= F.arg_size())
          continue;
        const Value *Arg = F.getArg(C.ArgNo);
        const void *Key =
            C.Predicate == CallContext::ConditionFact::ZeroTest
                ? static_cast<const void *>(Arg)
                : compareKey(C.Predicate, Arg, C.Constant);
        if (C.Predicate == CallContext::ConditionFact::ZeroTest)
          ValueKeys.insert(Key);
        int A = atomIndex(Key);
        if (A < 0)
          continue;
        for (uint32_t &T : Init.Tuples)
          T = tuple(known(T) | (1u << A),
                    C.Zero ? values(T) | (1u << A) : values(T) & ~(1u << A),
                    status(T));
      }
  } else {
    Init.Tuples.push_back(tuple(0, 0, Dead));
  }
  In[&Entry] = Init;

  ReversePostOrderTraversal<const Function *> RPOT(&F);
  std::vector<const BasicBlock *> Order(RPOT.begin(), RPOT.end());
  // Iterate to a fixpoint. The domain is finite; the bound is a guard.
  for (unsigned Round = 0; Round < 64; ++Round) {
    bool Changed = false;
    for (const BasicBlock *BB : Order) {
      auto It = In.find(BB);
      if (It == In.end() || !It->second.Reached)
        continue;
      FlowState Before = It->second;
      DenseMap<const BasicBlock *, FlowState> Snapshot;
      for (const BasicBlock *Succ : successors(BB))
        Snapshot[Succ] = In.lookup(Succ);
      transfer(*BB, Before, /*Record=*/false);
      for (const BasicBlock *Succ : successors(BB)) {
        const FlowState &N = In[Succ];
        const FlowState &O = Snapshot[Succ];
        if (N.Reached != O.Reached || N.Tuples != O.Tuples ||
            N.Exprs.size() != O.Exprs.size() || N.Vars.size() != O.Vars.size() ||
            N.StatusSlots.size() != O.StatusSlots.size())
          Changed = true;
      }
    }
    if (!Changed)
      break;
  }
  // Two recording sweeps: the first finds which edges bring a live handle
  // into each block (to name the return statement of a lost path), the
  // second records the events.
  for (const BasicBlock *BB : Order)
    if (In.count(BB) && In[BB].Reached)
      transfer(*BB, In[BB], /*Record=*/true);
  Out = HandleOutcome();
  for (const BasicBlock *BB : Order)
    if (In.count(BB) && In[BB].Reached)
      transfer(*BB, In[BB], /*Record=*/true);
  // Messages list discharges in source order.
  auto Line = [](const HandleEvent &E) {
    DebugLoc DL = outermostLoc(E.I->getDebugLoc());
    return DL ? std::make_pair(DL.getLine(), DL.getCol())
              : std::make_pair(0u, 0u);
  };
  llvm::stable_sort(Out.Discharges,
                    [&](const HandleEvent &A, const HandleEvent &B) {
                      return Line(A) < Line(B);
                    });
  return Out;
}

HandleOutcome HandleAnalysis::follow(const Function &F, const HandleSite *Site,
                                     const AccessPath *EntryExpr,
                                     const CallContext *Context) {
  HandleFlow Flow(*this, F, Site, EntryExpr, Context);
  return Flow.run();
}

} // namespace cancelverify
