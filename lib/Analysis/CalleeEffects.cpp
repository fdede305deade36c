//===- CalleeEffects.cpp - The table of what callees do to handles --------===//
//
// A demand-driven worklist over table entries (see CalleeEffects.h). Each
// evaluation follows the handle through the callee from its entry with one
// HandleFlow run and reduces the outcome to what the caller acts on.
//
//===----------------------------------------------------------------------===//
#include "CalleeEffects.h"
#include "HandleFlow.h"

#include "llvm/ADT/Hashing.h"
#include "llvm/IR/Function.h"

using namespace llvm;

namespace cancelverify {

/// Evaluations of one entry inside one solve before a recursion that does
/// not settle is taken not to discharge.
static constexpr unsigned MaxEvaluations = 6;

unsigned CallContext::hash() const {
  hash_code H = hash_value(FunctionSlots.size());
  for (const auto &[Slot, Fn] : FunctionSlots)
    H = hash_combine(H, DenseMapInfo<AccessPath>::getHashValue(Slot), Fn);
  for (const ConditionFact &C : Conditions)
    H = hash_combine(H, C.ArgNo, C.Predicate, C.Constant, C.Zero, C.InMemory,
                     C.Offset, C.Size);
  for (const ConstantArgument &C : Constants)
    H = hash_combine(H, C.ArgNo, C.Value);
  for (const MemoryFact &M : Memory)
    H = hash_combine(H, M.Global, M.ArgNo, M.Offset, M.Size, M.Value,
                     M.ValueOffset, M.Splat);
  return static_cast<unsigned>(H);
}

static bool sameWitness(const DischargeWitness &A, const DischargeWitness &B) {
  return A.Kind == B.Kind && A.At == B.At && A.Callee == B.Callee;
}

static bool sameEscape(const std::optional<EscapeReason> &A,
                       const std::optional<EscapeReason> &B) {
  if (!A || !B)
    return A.has_value() == B.has_value();
  return A->Kind == B->Kind && A->Object == B->Object && A->At == B->At &&
         A->Through == B->Through;
}

/// Equal in everything callers use, messages included.
static bool sameEffect(const CalleeEffect &A, const CalleeEffect &B) {
  return A.sameVerdict(B) && sameWitness(A.How, B.How) &&
         sameEscape(A.Escape, B.Escape);
}

unsigned CalleeEffects::entryFor(const Function &F, const AccessPath &Expr,
                                 const CallContext &Context) {
  unsigned Hash = static_cast<unsigned>(
      hash_combine(&F, DenseMapInfo<AccessPath>::getHashValue(Expr),
                   Context.hash()));
  SmallVector<unsigned, 1> &Bucket = ByHash[Hash];
  for (unsigned Idx : Bucket) {
    const Entry &E = Entries[Idx];
    if (E.F == &F && E.Expr == Expr && E.Context == Context)
      return Idx;
  }
  unsigned Idx = Entries.size();
  Entries.emplace_back();
  Entry &E = Entries.back();
  E.F = &F;
  E.Expr = Expr;
  E.Context = Context;
  Bucket.push_back(Idx);
  ByFunction[&F].push_back(Idx);
  return Idx;
}

void CalleeEffects::push(unsigned E) {
  Entries[E].Queued = true;
  Stack.push_back(E);
}

CalleeEffect CalleeEffects::get(const Function &F, const AccessPath &Expr,
                                const CallContext &Context) {
  unsigned E = entryFor(F, Expr, Context);
  if (Current) {
    Entry &En = Entries[E];
    if (!En.Final) {
      if (!is_contained(En.Dependents, *Current))
        En.Dependents.push_back(*Current);
      if (!En.Queued && En.Evaluations == 0)
        push(E);
    }
    return En.Value;
  }
  if (!Entries[E].Final)
    solveFrom(E);
  return Entries[E].Value;
}

void CalleeEffects::solveFrom(unsigned Root) {
  std::vector<unsigned> Solved;
  push(Root);
  while (!Stack.empty()) {
    unsigned E = Stack.back();
    Stack.pop_back();
    Entries[E].Queued = false;
    if (Entries[E].Final)
      continue;
    if (Entries[E].Evaluations == 0)
      Solved.push_back(E);
    Current = E;
    CalleeEffect New = evaluate(Entries[E]);
    Current.reset();
    Entry &En = Entries[E];
    ++En.Evaluations;
    bool Changed = En.Evaluations == 1 || !sameEffect(New, En.Value);
    if (Changed && En.Evaluations > MaxEvaluations) {
      // A recursion that keeps changing its verdict: take the handle as not
      // discharged, and stop evaluating it.
      if (!New.sameVerdict(En.Value))
        New.Discharge = CalleeEffect::None;
      En.Final = true;
    }
    Changed = Changed && !sameEffect(New, En.Value);
    En.Value = std::move(New);
    if (Changed)
      for (unsigned D : En.Dependents)
        if (!Entries[D].Final && !Entries[D].Queued)
          push(D);
  }
  for (unsigned E : Solved) {
    Entries[E].Final = true;
    Entries[E].Dependents.clear();
  }
}

CalleeEffect CalleeEffects::evaluate(const Entry &E) {
  HandleFlow Flow(HS, *E.F);
  Flow.setEntry(E.Expr, E.Context);
  Flow.run();
  const HandleOutcome &O = Flow.outcome(0);
  CalleeEffect New;
  if (!O.AnyExit || O.AllExitsDischarged)
    New.Discharge = CalleeEffect::All;
  else if (O.SomeExitDischarged)
    New.Discharge = CalleeEffect::Some;
  else
    New.Discharge = CalleeEffect::None;
  // Name a direct discharge over one through a (recursive) call.
  for (const DischargeEvent &D : O.Discharges)
    if (!D.Through) {
      New.How = D.Leaf;
      break;
    }
  if (!New.How.At && !O.Discharges.empty())
    New.How = O.Discharges.front().Leaf;
  if (!O.Escapes.empty())
    New.Escape = O.Escapes.front().Reason;
  New.Returned = O.Returned;
  New.ClearsSlot = O.AnyExit && O.EntrySlotCleared && E.Expr.Offsets.size() >= 2;
  // No exception reaches an exit with the handle (the throw is in a
  // handler no path here reaches): nothing owed leaves by one either.
  // Said only of functions known to throw, the only ones callers ask.
  New.DischargedBeforeThrow = HS.knownToThrow(*E.F) &&
                              (!O.AnyThrowExit || O.ThrowExitsDischarged);
  New.MovedTo.assign(O.MovedTo.begin(), O.MovedTo.end());
  if (O.MovedStaleAt) {
    // Moved somewhere the caller cannot name any more: it escapes there.
    New.MovedTo.clear();
    if (!New.Escape) {
      New.Escape.emplace();
      New.Escape->Kind = EscapeReason::UnknownMemory;
      New.Escape->At = O.MovedStaleAt;
    }
  }
  return New;
}

} // namespace cancelverify
