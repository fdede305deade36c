//===- SummaryCallGraph.h - The order summaries are computed in -*- C++ -*-===//
//
// One graph over the functions of the module that have a body, built once:
// an edge from a function to every function it calls directly, to every
// function it refers to (a callback it stores or passes: whoever receives
// it may call it), and, for an indirect call through a struct field, to the
// functions stored in that field anywhere in the module. Its SCCs in
// post-order (llvm::scc_iterator, which keeps its own stack) put callees
// before callers, so both summaries are computed bottom-up in one order and
// a chain of any depth never recurses.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_SUMMARYCALLGRAPH_H
#define CANCELVERIFY_SUMMARYCALLGRAPH_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace llvm {
class CallBase;
class Constant;
class GlobalVariable;
class Function;
class GEPOperator;
class Module;
class Type;
class Value;
} // namespace llvm

namespace cancelverify {

class SummaryCallGraph {
public:
  struct Node {
    const llvm::Function *F = nullptr;
    llvm::SmallVector<Node *, 4> Succs;
  };

  explicit SummaryCallGraph(const llvm::Module &M);

  /// The SCCs, callees first; each SCC's functions in module order.
  const std::vector<std::vector<const llvm::Function *>> &
  bottomUpSCCs() const {
    return SCCs;
  }
  /// The functions of F's SCC that call or refer to F (for the fixpoint
  /// inside an SCC).
  llvm::ArrayRef<const llvm::Function *>
  callersInSCC(const llvm::Function &F) const;
  /// Whether \p F is in a recursive SCC (several functions, or a call of
  /// itself).
  bool isRecursive(const llvm::Function &F) const;

  /// The functions ever stored into the struct field an indirect call
  /// loads its callee from (llvm::GEPOperator over a struct type).
  llvm::ArrayRef<const llvm::Function *>
  fieldCallees(const llvm::CallBase &CB) const;
  /// The same for a callee value: a load from a struct field.
  llvm::ArrayRef<const llvm::Function *>
  fieldFunctions(const llvm::Value *Callee) const;
  /// The functions an indirect call may reach, when the slot it loads its
  /// callee from is known to hold only functions of the module: a slot of
  /// a global (a constant table, a global assigned once; any entry of a
  /// table indexed by a variable, of the call's type) or a struct field
  /// (by its IR type at -O0, by its type-based alias tag at -O2; filled by
  /// stores and constant initializers). Empty when unknown.
  llvm::SmallVector<const llvm::Function *, 4>
  indirectTargets(const llvm::CallBase &CB) const;

  /// The synthetic root, with an edge to every function (for GraphTraits).
  const Node *root() const { return &Root; }

private:
  using FieldKey = std::pair<const llvm::Type *, int64_t>;
  std::optional<FieldKey> fieldOf(const llvm::GEPOperator &G) const;
  void addInitializer(const llvm::GlobalVariable &GV);
  void addConstantSlots(const llvm::GlobalVariable &GV, const llvm::Constant &C,
                        int64_t At);
  void addNamedField(llvm::StringRef Struct, int64_t Offset,
                     const llvm::Function *Fn);

  /// Functions in slots of globals: (global, byte offset).
  llvm::DenseMap<std::pair<const llvm::GlobalVariable *, int64_t>,
                 llvm::SmallVector<const llvm::Function *, 2>>
      GlobalSlots;
  /// Every function in some slot of a global, in module order.
  llvm::DenseMap<const llvm::GlobalVariable *,
                 llvm::SmallVector<const llvm::Function *, 4>>
      GlobalFunctions;
  /// Functions in struct fields by the struct's source name and offset
  /// (what type-based alias tags name in optimized code).
  std::map<std::pair<std::string, int64_t>,
           llvm::SmallVector<const llvm::Function *, 2>>
      NamedFields;

  const llvm::Module &M;
  std::vector<Node> Nodes;
  Node Root;
  llvm::DenseMap<const llvm::Function *, unsigned> NodeIndex;
  std::vector<std::vector<const llvm::Function *>> SCCs;
  llvm::DenseMap<const llvm::Function *, unsigned> SCCOf;
  std::vector<bool> SCCRecursive;
  llvm::DenseMap<const llvm::Function *,
                 llvm::SmallVector<const llvm::Function *, 2>>
      SCCCallers;
  llvm::DenseMap<FieldKey, llvm::SmallVector<const llvm::Function *, 2>>
      FieldFunctions;
};

} // namespace cancelverify

namespace llvm {
template <class> struct GraphTraits;
template <> struct GraphTraits<const cancelverify::SummaryCallGraph *> {
  using NodeRef = const cancelverify::SummaryCallGraph::Node *;
  using ChildIteratorType =
      cancelverify::SummaryCallGraph::Node *const *;
  static NodeRef getEntryNode(const cancelverify::SummaryCallGraph *G) {
    return G->root();
  }
  static ChildIteratorType child_begin(NodeRef N) { return N->Succs.begin(); }
  static ChildIteratorType child_end(NodeRef N) { return N->Succs.end(); }
};
} // namespace llvm

#endif // CANCELVERIFY_SUMMARYCALLGRAPH_H
