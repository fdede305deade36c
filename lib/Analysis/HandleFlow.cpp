//===- HandleFlow.cpp - The solver of the handle dataflow ------------------===//
//
// A forward dataflow over the CFG for all handles of a run together. Blocks
// are visited in reverse post-order; a block is visited again only when its
// entry state grew, and the lattice is finite, so the iteration ends (a
// bound on rounds is a guard). One recording sweep then collects the events
// messages need, and, only for the blocks before an exit, the first edge
// that brings each handle there live; from those the return statement a
// lost handle's path reaches is named once the sweep is over.
//
//===----------------------------------------------------------------------===//
#include "HandleFlow.h"

#include "cancelverify/CallTarget.h"
#include "cancelverify/ExitLocation.h"
#include "cancelverify/SourceFrames.h"

#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/Analysis/CFG.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace cancelverify {

using namespace flow;

/// Rounds over the blocks before giving up on a fixpoint (never reached
/// in practice: the lattice is small).
static constexpr unsigned MaxRounds = 64;

HandleFlow::HandleFlow(HandleSummaries &HS, const Function &F)
    : HS(HS), F(F), PathsHolder(HS.pathsFor(F)), Paths(*PathsHolder) {}

unsigned HandleFlow::addCreation(const HandleSite &Site) {
  unsigned H = Outcomes.size();
  Sites.push_back(Site);
  Outcomes.emplace_back();
  Atoms.emplace_back();
  OpenAtoms.push_back(H);
  ByCreation[Site.Call] = H;
  return H;
}

void HandleFlow::setEntry(const AccessPath &Expr, const CallContext &C) {
  EntryExpr = Expr;
  Context = &C;
  Sites.push_back(std::nullopt);
  Outcomes.emplace_back();
  Atoms.emplace_back();
  OpenAtoms.push_back(Outcomes.size() - 1);
}

bool HandleFlow::joinInto(BlockState &Into, const BlockState &From) {
  // The first edge into a block shares all of its states.
  if (!Into.Reached) {
    Into = From;
    Into.Reached = true;
    return true;
  }
  bool Changed = false;
  {
    if (Into.Thrown != From.Thrown && Into.Thrown) {
      Into.Thrown = nullptr;
      Changed = true;
    }
    if (Into.ThrowSite != From.ThrowSite && Into.ThrowSite) {
      Into.ThrowSite = nullptr;
      Changed = true;
    }
  }
  for (unsigned C = 0; C < From.Handles.numChunks(); ++C) {
    if (Into.Handles.sameChunk(C, From.Handles))
      continue;
    From.Handles.forEachInChunk(C, [&](unsigned H) {
      if (H >= Outcomes.size())
        return;
      const HandleState *B = From.Handles.get(H);
      const HandleState *A = Into.Handles.get(H);
      if (!B || A == B)
        return;
      if (!A) {
        Into.Handles.set(H, B);
        Changed = true;
        return;
      }
      if (A->contains(*B))
        return;
      HandleState J = *A;
      if (J.joinFrom(*B)) {
        Into.Handles.set(H, Arena.make(std::move(J)));
        Changed = true;
      }
    });
  }
  return Changed;
}

/// The integer \p From stores last into \p Slot, when it is a constant.
static std::optional<APInt> lastConstantStore(const BasicBlock &From,
                                              const Value *Slot) {
  for (const Instruction &I : reverse(From)) {
    auto *SI = dyn_cast<StoreInst>(&I);
    if (!SI || SI->getPointerOperand() != Slot)
      continue;
    if (auto *C = dyn_cast<ConstantInt>(SI->getValueOperand()))
      return C->getValue();
    return std::nullopt;
  }
  return std::nullopt;
}

/// Where an edge from \p From into \p To really goes when \p To is a
/// cleanup block that only ends lifetimes and then switches on a slot
/// \p From just stored a constant into: clang's cleanup destination, which
/// every `goto` or `return` out of a scope with locals goes through at -O1
/// and above (lifetime markers make the scope need a cleanup). Followed as
/// a join, it mixes the states of a `return` and a `goto error` that
/// frees; followed to its destination, each keeps its own.
const BasicBlock *HandleFlow::cleanupDestination(const BasicBlock &From,
                                                 const BasicBlock &To) {
  auto [It, New] = CleanupDestinations.try_emplace({&From, &To}, &To);
  if (!New)
    return It->second;
  // Blocks on the way that only end lifetimes and go on (a `break` out of
  // a nested scope reaches the outer scope's cleanup through one) are
  // passed, once a dispatch after them decides.
  const BasicBlock *Cur = &To, *Decided = &To;
  for (unsigned Hops = 0; Hops < 12; ++Hops) {
    auto *Sw = dyn_cast<SwitchInst>(Cur->getTerminator());
    auto *Load = Sw ? dyn_cast<LoadInst>(Sw->getCondition()) : nullptr;
    auto OnlyPlumbing = [&](const Instruction &I) {
      if (&I == Load || &I == Cur->getTerminator() || isa<DbgInfoIntrinsic>(I))
        return true;
      auto *II = dyn_cast<IntrinsicInst>(&I);
      return II && II->isLifetimeStartOrEnd();
    };
    if (auto *Br = dyn_cast<BranchInst>(Cur->getTerminator());
        Br && Br->isUnconditional() && all_of(*Cur, OnlyPlumbing)) {
      Cur = Br->getSuccessor(0);
      continue;
    }
    if (!Load || Load->getParent() != Cur ||
        !isa<AllocaInst>(Load->getPointerOperand()) ||
        !all_of(*Cur, OnlyPlumbing))
      break;
    std::optional<APInt> V =
        lastConstantStore(From, Load->getPointerOperand());
    if (!V)
      break;
    const BasicBlock *Next = Sw->getDefaultDest();
    for (const auto &Case : Sw->cases())
      if (Case.getCaseValue()->getValue() == *V)
        Next = Case.getCaseSuccessor();
    Cur = Decided = Next;
  }
  It->second = Decided;
  return Decided;
}

/// The constant an integer \p V is where control goes from \p From to
/// \p To, when a switch or an equality test on \p V decides that edge or
/// the straight line of blocks leading to it (optimized code returns the
/// status it just tested, `ret %st` after `case 0:`); else \p V.
const Value *HandleFlow::valueOnEdge(const Value *V, const BasicBlock &From,
                                     const BasicBlock &To) {
  if (isa<Constant>(V) || !V->getType()->isIntegerTy())
    return V;
  const BasicBlock *Pred = &From, *Succ = &To;
  for (unsigned Step = 0; Step < 8 && Pred; ++Step) {
    const Instruction *T = Pred->getTerminator();
    if (auto *Sw = dyn_cast<SwitchInst>(T); Sw && Sw->getCondition() == V) {
      const ConstantInt *Case = nullptr;
      for (const auto &C : Sw->cases())
        if (C.getCaseSuccessor() == Succ) {
          if (Case)
            return V;
          Case = C.getCaseValue();
        }
      return Case && Sw->getDefaultDest() != Succ ? Case : V;
    }
    if (auto *Br = dyn_cast<BranchInst>(T); Br && Br->isConditional()) {
      auto *Cmp = dyn_cast<ICmpInst>(Br->getCondition());
      auto *K = Cmp ? dyn_cast<ConstantInt>(Cmp->getOperand(1)) : nullptr;
      if (!K || Cmp->getOperand(0) != V || !Cmp->isEquality() ||
          Br->getSuccessor(0) == Br->getSuccessor(1))
        return V;
      unsigned EqualEdge = Cmp->getPredicate() == ICmpInst::ICMP_EQ ? 0 : 1;
      return Br->getSuccessor(EqualEdge) == Succ ? K : V;
    }
    if (T->getNumSuccessors() != 1)
      return V;
    Succ = Pred;
    Pred = Pred->getSinglePredecessor();
  }
  return V;
}

void HandleFlow::propagate(const BasicBlock &From, const BasicBlock &To,
                           const BlockState &S, Pass P) {
  // The back edge of a loop that runs at most once: its second test
  // leaves the loop.
  if (!BackEdgeExits.empty())
    if (auto It = BackEdgeExits.find({&From, &To}); It != BackEdgeExits.end())
      return propagate(From, *It->second, S, P);
  if (isa<SwitchInst>(To.getTerminator()) ||
      (To.getSingleSuccessor() && !isa<PHINode>(To.front())))
    if (const BasicBlock *Dest = cleanupDestination(From, To); Dest != &To)
      return propagate(From, *Dest, S, P);
  // The value a phi returns, as this edge gives it.
  if (P == Pass::Record && ReturnPhi && ReturnPhi->getParent() == &To &&
      ReturnPhi->getBasicBlockIndex(&From) >= 0) {
    const Value *V =
        valueOnEdge(ReturnPhi->getIncomingValueForBlock(&From), From, To);
    noteOtherPointer(V, S);
    noteReturned(V, S);
  }
  if (isa<PHINode>(To.front())) {
    BlockState Edge = S;
    bool Changed = dropAtPhis(From, To, Edge, P);
    Changed |= setTestedPhis(From, To, Edge);
    if (Changed)
      return deliver(From, To, Edge, P);
  }
  deliver(From, To, S, P);
}

/// Whether the SSA value of path \p Id can no longer be used once control
/// goes from \p From to \p To: every use is a phi of \p To or in a block
/// that cannot be reached from it.
bool HandleFlow::deadAfterEdge(PathId Id, const BasicBlock &To) {
  const AccessPath &Path = Paths.path(Id);
  auto *Def = dyn_cast_or_null<Instruction>(Path.Root);
  if (!Def || isa<AllocaInst>(Def) || Path.Offsets.size() != 1 ||
      Path.Offsets[0] != 0)
    return false;
  for (const User *U : Def->users()) {
    auto *UI = dyn_cast<Instruction>(U);
    if (!UI)
      return false;
    if (isa<PHINode>(UI) && UI->getParent() == &To)
      continue;
    if (isPotentiallyReachable(&To.front(), UI))
      return false;
  }
  return true;
}

/// Optimized code merges a variable reassigned on one branch into a phi:
/// `k = create(); if (c) k = create(); cancel(k);` cancels the phi, which
/// holds the first handle only on the edge that did not reassign. On the
/// edge that brings another value, the first handle is held by nothing that
/// is used afterwards: it is overwritten there, as -O0 sees it. Returns
/// whether \p S changed.
bool HandleFlow::dropAtPhis(const BasicBlock &From, const BasicBlock &To,
                            BlockState &S, Pass P) {
  // An edge the flow forwarded past blocks in between (a cleanup dispatch,
  // a loop's second test) is not named by the phis.
  if (any_of(To.phis(), [&](const PHINode &Phi) {
        return Phi.getBasicBlockIndex(&From) < 0;
      }))
    return false;
  for (const PHINode &Phi : To.phis())
    for (const Value *V : Phi.incoming_values())
      candidatesOfValue(V);
  bool Changed = false;
  forCandidates(S, [&](unsigned H, HandleState &W) {
    if (!W.any(Live) || W.Exprs.empty())
      return;
    const Value *Replacement = nullptr;
    for (const PHINode &Phi : To.phis()) {
      const Value *Here = Phi.getIncomingValueForBlock(&From);
      if (isHandle(Here, W) || pointsInsideHandle(H, Here, W))
        return; // carried on by this edge
      if (any_of(Phi.incoming_values(),
                 [&](const Value *V) { return V != Here && isHandle(V, W); }))
        Replacement = Here;
    }
    if (!Replacement ||
        !all_of(W.Exprs, [&](PathId E) { return deadAfterEdge(E, To); }))
      return;
    auto *At = dyn_cast<Instruction>(Replacement);
    if (P == Pass::Record)
      note(Outcomes[H].Overwrites,
           OverwriteEvent{OverwriteEvent::Overwritten,
                          At && At->getDebugLoc() ? At : From.getTerminator()});
    W.change(Live, Away);
    Changed = true;
  });
  return Changed;
}

void HandleFlow::deliver(const BasicBlock &From, const BasicBlock &To,
                         const BlockState &S, Pass P) {
  switch (P) {
  case Pass::Solve: {
    auto It = BlockIndex.find(&To);
    if (It != BlockIndex.end() && joinInto(In[It->second], S))
      Dirty[It->second] = true;
    return;
  }
  case Pass::Replay:
    ReplayEdges.push_back({&To, S.Handles.get(*OnlyHandle)});
    return;
  case Pass::Record:
    // Remember, for the blocks a return statement is looked for in, the
    // first edge that brings each handle there live.
    if (BeforeExits.count(&To))
      S.Handles.forEach([&](unsigned H, const HandleState *St) {
        if (St->any(Live))
          LiveEdgeInto.try_emplace({H, &To}, &From);
      });
    return;
  }
}

void HandleFlow::transfer(const BasicBlock &BB, BlockState S, Pass P) {
  // Phis take the handle from whichever edge brings it.
  for (const PHINode &Phi : BB.phis()) {
    for (const Value *V : Phi.incoming_values()) {
      candidatesOfValue(V);
      // A pointer into the handle's object (pointsInsideHandle).
      if (V->getType()->isPointerTy() && !ByRoot.empty())
        candidatesOfRoot(Paths.path(Paths.idOf(V)).Root);
    }
    forCandidates(S, [&](unsigned H, HandleState &W) {
      for (const Value *V : Phi.incoming_values())
        if (isHandle(V, W) || pointsInsideHandle(H, V, W)) {
          addPath(H, W, Paths.idOf(&Phi));
          if (P == Pass::Record)
            Outcomes[H].Used = true;
          break;
        }
      // A pointer to the object that holds it (an object or a fallback):
      // the handle is below the phi as it is below the value.
      for (const Value *V : Phi.incoming_values()) {
        SmallVector<SmallVector<int64_t, 4>, 2> Below;
        if (reachesHandle(V, W, &Below)) {
          for (const SmallVector<int64_t, 4> &Rest : Below)
            addPath(H, W, Paths.pathOf(&Phi).then(Rest));
          break;
        }
      }
    });
  }
  const Instruction *Term = BB.getTerminator();
  for (const Instruction &I : BB) {
    if (&I == Term)
      break;
    if (!AtomsDefinedBy.empty())
      forgetRedefined(I, S);
    visitInstruction(I, S, P);
  }
  if (auto *Inv = dyn_cast<InvokeInst>(Term)) {
    // The unwind edge leaves before the call completed. It is followed only
    // for callees known to throw: an invoke is what clang emits for any call
    // in a scope with cleanups, not a sign that the callee throws.
    const Function *Callee = calledFunction(*Inv);
    if (isThrowCall(*Inv) || (Callee && HS.knownToThrow(*Callee))) {
      BlockState U = S;
      U.Thrown = !Callee ? nullptr
                 : Callee->getName() == "__cxa_throw"
                     ? Inv->getArgOperand(1)->stripPointerCasts()
                     : HS.thrownType(*Callee);
      U.ThrowSite = Inv;
      // What the callee discharged before letting the exception out.
      if (!isThrowCall(*Inv)) {
        callCandidates(*Inv);
        forCandidates(U, [&](unsigned H, HandleState &W) {
          if (dischargedBeforeThrow(H, W, *Inv))
            W.change(Live, Done);
        });
      }
      propagate(BB, *Inv->getUnwindDest(), U, P);
    }
    visitInstruction(*Term, S, P);
    propagate(BB, *Inv->getNormalDest(), S, P);
    return;
  }
  visitInstruction(*Term, S, P);
  auto *Br = dyn_cast<BranchInst>(Term);
  if (Br && Br->isConditional()) {
    transferBranch(BB, S, P);
    return;
  }
  if (isa<SwitchInst>(Term)) {
    transferSwitch(BB, S, P);
    return;
  }
  for (const BasicBlock *Succ : successors(&BB))
    propagate(BB, *Succ, S, P);
}

void HandleFlow::findBlocksBeforeExits() {
  // ExitLocation walks back from an exit, at most eight blocks, through
  // blocks located at or after the exit's line (cleanups at the closing
  // brace) until one located before it: those are the blocks it asks about.
  for (const BasicBlock *BB : Order) {
    const Instruction *Exit = BB->getTerminator();
    if (!isa<ReturnInst>(Exit) && !isa<ResumeInst>(Exit))
      continue;
    const DebugLoc &RetLoc = Exit->getDebugLoc();
    SmallVector<const BasicBlock *, 8> Level{BB}, Next;
    BeforeExits.insert(BB);
    for (unsigned Step = 0; Step < 8 && !Level.empty(); ++Step) {
      Next.clear();
      for (const BasicBlock *B : Level)
        for (const BasicBlock *Pred : predecessors(B)) {
          const DebugLoc &DL = Pred->getTerminator()->getDebugLoc();
          bool Stops = DL && DL.getLine() &&
                       (!RetLoc || DL.getLine() < RetLoc.getLine());
          if (!Stops && BeforeExits.insert(Pred).second)
            Next.push_back(Pred);
        }
      std::swap(Level, Next);
    }
  }
}

DebugLoc HandleFlow::exitLoc(unsigned H, const Instruction &Exit) {
  return Returns.locate(Exit, [&](const BasicBlock *BB) {
    return LiveEdgeInto.lookup({H, BB});
  });
}

/// A path of blocks from the creation to the exit a lost handle reaches,
/// along edges that carry it owed, found by a breadth-first search (the
/// shortest such path) that replays each block it visits for this handle
/// alone: the branch decisions a user reads to see how the exit is reached.
void HandleFlow::findLostPath(unsigned H) {
  HandleOutcome &O = Outcomes[H];
  const BasicBlock *From = Sites[H]->Call->getParent();
  const BasicBlock *To = O.LostExit->getParent();
  DenseMap<const BasicBlock *, const BasicBlock *> Parent;
  SmallVector<const BasicBlock *, 16> Queue{From};
  Parent[From] = nullptr;
  OnlyHandle = H;
  for (size_t I = 0; I < Queue.size() && !Parent.count(To); ++I) {
    const BasicBlock *BB = Queue[I];
    ReplayEdges.clear();
    transfer(*BB, In[BlockIndex.lookup(BB)], Pass::Replay);
    for (auto [Succ, St] : ReplayEdges)
      if (St && St->any(Live) && !Parent.count(Succ)) {
        Parent[Succ] = BB;
        Queue.push_back(Succ);
      }
  }
  OnlyHandle.reset();
  if (!Parent.count(To))
    return;
  for (const BasicBlock *BB = To; Parent.lookup(BB); BB = Parent.lookup(BB)) {
    const BasicBlock *Pred = Parent.lookup(BB);
    const Instruction *Term = Pred->getTerminator();
    if (Term->getNumSuccessors() < 2)
      continue;
    for (unsigned S = 0; S < Term->getNumSuccessors(); ++S)
      if (Term->getSuccessor(S) == BB) {
        O.LostPath.push_back({Term, S});
        break;
      }
  }
  std::reverse(O.LostPath.begin(), O.LostPath.end());
}

void HandleFlow::recordExitLocations() {
  for (unsigned H = 0; H < Outcomes.size(); ++H) {
    HandleOutcome &O = Outcomes[H];
    for (TransferEvent &T : O.Transfers)
      if (T.Kind == TransferKind::Returned && !T.Loc)
        T.Loc = exitLoc(H, *T.I);
    if (O.LostExit && !O.LostLoc)
      O.LostLoc = exitLoc(H, *O.LostExit);
    if (O.LostExit && Sites[H])
      findLostPath(H);
  }
}

/// Where the function's one return takes its integer value from when it is
/// not the return itself: the local -O0 code stores it in, or a phi.
void HandleFlow::findReturnedValues() {
  const ReturnInst *Only = nullptr;
  for (const BasicBlock &BB : F)
    if (auto *RI = dyn_cast<ReturnInst>(BB.getTerminator())) {
      if (Only)
        return;
      Only = RI;
    }
  const Value *V = Only ? Only->getReturnValue() : nullptr;
  if (!V || !(V->getType()->isIntegerTy() || V->getType()->isPointerTy()))
    return;
  if (auto *Phi = dyn_cast<PHINode>(V)) {
    ReturnPhi = Phi;
  } else if (auto *LI = dyn_cast<LoadInst>(V)) {
    auto *Slot = dyn_cast<AllocaInst>(LI->getPointerOperand());
    if (Slot && all_of(Slot->users(), [&](const User *U) {
          auto *St = dyn_cast<StoreInst>(U);
          return U == LI || (St && St->getPointerOperand() == Slot) ||
                 isa<IntrinsicInst>(U);
        }))
      ReturnSlot = Slot;
    // The stores whose value the return reads on some path: a parameter
    // spilled to a slot that is reassigned before it is returned (`d =
    // fopen(...); return d;` in `FILE *f(FILE *d)`) is never returned.
    if (ReturnSlot) {
      SmallVector<const StoreInst *, 4> Stores;
      lastStoresBefore(*LI, ReturnSlot, Stores);
      ReturnedStores.insert(Stores.begin(), Stores.end());
    }
  }
}

void HandleFlow::run() {
  findCountedLoops();
  findReturnedValues();
  ReversePostOrderTraversal<const Function *> RPOT(&F);
  Order.assign(RPOT.begin(), RPOT.end());
  for (unsigned I = 0; I < Order.size(); ++I)
    BlockIndex[Order[I]] = I;
  In.assign(Order.size(), BlockState());
  for (BlockState &B : In)
    B.Handles.resize(Outcomes.size());
  Dirty.assign(Order.size(), false);
  IsCandidate.assign(Outcomes.size(), false);

  BlockState &Entry = In[0];
  Entry.Reached = true;
  if (EntryExpr) {
    HandleState Init;
    Init.Tuples.push_back(tuple(0, 0, Live));
    addPath(0, Init, *EntryExpr);
    // A null handle needs no cancel: `if (h) cancel(h)` cancels every handle.
    splitOn(0, Init, &HandleNullKey, Dead, std::nullopt);
    assumeContext(0, Init, *Context);
    Entry.Handles.set(0, Arena.make(std::move(Init)));
  } else {
    HandleState Init;
    Init.Tuples.push_back(tuple(0, 0, Dead));
    const HandleState *Shared = Arena.make(std::move(Init));
    for (unsigned H = 0; H < Outcomes.size(); ++H)
      Entry.Handles.set(H, Shared);
  }
  Dirty[0] = true;

  for (unsigned Round = 0; Round < MaxRounds; ++Round) {
    bool Any = false;
    for (unsigned I = 0; I < Order.size(); ++I) {
      if (!Dirty[I])
        continue;
      Dirty[I] = false;
      Any = true;
      transfer(*Order[I], In[I], Pass::Solve);
    }
    if (!Any)
      break;
  }

  findBlocksBeforeExits();
  for (unsigned I = 0; I < Order.size(); ++I)
    if (In[I].Reached)
      transfer(*Order[I], In[I], Pass::Record);
  recordExitLocations();
  dropAlternatingRecreations();
  // Messages list discharges in source order.
  auto Line = [](const DischargeEvent &E) {
    DebugLoc DL = outermostLoc(E.I->getDebugLoc());
    return DL ? std::make_pair(DL.getLine(), DL.getCol())
              : std::make_pair(0u, 0u);
  };
  for (HandleOutcome &O : Outcomes)
    llvm::stable_sort(O.Discharges,
                      [&](const DischargeEvent &A, const DischargeEvent &B) {
                        return Line(A) < Line(B);
                      });
}

} // namespace cancelverify
