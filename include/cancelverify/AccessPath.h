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
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_ACCESSPATH_H
#define CANCELVERIFY_ACCESSPATH_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <climits>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>
#include <string>

namespace llvm {
class Function;
class Value;
class DataLayout;
} // namespace llvm

namespace cancelverify {

struct AccessPath {
  /// The second offset of (Aggregate, [FieldOffset, StructField]): the
  /// field of a struct-typed SSA value (a returned struct), which is not
  /// reached by pointer arithmetic.
  static constexpr int64_t StructField = INT64_MIN;

  const llvm::Value *Root = nullptr;
  llvm::SmallVector<int64_t, 4> Offsets;

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
  bool operator<(const AccessPath &O) const;
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

/// Computes access paths for the values of one function. Stores that are the
/// only store to a local slot (an argument spilled at -O0, a captured
/// reference in a lambda object) are looked through, so a value reloaded from
/// such a slot gets the path of the stored value.
class AccessPathBuilder {
public:
  /// For a call, which argument (and offset into it) the callee returns, if
  /// it returns a pointer into an argument (an accessor like `_M_access()`).
  using ReturnedArgumentFn =
      std::function<std::optional<std::pair<unsigned, int64_t>>(
          const llvm::Function &)>;

  using ArgumentStoresFn =
      std::function<std::vector<ArgumentStore>(const llvm::Function &)>;

  explicit AccessPathBuilder(const llvm::Function &F,
                             ReturnedArgumentFn ReturnedArgument = nullptr,
                             ArgumentStoresFn ArgumentStores = nullptr);

  /// The path of \p V, or nullopt if V is not reached by constant offsets
  /// and loads from a root (then V is its own root).
  AccessPath pathOf(const llvm::Value *V);

  /// Where \p V comes from: through casts and loads of once-written local
  /// slots (a parameter spilled at -O0, `bool ok = f();` reloaded).
  const llvm::Value *origin(const llvm::Value *V);

  /// The single value stored to the slot at \p Addr, if the slot is local,
  /// never escapes and is written exactly once.
  const llvm::Value *singleStoredValue(const AccessPath &Addr) const;

  /// Local slots written exactly once, with the value stored.
  llvm::ArrayRef<std::pair<AccessPath, const llvm::Value *>>
  forwardedSlots() const {
    return ForwardValue;
  }

  /// Rewrites a path built by hand (rebased from a callee) the way pathOf
  /// would have spelled it.
  AccessPath canonicalize(AccessPath P);

private:
  AccessPath compute(const llvm::Value *V, unsigned Depth);

  const llvm::DataLayout &DL;
  ReturnedArgumentFn ReturnedArgument;
  llvm::DenseMap<const llvm::Value *, AccessPath> Cache;
  /// Local slots (address path) written exactly once, with the stored value.
  llvm::SmallVector<std::pair<AccessPath, const llvm::Value *>, 8> ForwardValue;
};

} // namespace cancelverify

#endif // CANCELVERIFY_ACCESSPATH_H
