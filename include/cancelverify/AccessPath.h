//===- AccessPath.h - Naming a value by how it is reached ------*- C++ -*-===//
//
// A cancel handle lives in SSA values at -O2 and in memory at -O0 (allocas,
// struct fields, lambda captures, out-parameters). The handle analysis names
// every pointer-sized value by an access path from a root, so that "the value
// loaded from field 8 of the guard object" compares equal wherever it is
// computed, and so that a path rooted at a callee's parameter can be rebased
// onto the caller's argument.
//
// An AccessPath (Root, [o0, o1, ..., on]) denotes the value
//   Root + o0, then for each following offset: load from it, then add oi.
// So (R, [0]) is R itself, (R, [8]) is R+8, and (R, [8, 0]) is the value
// loaded from R+8.
//
// Paths are interned per function: the dataflow keeps small PathIds, and
// everything derived from a path (its other spellings) is computed once.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_ACCESSPATH_H
#define CANCELVERIFY_ACCESSPATH_H

#include "cancelverify/StableGlobalLoads.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

#include <climits>
#include <deque>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace llvm {
class DataLayout;
class Function;
class LoadInst;
class StoreInst;
class Value;
} // namespace llvm

namespace cancelverify {

struct AccessPath {
  /// The second offset of (Aggregate, [FieldOffset, StructField]): the
  /// field of a struct-typed SSA value (a returned struct), which is not
  /// reached by pointer arithmetic.
  static constexpr int64_t StructField = INT64_MIN;

  const llvm::Value *Root = nullptr;
  llvm::SmallVector<int64_t, 4> Offsets;

  /// The path of \p Root itself.
  static AccessPath rootOf(const llvm::Value *Root) {
    AccessPath P;
    P.Root = Root;
    P.Offsets.push_back(0);
    return P;
  }
  /// The path of the value loaded from the address this path denotes.
  AccessPath deref() const {
    AccessPath P = *this;
    P.Offsets.push_back(0);
    return P;
  }
  /// This path continued by \p Rest (a path relative to this one, as
  /// extends() produces and callee summaries hold): Rest[0] is added to the
  /// last offset, the remaining offsets go through loads.
  AccessPath then(llvm::ArrayRef<int64_t> Rest) const {
    AccessPath P = *this;
    P.Offsets.back() += Rest.front();
    P.Offsets.append(Rest.begin() + 1, Rest.end());
    return P;
  }
  /// True if this address path is \p Base or lies inside the object \p Base
  /// points to; \p Rest receives the path relative to Base.
  bool extends(const AccessPath &Base, llvm::SmallVectorImpl<int64_t> &Rest,
               int64_t Size = -1) const;
  bool operator==(const AccessPath &O) const {
    return Root == O.Root && Offsets == O.Offsets;
  }
  bool operator!=(const AccessPath &O) const { return !(*this == O); }
  /// A total order that does not depend on where values sit in memory for
  /// paths with the same root.
  bool operator<(const AccessPath &O) const;
  /// "p+0.*+8", for summaries and debugging.
  std::string str() const;
};

/// A pointer argument a function stores into memory reached from another
/// argument: `this->f_ = f` in a constructor. Callers use it to see that the
/// object now points where their argument pointed.
struct ArgumentStore {
  unsigned DestArg = 0;
  /// The address written, relative to DestArg (as in AccessPath::Offsets).
  llvm::SmallVector<int64_t, 4> DestOffsets;
  unsigned SrcArg = 0;
  /// Set instead of SrcArg when the value stored is a function (a callback
  /// or std::function's invoker).
  const llvm::Function *SrcFunction = nullptr;
  bool operator==(const ArgumentStore &O) const {
    return DestArg == O.DestArg && DestOffsets == O.DestOffsets &&
           SrcArg == O.SrcArg && SrcFunction == O.SrcFunction;
  }
};

/// Where a call's result points when the callee returns a pointer into one
/// of its arguments (an accessor like `_M_access()`), or a pointer it loads
/// from one without writing anything (a reference member, `_M_head` of a
/// tuple of references): the argument continued by Rest, as
/// AccessPath::then() reads it.
struct ReturnedArgument {
  unsigned ArgNo = 0;
  llvm::SmallVector<int64_t, 2> Rest;
  bool operator==(const ReturnedArgument &O) const {
    return ArgNo == O.ArgNo && Rest == O.Rest;
  }
  bool operator!=(const ReturnedArgument &O) const { return !(*this == O); }
};

/// What the path builder of a caller needs to know about its callees. The
/// summaries answer from facts already computed (callees first), so
/// building paths never descends into callees.
class CalleePathFacts {
public:
  virtual ~CalleePathFacts();
  virtual std::optional<ReturnedArgument>
  returnedArgument(const llvm::Function &Callee) const = 0;
  virtual llvm::ArrayRef<ArgumentStore>
  argumentStores(const llvm::Function &Callee) const = 0;
};

/// An interned AccessPath of one function.
using PathId = uint32_t;

/// A local slot written exactly once, with the value stored.
struct ForwardedSlot {
  AccessPath Slot;
  const llvm::Value *Stored = nullptr;
};

/// Whether the address of the local \p Alloca is kept where it may be
/// written through later: stored, turned into an integer, merged with
/// another pointer (a phi or select), returned, or, with \p CallsKeep,
/// given to a call.
bool addressKept(const llvm::Value *Alloca, bool CallsKeep);

/// The stores to \p Slot that \p LI, a load of it, may read: walking back
/// from the load, the first store to the slot met on each path, in the
/// order met. False when some path reaches the function's entry without
/// one (the load may read what the slot held before), or when the walk
/// would visit more than \p MaxBlocks blocks (\p Out is then partial).
bool lastStoresBefore(const llvm::LoadInst &LI, const llvm::Value *Slot,
                      llvm::SmallVectorImpl<const llvm::StoreInst *> &Out,
                      unsigned MaxBlocks = ~0u);

/// Computes and interns access paths for the values of one function. Stores
/// that are the only store to a local slot (an argument spilled at -O0, a
/// captured reference in a lambda object) are looked through, so a value
/// reloaded from such a slot gets the path of the stored value.
class AccessPathBuilder {
public:
  /// \p Facts may be null: then calls are not looked through.
  AccessPathBuilder(const llvm::Function &F, const CalleePathFacts *Facts);

  /// The interned path of \p V (V is its own root when it is not reached by
  /// constant offsets and loads from another value).
  PathId idOf(const llvm::Value *V);
  /// The path of \p Id; the reference stays valid as more are interned.
  const AccessPath &path(PathId Id) const { return Table[Id]; }
  PathId intern(const AccessPath &P);
  AccessPath pathOf(const llvm::Value *V) { return path(idOf(V)); }

  /// Where \p V comes from: through casts and loads of once-written local
  /// slots (a parameter spilled at -O0, `bool ok = f();` reloaded); a load
  /// of a global nothing here writes is its first load.
  const llvm::Value *origin(const llvm::Value *V);

  /// The single value stored to the slot at \p Addr, if the slot is local,
  /// never escapes and is written exactly once.
  const llvm::Value *singleStoredValue(const AccessPath &Addr) const;

  /// The value of the one store to a local that every path to \p LI ends
  /// with, if the local is only loaded and stored (a variable assigned
  /// again later, or before, at -O0: `data = -1; data = open(...);`).
  const llvm::Value *onlyReachingStore(const llvm::LoadInst &LI);

  /// Local slots written exactly once, in the order they are first written.
  llvm::ArrayRef<ForwardedSlot> forwardedSlots() const { return Forward; }
  /// The forwarded slots that hold a function (a callback field, the
  /// invoker of a std::function).
  llvm::ArrayRef<std::pair<AccessPath, const llvm::Function *>>
  functionSlots() const {
    return FunctionSlots;
  }

  /// Rewrites a path built by hand (rebased from a callee) the way idOf
  /// would have spelled it.
  AccessPath canonicalize(AccessPath P);

  /// \p Id and the other paths that reach the same place through a
  /// once-written slot holding a pointer to it (a reference captured by a
  /// lambda), computed once.
  llvm::ArrayRef<PathId> spellings(PathId Id);

  /// The values of once-written slots that hold the address \p Addr (or an
  /// address inside the object there), as paths: where a reference to an
  /// object was kept (a lambda capturing a std::function by reference).
  llvm::SmallVector<PathId, 2> referrers(PathId Addr);

private:
  AccessPath compute(const llvm::Value *V, unsigned Depth);
  void countWrites(const llvm::Function &F);
  void indexStoredRoots();
  llvm::SmallVector<PathId, 2> throughStoredPointers(PathId Id, bool Loaded);

  const llvm::Function &Fn;
  const llvm::DataLayout &DL;
  const CalleePathFacts *Facts;
  /// Built on the first origin() query.
  std::optional<StableGlobalLoads> StableLoads;
  /// Deques keep references stable while new paths are interned.
  std::deque<AccessPath> Table;
  llvm::DenseMap<AccessPath, PathId> Ids;
  llvm::DenseMap<const llvm::Value *, PathId> Cache;
  /// Values whose path is being computed, and how deeply idOf is nested:
  /// canonicalizing asks for the paths of stored values, whose own paths
  /// may need others (a chain of forwarded slots, or a cycle through them).
  llvm::SmallPtrSet<const llvm::Value *, 8> InProgress;
  unsigned Nesting = 0;
  std::vector<ForwardedSlot> Forward;
  /// onlyReachingStore's answers (null: none), by load.
  llvm::DenseMap<const llvm::LoadInst *, const llvm::Value *> ReachingStore;
  /// Whether only loads and stores use a local, by local.
  llvm::DenseMap<const llvm::Value *, bool> PlainSlots;
  std::vector<std::pair<AccessPath, const llvm::Function *>> FunctionSlots;
  /// Forwarded slots by the root of the slot's address.
  llvm::DenseMap<const llvm::Value *, llvm::SmallVector<unsigned, 1>>
      ForwardByRoot;
  /// Forwarded pointer slots by the root of the path of the pointer stored,
  /// with that path: built on the first spellings() query.
  std::optional<llvm::DenseMap<
      const llvm::Value *,
      llvm::SmallVector<std::pair<unsigned, PathId>, 1>>>
      ForwardByStoredRoot;
  llvm::DenseMap<PathId, unsigned> SpellingIndex;
  std::deque<llvm::SmallVector<PathId, 2>> SpellingLists;
};

} // namespace cancelverify

namespace llvm {
template <> struct DenseMapInfo<cancelverify::AccessPath> {
  static cancelverify::AccessPath getEmptyKey() {
    cancelverify::AccessPath P;
    P.Root = DenseMapInfo<const Value *>::getEmptyKey();
    return P;
  }
  static cancelverify::AccessPath getTombstoneKey() {
    cancelverify::AccessPath P;
    P.Root = DenseMapInfo<const Value *>::getTombstoneKey();
    return P;
  }
  static unsigned getHashValue(const cancelverify::AccessPath &P) {
    return static_cast<unsigned>(hash_combine(
        P.Root, hash_combine_range(P.Offsets.begin(), P.Offsets.end())));
  }
  static bool isEqual(const cancelverify::AccessPath &L,
                      const cancelverify::AccessPath &R) {
    return L == R;
  }
};
} // namespace llvm

#endif // CANCELVERIFY_ACCESSPATH_H
