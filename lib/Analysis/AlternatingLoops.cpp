//===- AlternatingLoops.cpp - Handles a loop cancels on a later trip ------===//
//
// A loop that opens an output on one trip and closes it on a later one, on
// another branch (`if (at_end) { close(out); out = NULL; } else if
// (at_start) out = open(...);`), alternates between the two by data the
// verifier cannot relate: each trip takes at most one branch, and which
// comes next depends on what the loop reads. Followed trip by trip, the
// open reaches itself again through the back edge with the handle still
// owed, and "created again before the previous handle was cancelled" would
// be a guess about the order of the data, not a fact of the code.
//
// A creation is taken to alternate when a cancel of its handle lies in the
// same loop and cannot be reached from the creation within one trip (only
// through the header again). Its creations over an owed handle are then not
// reported as overwrites; every other finding about the handle (an exit
// that still owes it) stands. A loop whose cancel follows the creation in
// the same trip (`h = create(); if (err) continue; cancel(h);`) keeps them.
//
//===----------------------------------------------------------------------===//
#include "HandleFlow.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/Dominators.h"

using namespace llvm;

namespace cancelverify {

/// Whether \p To can follow \p From in one trip of \p L: a path inside the
/// loop that does not pass its header again.
static bool sameTrip(const Instruction &From, const Instruction &To,
                     const Loop &L) {
  const BasicBlock *Start = From.getParent(), *Goal = To.getParent();
  if (Start == Goal && From.comesBefore(&To))
    return true;
  SmallPtrSet<const BasicBlock *, 16> Seen;
  SmallVector<const BasicBlock *, 16> Work;
  auto Push = [&](const BasicBlock *BB) {
    if (BB != L.getHeader() && L.contains(BB) && Seen.insert(BB).second)
      Work.push_back(BB);
  };
  for (const BasicBlock *Succ : successors(Start))
    Push(Succ);
  while (!Work.empty()) {
    const BasicBlock *BB = Work.pop_back_val();
    if (BB == Goal)
      return true;
    for (const BasicBlock *Succ : successors(BB))
      Push(Succ);
  }
  return false;
}

void HandleFlow::dropAlternatingRecreations() {
  for (HandleOutcome &O : Outcomes) {
    if (O.Discharges.empty())
      continue;
    erase_if(O.Overwrites, [&](const OverwriteEvent &E) {
      if (E.Kind != OverwriteEvent::CreatedAgain)
        return false;
      const Loop *L = loops().getLoopFor(E.I->getParent());
      return L && any_of(O.Discharges, [&](const DischargeEvent &D) {
               return L->contains(D.I->getParent()) &&
                      !sameTrip(*E.I, *D.I, *L);
             });
    });
  }
}

} // namespace cancelverify
