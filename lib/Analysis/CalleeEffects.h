//===- CalleeEffects.h - The table of what callees do to handles -*- C++ -*-===//
//
// Entries are keyed by (function, access path of its parameters, call
// context) and filled on demand. A query made while no entry is being
// computed solves the entry there and then; a query made while computing
// another entry only reads the current value (optimistic for a new entry:
// discharged, nothing else) and records that the entry depends on it. The
// solver is a worklist, newest first: along a chain the deepest entry is
// computed first and callers are recomputed only when an entry they read
// changes. Recursion converges or, after a bound, is taken not to
// discharge. Nothing here recurses: evaluating an entry runs one HandleFlow,
// whose own queries return at once.
//
// Private to lib/Analysis.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_LIB_CALLEEEFFECTS_H
#define CANCELVERIFY_LIB_CALLEEEFFECTS_H

#include "cancelverify/HandleEvents.h"
#include "cancelverify/HandleSummaries.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <deque>
#include <optional>
#include <vector>

namespace cancelverify {

class CalleeEffects {
public:
  explicit CalleeEffects(HandleSummaries &HS) : HS(HS) {}

  CalleeEffect get(const llvm::Function &F, const AccessPath &Expr,
                   const CallContext &Context);

  /// Calls Fn(Expr, Effect) for the entries of \p F without a context.
  template <typename FnT>
  void forEachPlain(const llvm::Function &F, FnT Fn) const {
    auto It = ByFunction.find(&F);
    if (It == ByFunction.end())
      return;
    for (unsigned Idx : It->second)
      if (Entries[Idx].Context == CallContext())
        Fn(Entries[Idx].Expr, Entries[Idx].Value);
  }

private:
  struct Entry {
    const llvm::Function *F = nullptr;
    AccessPath Expr;
    CallContext Context;
    CalleeEffect Value;
    unsigned Evaluations = 0;
    bool Final = false;
    bool Queued = false;
    llvm::SmallVector<unsigned, 2> Dependents;
  };

  unsigned entryFor(const llvm::Function &F, const AccessPath &Expr,
                    const CallContext &Context);
  void push(unsigned E);
  void solveFrom(unsigned E);
  CalleeEffect evaluate(const Entry &E);

  HandleSummaries &HS;
  std::deque<Entry> Entries;
  llvm::DenseMap<unsigned, llvm::SmallVector<unsigned, 1>> ByHash;
  llvm::DenseMap<const llvm::Function *, llvm::SmallVector<unsigned, 2>>
      ByFunction;
  std::vector<unsigned> Stack;
  std::optional<unsigned> Current;
};

} // namespace cancelverify

#endif // CANCELVERIFY_LIB_CALLEEEFFECTS_H
