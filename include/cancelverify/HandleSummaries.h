//===- HandleSummaries.h - What functions do with cancel handles -*- C++ -*-===//
//
// The handle half of the function summaries, computed callees first, one
// call-graph SCC at a time (FunctionSummaries drives the order):
//
//  1. Facts the access paths of callers rely on: whether a function is known
//     to throw, which argument it returns a pointer into, which pointer
//     arguments it stores into objects its other arguments reach, and
//     whether it returns a root context. Inside a recursive SCC they are
//     iterated until nothing changes.
//  2. The creations of each function, followed all together by one dataflow
//     run (HandleFlow), and whether the function hands a fresh handle to
//     its callers (then every call of it is a creation). Inside an SCC a
//     worklist re-runs the callers of a function that became such a
//     creator.
//
// What a function does with a handle a caller passes at some access path of
// its parameters (discharges on all, some or no paths; lets it escape;
// returns or stores it for the caller) is kept in a table keyed by
// (function, path, call context), filled the first time a caller needs the
// entry. Filling it is a worklist over table entries, never a recursion:
// a chain of any depth costs one run per function on it.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_HANDLESUMMARIES_H
#define CANCELVERIFY_HANDLESUMMARIES_H

#include "cancelverify/AccessPath.h"
#include "cancelverify/HandleEvents.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace llvm {
class CallBase;
class Constant;
class ConstantInt;
class Function;
class GlobalVariable;
class Module;
class raw_ostream;
class Type;
class Value;
} // namespace llvm

namespace cancelverify {

class ApiModel;
class BorrowFacts;
class CallableOps;
class SharedOwnerOps;
class CalleeEffects;
class SummaryCallGraph;

/// What a caller knows about the objects it passes and about its
/// arguments. Effects are computed per context, so each object's own
/// callback is followed and a callee's branches on its arguments are
/// decided where the caller already decided them.
struct CallContext {
  /// Slots, as address paths rooted at the callee's arguments, that hold a
  /// known function (an object's callback, std::function's invoker).
  llvm::SmallVector<std::pair<AccessPath, const llvm::Function *>, 2>
      FunctionSlots;
  /// What the caller's path knows of an argument: that it is zero (or
  /// not), or that it compares a certain way with a constant. With
  /// InMemory, the same of the integer of Size bytes at Offset in the object
  /// the argument points to (a descriptor kept in a field or an array).
  struct ConditionFact {
    unsigned ArgNo = 0;
    /// A comparison predicate (normalised to the smaller of it and its
    /// inverse), or ZeroTest.
    unsigned Predicate = ZeroTest;
    const llvm::Value *Constant = nullptr;
    /// The condition atom's value: the argument is zero, or the comparison
    /// is false.
    bool Zero = false;
    bool InMemory = false;
    int64_t Offset = 0;
    uint64_t Size = 0;
    static constexpr unsigned ZeroTest = ~0u;
    bool operator==(const ConditionFact &O) const {
      return ArgNo == O.ArgNo && Predicate == O.Predicate &&
             Constant == O.Constant && Zero == O.Zero &&
             InMemory == O.InMemory && Offset == O.Offset && Size == O.Size;
    }
  };
  llvm::SmallVector<ConditionFact, 2> Conditions;
  /// Arguments the caller passes as constants (on every path).
  struct ConstantArgument {
    unsigned ArgNo = 0;
    const llvm::ConstantInt *Value = nullptr;
    bool operator==(const ConstantArgument &O) const {
      return ArgNo == O.ArgNo && Value == O.Value;
    }
  };
  llvm::SmallVector<ConstantArgument, 2> Constants;
  /// The last writes, latest first, the caller's straight-line code made
  /// before the call to the objects it passes (a field set before a guard
  /// is handed over) and to globals: Size bytes at Offset in the object
  /// argument ArgNo points to, or in Global. Value is what was written: a
  /// constant (from ValueOffset in it), one byte repeated (Splat, a
  /// memset), or null for something unknown.
  struct MemoryFact {
    const llvm::GlobalVariable *Global = nullptr;
    unsigned ArgNo = 0;
    int64_t Offset = 0;
    uint64_t Size = 0;
    const llvm::Constant *Value = nullptr;
    int64_t ValueOffset = 0;
    bool Splat = false;
    bool operator==(const MemoryFact &O) const {
      return Global == O.Global && ArgNo == O.ArgNo && Offset == O.Offset &&
             Size == O.Size && Value == O.Value &&
             ValueOffset == O.ValueOffset && Splat == O.Splat;
    }
  };
  llvm::SmallVector<MemoryFact, 2> Memory;

  bool operator==(const CallContext &O) const {
    return FunctionSlots == O.FunctionSlots && Conditions == O.Conditions &&
           Constants == O.Constants && Memory == O.Memory;
  }
  unsigned hash() const;
};

class HandleSummaries final : public CalleePathFacts {
public:
  HandleSummaries(llvm::Module &M, const ApiModel &Model,
                  const SummaryCallGraph &Graph);
  ~HandleSummaries() override;

  /// Summarises the functions of one SCC; the SCCs they call are done.
  void summariseSCC(llvm::ArrayRef<const llvm::Function *> SCC);

  /// Every creation of a function in program order, with its outcome.
  struct Creation {
    HandleSite Site;
    HandleOutcome Outcome;
  };
  llvm::ArrayRef<Creation> creationsIn(const llvm::Function &F) const;

  /// The creation a call performs, if it performs one.
  std::optional<HandleSite> creationAt(const llvm::CallBase &CB) const;
  /// If \p F hands a fresh handle to its callers: where it puts it.
  const HandleSite *freshHandle(const llvm::Function &F) const;

  /// Whether \p F is known to throw: it throws explicitly, or calls such a
  /// function, and lets the exception out. Functions without a body here are
  /// assumed not to throw, so only exceptions the module shows are exits.
  bool knownToThrow(const llvm::Function &F) const;
  bool mayReturnArgument(const llvm::Function &F);
  /// What a function's returned pointers may be besides null and the
  /// results of creations.
  struct ReturnSources {
    bool Argument = false;
    bool Other = false;
  };
  ReturnSources returnSources(const llvm::Function &F);
  /// The type info of what \p F throws, when it lets out one type only
  /// and the module shows which (null otherwise).
  const llvm::Value *thrownType(const llvm::Function &F) const;
  std::optional<ReturnedArgument>
  returnedArgument(const llvm::Function &F) const override;
  llvm::ArrayRef<ArgumentStore>
  argumentStores(const llvm::Function &F) const override;
  /// The constant every return of \p F returns, if it always returns the
  /// same integer (`static int enabled(void) { return 1; }`).
  const llvm::ConstantInt *returnedConstant(const llvm::Function &F) const;
  /// The value a load of \p G always reads: a constant global, or one of
  /// this translation unit that nothing stores to.
  const llvm::ConstantInt *constantGlobal(const llvm::GlobalVariable &G);

  /// What \p F decides on that a caller may know: the integer arguments
  /// its branches test, the arguments whose pointed-to fields it reads, and
  /// the globals it reads. A caller passes facts about these only, so that
  /// contexts differ only where the difference can matter.
  struct DecidingReads {
    llvm::SmallVector<unsigned, 2> TestedArguments;
    llvm::SmallVector<unsigned, 2> ReadObjects;
    llvm::SmallVector<const llvm::GlobalVariable *, 2> ReadGlobals;
  };
  const DecidingReads &decidingReads(const llvm::Function &F);

  /// The writes \p F makes, from its entry to its only return through
  /// straight-line code, to the objects its arguments point to (a
  /// constructor setting its members), latest first. Null when F may
  /// write them in other ways too (a call, a store through an unknown
  /// pointer, several paths).
  const llvm::SmallVectorImpl<CallContext::MemoryFact> *
  exitWrites(const llvm::Function &F);

  /// Whether every return of \p F returns a root context (a `root` of the
  /// model, or a function of this module that does).
  bool returnsRoot(const llvm::Function &F) const;
  /// Whether a call returns a root context.
  bool callReturnsRoot(const llvm::CallBase &CB) const;

  /// The interned access paths of \p F. Builders are kept for the few
  /// functions used most recently (a module's worth would double its
  /// memory); holding the pointer keeps one alive.
  std::shared_ptr<AccessPathBuilder> pathsFor(const llvm::Function &F);
  /// The same, for a use that ends before the next call of paths().
  AccessPathBuilder &paths(const llvm::Function &F) { return *pathsFor(F); }

  /// The functions an indirect call may reach, when they can be known: a
  /// function pointer kept in a local or in a struct field that only ever
  /// holds one function. Empty when unknown.
  llvm::SmallVector<const llvm::Function *, 2>
  resolveCallees(const llvm::CallBase &CB, AccessPathBuilder &CallerPaths);
  /// The function a virtual call reaches when the object's dynamic type is
  /// known from its construction before the call (VirtualCallTargets.cpp).
  const llvm::Function *virtualTarget(const llvm::CallBase &CB,
                                      AccessPathBuilder &CallerPaths);

  /// Whether the function without a body \p CB calls cannot keep its
  /// argument \p ArgNo (see BorrowFacts); \p Returned is set when the call
  /// returns it.
  bool borrows(const llvm::CallBase &CB, unsigned ArgNo, bool &Returned);
  /// Whether \p CB frees the memory its argument \p ArgNo points to.
  bool frees(const llvm::CallBase &CB, unsigned ArgNo);
  /// Whether \p CB reallocates memory it was given (realloc): its result
  /// holds that memory when it is not null, and when it is null the memory
  /// is still where it was.
  bool reallocates(const llvm::CallBase &CB);
  /// The bytes from its argument \p ArgNo that the function without a body
  /// \p CB calls can reach (the object a C++ reference names); 0 when
  /// anything reachable from the pointer may be reached.
  uint64_t reachableBytes(const llvm::CallBase &CB, unsigned ArgNo);

  /// Recognises operations on a std::function that is itself a handle
  /// (see CallableHandle.h).
  CallableOps &callables() { return *Callables; }
  /// Recognises operations on a std::shared_ptr that owns a handle (see
  /// SharedOwner.h).
  SharedOwnerOps &sharedOwners() { return *SharedOwners; }

  /// What \p F does with a handle at \p Expr (rooted at one of F's
  /// arguments) when called in \p Context.
  CalleeEffect effectOf(const llvm::Function &F, const AccessPath &Expr,
                        const CallContext &Context = CallContext());

  /// The effects on \p F's parameters computed so far without a context,
  /// in a stable order (for the summary printer).
  void knownEffects(const llvm::Function &F,
                    llvm::SmallVectorImpl<std::pair<AccessPath, CalleeEffect>>
                        &Out) const;

  const ApiModel &model() const { return Model; }
  llvm::Module &module() const { return M; }

private:
  struct FunctionFacts;
  FunctionFacts &facts(const llvm::Function &F);
  const FunctionFacts *lookup(const llvm::Function &F) const;
  bool computeBaseFacts(const llvm::Function &F);
  bool computeThrows(const llvm::Function &F);
  const llvm::Value *computeThrownType(const llvm::Function &F);
  std::optional<ReturnedArgument>
  computeReturnedArgument(const llvm::Function &F, AccessPathBuilder &P);
  bool computeReadsOnly(const llvm::Function &F);
  std::vector<ArgumentStore> computeArgumentStores(const llvm::Function &F,
                                                   AccessPathBuilder &P);
  bool computeReturnsRoot(const llvm::Function &F, AccessPathBuilder &P);
  bool summariseCreations(const llvm::Function &F);
  bool returnsOnly(const llvm::Function &F, const llvm::CallBase &CB);
  void setParentArg(const llvm::Function &F, const HandleSite &Inner,
                    HandleSite &Fresh);

  llvm::Module &M;
  const ApiModel &Model;
  const SummaryCallGraph &Graph;
  llvm::DenseMap<const llvm::Function *, unsigned> FactIndex;
  std::deque<FunctionFacts> AllFacts;
  /// Recently used path builders, most recent last.
  std::vector<std::pair<const llvm::Function *,
                        std::shared_ptr<AccessPathBuilder>>>
      PathCache;
  std::unique_ptr<CalleeEffects> Effects;
  std::unique_ptr<BorrowFacts> Borrows;
  std::unique_ptr<CallableOps> Callables;
  std::unique_ptr<SharedOwnerOps> SharedOwners;
  llvm::DenseMap<const llvm::GlobalVariable *, const llvm::ConstantInt *>
      ConstantGlobals;
  llvm::DenseMap<const llvm::Function *, DecidingReads> Reads;
  llvm::DenseMap<const llvm::Function *,
                 std::optional<llvm::SmallVector<CallContext::MemoryFact, 4>>>
      ExitWrites;
};

} // namespace cancelverify

#endif // CANCELVERIFY_HANDLESUMMARIES_H
