//===- FlagEvidence.h - Why an unmodelled load means "stop" ----*- C++ -*-===//
//
// Without a model, the loop check takes some loads for cancel flags: a
// volatile or atomic integer read of memory others can write, tested to
// leave the loop. Such reads are also counters, capability caches, memory
// statistics and device registers. A read is a flag only with evidence
// that its memory means "stop", gathered over the whole module:
//
//   - who writes it: a signal handler (a function given to signal() or
//     sigaction()), a function on another thread than the reader (thread
//     start routines given to pthread_create(), thrd_create() or
//     std::thread, and what they call), a modelled cancel function or one
//     whose name says it stops (`server_stop`, `on_shutdown`);
//   - what it is: declared `sig_atomic_t`, or named like a stop switch
//     (`g_quit`, `stopping`, `isRunning`);
//
// and never when every write the module makes stores a computed,
// non-boolean value (a cache of something measured, not a switch).
//
// Memory is identified by a global and the byte offset in it, or by the
// struct member it is (owner struct and offset, through debug info, the
// IR struct type at -O0 or the type-based alias tag at -O2), so a write in
// one function and a read through a pointer in another meet.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_FLAGEVIDENCE_H
#define CANCELVERIFY_FLAGEVIDENCE_H

#include "cancelverify/ObjectRoot.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class CallBase;
class DICompositeType;
class DIType;
class Function;
class GlobalVariable;
class Instruction;
class Module;
class Value;
} // namespace llvm

namespace cancelverify {

class ApiModel;
class SummaryCallGraph;

/// A struct member, by the struct that declares it and its byte offset
/// there, with the member's source name ("" when unknown).
struct MemberKey {
  std::string Owner;
  int64_t Offset = 0;
  std::string Member;
  /// The member's declared type, when debug info has it.
  const llvm::DIType *Type = nullptr;
};

/// Whether \p Stored, written to \p Addr, is Addr's old value plus or minus
/// something: a counter's step (`g_served++`), not a switch being set.
bool isCounterStep(const llvm::Value *Stored, const llvm::Value *Addr);

class FlagEvidence {
public:
  FlagEvidence(const llvm::Module &M, const ApiModel &Model,
               const SummaryCallGraph &Graph);
  ~FlagEvidence();

  /// The member the access \p I to \p Ptr is to, as the access itself says
  /// (struct-typed address arithmetic, alias tag); for a load whose
  /// memory is later reached from a caller.
  std::optional<MemberKey> memberAccessed(const llvm::Instruction &I,
                                          const llvm::Value *Ptr) const;

  /// Why the memory at \p Root (as function \p Reader sees it; \p Member
  /// is the member the original load named) means "stop": "written by
  /// signal handler 'on_term'", "named 'g_quit'". None: no evidence, or
  /// evidence against.
  std::optional<std::string> explain(const ObjectRoot &Root,
                                     const std::optional<MemberKey> &Member,
                                     const llvm::Function &Reader) const;

  /// Globals and struct members this module writes as a stop switch: with
  /// volatile or atomic writes of constants or truth values, by a signal
  /// handler, a thread or a stop function. What a reader in another
  /// translation unit cannot see for itself.
  struct WrittenFlag {
    const llvm::GlobalVariable *Global = nullptr;
    std::string Struct, Member;
  };
  std::vector<WrittenFlag> flagsWritten() const;

private:
  struct Writes;
  struct Place;

  void index() const;
  void indexWrite(const llvm::Instruction &I, const llvm::Value *Ptr,
                  const llvm::Value *Stored, ObjectRootFinder &Roots) const;
  void findThreadsAndHandlers() const;
  llvm::SmallVector<Place, 2> placesOf(const ObjectRoot &Root,
                                 const std::optional<MemberKey> &Member,
                                 const llvm::Function &Fn) const;
  std::optional<MemberKey> memberAt(const llvm::DIType *T,
                                    int64_t Offset) const;
  std::optional<MemberKey> memberOfStruct(llvm::StringRef Struct,
                                          int64_t Offset) const;
  std::optional<std::string> writerEvidence(const Writes &W,
                                            const llvm::Function *Reader) const;

  const llvm::Module &M;
  const ApiModel &Model;
  const SummaryCallGraph &Graph;

  mutable bool Indexed = false;
  /// Struct definitions in debug info by qualified source name.
  mutable llvm::StringMap<const llvm::DICompositeType *> Structs;
  /// Writes to globals (by offset) and to struct members.
  mutable std::map<std::pair<const llvm::GlobalVariable *, int64_t>, Writes>
      GlobalWrites;
  mutable std::map<std::pair<std::string, int64_t>, Writes> MemberWrites;
  /// Signal handlers and thread start routines, in module order; for each
  /// function, which of them reach it (bit I: root I; the last bit stands
  /// for every root past it).
  mutable std::vector<const llvm::Function *> Handlers, Threads;
  mutable llvm::DenseMap<const llvm::Function *, uint64_t> HandlerReach,
      ThreadReach;
};

} // namespace cancelverify

#endif // CANCELVERIFY_FLAGEVIDENCE_H
