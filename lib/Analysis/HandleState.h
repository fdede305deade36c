//===- HandleState.h - The handle dataflow's lattice ------------*- C++ -*-===//
//
// The state of one handle at one program point, and the state of all the
// handles a run follows at one program point.
//
// One handle's state is a set of tuples (assignment of up to 8 condition
// atoms, status) and the access paths that may hold it. A tuple packs the
// atoms known (8 bits), their values (8 bits, 1 = the atom is zero) and the
// status (2 bits). States are immutable once built and shared: a block's
// state for all handles is a copy-on-write vector of pointers in chunks, so
// a block that touches two handles of two thousand copies two pointers'
// worth of chunks, not two thousand states.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_LIB_HANDLESTATE_H
#define CANCELVERIFY_LIB_HANDLESTATE_H

#include "cancelverify/AccessPath.h"

#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Allocator.h"

#include <cstdint>

namespace llvm {
class DILocalVariable;
} // namespace llvm

namespace cancelverify {
namespace flow {

/// Dead: no handle on this path; Live: owed; Done: cancelled or deferred;
/// Away: handed to the caller, or escaped.
enum Status : uint32_t { Dead = 0, Live = 1, Done = 2, Away = 3 };
constexpr unsigned MaxAtoms = 8;
/// Of those, kept for the handle's own null test and status.
constexpr unsigned ReservedAtoms = 2;
constexpr size_t MaxExprs = 64;

inline uint32_t known(uint32_t T) { return T & 0xff; }
inline uint32_t values(uint32_t T) { return (T >> 8) & 0xff; }
inline Status status(uint32_t T) { return Status((T >> 16) & 3); }
inline uint32_t tuple(uint32_t Known, uint32_t Values, Status S) {
  return (Known & 0xff) | ((Values & Known & 0xff) << 8) | (uint32_t(S) << 16);
}

/// One handle at one program point.
struct HandleState {
  llvm::SmallVector<uint32_t, 4> Tuples;
  /// Kept in the order they were found (not by address), so the order of
  /// messages never depends on where values sit in memory.
  llvm::SmallVector<PathId, 4> Exprs;
  /// Source variables currently holding the handle (optimized code keeps
  /// variables as debug value records only).
  llvm::SmallVector<const llvm::DILocalVariable *, 1> Vars;
  /// Locals that currently hold the creation's status (its return value).
  llvm::SmallVector<PathId, 1> StatusSlots;
  /// The shared owners (std::shared_ptr objects) that hold a share of it:
  /// the deleter runs when the last one lets go (SharedOwner.h).
  llvm::SmallVector<PathId, 1> Owners;

  bool holds(PathId P) const { return llvm::is_contained(Exprs, P); }
  /// Adds \p P; false if it was there already or the state is full.
  bool add(PathId P) {
    if (holds(P) || Exprs.size() >= MaxExprs)
      return false;
    Exprs.push_back(P);
    return true;
  }
  void remove(PathId P) {
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
  /// Whether joining \p O would add nothing.
  bool contains(const HandleState &O) const {
    auto Has = [](const auto &Big, const auto &Small) {
      return llvm::all_of(Small,
                          [&](const auto &X) { return llvm::is_contained(Big, X); });
    };
    return Has(Tuples, O.Tuples) &&
           (Exprs.size() >= MaxExprs || Has(Exprs, O.Exprs)) &&
           Has(Vars, O.Vars) && Has(StatusSlots, O.StatusSlots) &&
           Has(Owners, O.Owners);
  }
  /// Adds what \p O has and this lacks; true if this grew.
  bool joinFrom(const HandleState &O) {
    bool Changed = false;
    for (uint32_t T : O.Tuples)
      if (!llvm::is_contained(Tuples, T)) {
        Tuples.push_back(T);
        Changed = true;
      }
    if (Changed)
      normalize();
    for (PathId P : O.Exprs)
      Changed |= add(P);
    for (const llvm::DILocalVariable *V : O.Vars)
      if (!llvm::is_contained(Vars, V)) {
        Vars.push_back(V);
        Changed = true;
      }
    for (PathId P : O.StatusSlots)
      if (!llvm::is_contained(StatusSlots, P)) {
        StatusSlots.push_back(P);
        Changed = true;
      }
    for (PathId P : O.Owners)
      if (!llvm::is_contained(Owners, P)) {
        Owners.push_back(P);
        Changed = true;
      }
    return Changed;
  }
  bool operator==(const HandleState &O) const {
    return Tuples == O.Tuples && Exprs == O.Exprs && Vars == O.Vars &&
           StatusSlots == O.StatusSlots && Owners == O.Owners;
  }
  bool operator!=(const HandleState &O) const { return !(*this == O); }
};

/// The states of all handles of a run at one program point: a handle
/// without a state (null) does not reach the point.
class StateVector {
  static constexpr unsigned ChunkBits = 5;
  static constexpr unsigned ChunkSize = 1u << ChunkBits;
  struct Chunk : llvm::RefCountedBase<Chunk> {
    const HandleState *S[ChunkSize] = {};
  };

public:
  void resize(unsigned Handles) {
    Chunks.resize((Handles + ChunkSize - 1) / ChunkSize);
  }
  const HandleState *get(unsigned H) const {
    const Chunk *C = Chunks[H >> ChunkBits].get();
    return C ? C->S[H & (ChunkSize - 1)] : nullptr;
  }
  void set(unsigned H, const HandleState *S) {
    llvm::IntrusiveRefCntPtr<Chunk> &C = Chunks[H >> ChunkBits];
    if (!C) {
      if (!S)
        return;
      C = new Chunk();
    } else if (C->UseCount() > 1) {
      C = new Chunk(*C);
    }
    C->S[H & (ChunkSize - 1)] = S;
  }
  unsigned numChunks() const { return Chunks.size(); }
  bool sameChunk(unsigned I, const StateVector &O) const {
    return Chunks[I] == O.Chunks[I];
  }
  /// Calls Fn(Handle, State) for every handle that has a state, in order.
  template <typename FnT> void forEach(FnT Fn) const {
    for (unsigned I = 0; I < Chunks.size(); ++I)
      if (const Chunk *C = Chunks[I].get())
        for (unsigned J = 0; J < ChunkSize; ++J)
          if (C->S[J])
            Fn(I * ChunkSize + J, C->S[J]);
  }
  /// Calls Fn(Handle) for each handle of chunk \p I.
  template <typename FnT> void forEachInChunk(unsigned I, FnT Fn) const {
    for (unsigned J = 0; J < ChunkSize; ++J)
      Fn(I * ChunkSize + J);
  }

private:
  llvm::SmallVector<llvm::IntrusiveRefCntPtr<Chunk>, 1> Chunks;
};

/// Owns the immutable states of one run.
class StateArena {
public:
  const HandleState *make(HandleState S) {
    return new (Alloc.Allocate()) HandleState(std::move(S));
  }

private:
  llvm::SpecificBumpPtrAllocator<HandleState> Alloc;
};

} // namespace flow
} // namespace cancelverify

#endif // CANCELVERIFY_LIB_HANDLESTATE_H
