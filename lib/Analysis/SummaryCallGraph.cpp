//===- SummaryCallGraph.cpp - The order summaries are computed in ----------===//
//
// Built in one pass over the instructions. Edges go to functions with a
// body only: a declaration's behaviour comes from the model, never from a
// summary. A function referred to as a value (a callback stored in a field,
// a lambda's invoker in a std::function) gets an edge too, so it is
// summarised before whoever may end up calling it through a pointer.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/SummaryCallGraph.h"

#include "cancelverify/DebugTypes.h"

#include "cancelverify/CallTarget.h"
#include "cancelverify/SourceFrames.h"
#include "llvm/ADT/SCCIterator.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"

using namespace llvm;

namespace cancelverify {

std::optional<SummaryCallGraph::FieldKey>
SummaryCallGraph::fieldOf(const GEPOperator &G) const {
  const DataLayout &DL = M.getDataLayout();
  APInt Off(DL.getIndexTypeSizeInBits(G.getType()), 0);
  if (!isa<StructType>(G.getSourceElementType()) ||
      !G.accumulateConstantOffset(DL, Off))
    return std::nullopt;
  return std::make_pair(G.getSourceElementType(), Off.getSExtValue());
}

void SummaryCallGraph::addNamedField(StringRef Struct, int64_t Offset,
                                     const Function *Fn) {
  if (Struct.empty())
    return;
  auto &List = NamedFields[{Struct.str(), Offset}];
  if (!is_contained(List, Fn))
    List.push_back(Fn);
}

/// The functions a constant puts in the slots of \p GV from byte \p At, and
/// in the fields of the structs it spells.
void SummaryCallGraph::addConstantSlots(const GlobalVariable &GV,
                                        const Constant &C, int64_t At) {
  const DataLayout &DL = M.getDataLayout();
  if (auto *Fn = dyn_cast<Function>(C.stripPointerCasts())) {
    auto &List = GlobalSlots[{&GV, At}];
    if (!is_contained(List, Fn))
      List.push_back(Fn);
    return;
  }
  if (auto *CS = dyn_cast<ConstantStruct>(&C)) {
    const StructLayout *SL = DL.getStructLayout(CS->getType());
    for (unsigned I = 0; I < CS->getNumOperands(); ++I) {
      int64_t Off = SL->getElementOffset(I);
      auto *Elt = CS->getOperand(I);
      if (auto *Fn = dyn_cast<Function>(Elt->stripPointerCasts())) {
        auto &List = FieldFunctions[{CS->getType(), Off}];
        if (!is_contained(List, Fn))
          List.push_back(Fn);
        addNamedField(sourceStructName(CS->getType()), Off, Fn);
      }
      addConstantSlots(GV, *Elt, At + Off);
    }
    return;
  }
  if (auto *CA = dyn_cast<ConstantArray>(&C)) {
    int64_t Size = DL.getTypeAllocSize(CA->getType()->getElementType());
    for (unsigned I = 0; I < CA->getNumOperands(); ++I)
      addConstantSlots(GV, *CA->getOperand(I), At + I * Size);
  }
}

void SummaryCallGraph::addInitializer(const GlobalVariable &GV) {
  if (GV.hasInitializer() && !GV.isDeclaration())
    addConstantSlots(GV, *GV.getInitializer(), 0);
}

SmallVector<const Function *, 4>
SummaryCallGraph::indirectTargets(const CallBase &CB) const {
  SmallVector<const Function *, 4> Out;
  if (calledFunction(CB))
    return Out;
  auto *LI = dyn_cast<LoadInst>(CB.getCalledOperand()->stripPointerCasts());
  if (!LI)
    return Out;
  const DataLayout &DL = M.getDataLayout();
  const Value *Ptr = LI->getPointerOperand();
  // A slot of a global at a known offset, or any slot of a table indexed
  // by a variable (entries of the call's type).
  int64_t Off = 0;
  const Value *Base = GetPointerBaseWithConstantOffset(Ptr, Off, DL);
  if (auto *GV = dyn_cast<GlobalVariable>(Base)) {
    auto It = GlobalSlots.find({GV, Off});
    if (It != GlobalSlots.end())
      Out.append(It->second.begin(), It->second.end());
    return Out;
  }
  if (auto *GV = dyn_cast<GlobalVariable>(getUnderlyingObject(Ptr))) {
    auto It = GlobalFunctions.find(GV);
    if (It != GlobalFunctions.end())
      for (const Function *Fn : It->second)
        if (Fn->getFunctionType() == CB.getFunctionType())
          Out.push_back(Fn);
    return Out;
  }
  ArrayRef<const Function *> Field = fieldFunctions(LI);
  Out.append(Field.begin(), Field.end());
  if (Out.empty())
    if (std::optional<std::pair<std::string, int64_t>> F = aliasTagField(*LI)) {
      auto It = NamedFields.find(*F);
      if (It != NamedFields.end())
        Out.append(It->second.begin(), It->second.end());
    }
  return Out;
}

/// The functions \p V refers to: V itself, or inside a constant expression
/// (a cast, a GEP of a vtable); global variables' initializers are not
/// followed.
static void functionsIn(const Value *V, SmallVectorImpl<const Function *> &Out) {
  SmallVector<const Constant *, 4> Work;
  SmallPtrSet<const Constant *, 4> Seen;
  if (auto *C = dyn_cast<Constant>(V))
    Work.push_back(C);
  while (!Work.empty()) {
    const Constant *C = Work.pop_back_val();
    if (!Seen.insert(C).second)
      continue;
    if (auto *F = dyn_cast<Function>(C)) {
      Out.push_back(F);
      continue;
    }
    if (const Function *F =
            isa<GlobalAlias>(C) ? functionNamedBy(C) : nullptr) {
      Out.push_back(F);
      continue;
    }
    if (isa<GlobalValue>(C) || isa<ConstantData>(C))
      continue;
    for (const Value *Op : C->operands())
      if (auto *OC = dyn_cast<Constant>(Op))
        Work.push_back(OC);
  }
}

SummaryCallGraph::SummaryCallGraph(const Module &M) : M(M) {
  for (const Function &F : M)
    if (!F.isDeclaration()) {
      NodeIndex[&F] = Nodes.size();
      Nodes.push_back({&F, {}});
    }
  // Functions stored into struct fields and globals, module-wide, and put
  // there by constant initializers.
  for (const GlobalVariable &GV : M.globals())
    addInitializer(GV);
  for (const Node &N : Nodes)
    for (const BasicBlock &BB : *N.F)
      for (const Instruction &I : BB) {
        auto *SI = dyn_cast<StoreInst>(&I);
        if (!SI)
          continue;
        auto *Fn = dyn_cast<Function>(SI->getValueOperand()->stripPointerCasts());
        if (!Fn)
          continue;
        int64_t Off = 0;
        if (auto *GV = dyn_cast<GlobalVariable>(GetPointerBaseWithConstantOffset(
                SI->getPointerOperand(), Off, M.getDataLayout()))) {
          auto &List = GlobalSlots[{GV, Off}];
          if (!is_contained(List, Fn))
            List.push_back(Fn);
        }
        if (std::optional<std::pair<std::string, int64_t>> T = aliasTagField(*SI))
          addNamedField(T->first, T->second, Fn);
        auto *G = dyn_cast<GEPOperator>(SI->getPointerOperand());
        if (!G)
          continue;
        if (std::optional<FieldKey> Key = fieldOf(*G)) {
          auto &List = FieldFunctions[*Key];
          if (!is_contained(List, Fn))
            List.push_back(Fn);
          addNamedField(sourceStructName(G->getSourceElementType()), Key->second,
                        Fn);
        }
      }
  // Per global, every function in it, in module order (not the map's).
  for (const auto &[Key, Fns] : GlobalSlots)
    for (const Function *Fn : Fns)
      if (!is_contained(GlobalFunctions[Key.first], Fn))
        GlobalFunctions[Key.first].push_back(Fn);
  DenseMap<const Function *, unsigned> Order;
  for (const Function &F : M)
    Order[&F] = Order.size();
  for (auto &[GV, Fns] : GlobalFunctions)
    llvm::sort(Fns, [&](const Function *A, const Function *B) {
      return Order.lookup(A) < Order.lookup(B);
    });
  // Edges in instruction order, each once.
  SmallVector<const Function *, 4> Refs;
  for (Node &N : Nodes) {
    SmallPtrSet<const Function *, 8> Seen;
    auto AddEdge = [&](const Function *To) {
      auto It = NodeIndex.find(To);
      if (It != NodeIndex.end() && Seen.insert(To).second)
        N.Succs.push_back(&Nodes[It->second]);
    };
    for (const BasicBlock &BB : *N.F)
      for (const Instruction &I : BB) {
        Refs.clear();
        for (const Value *Op : I.operands())
          functionsIn(Op, Refs);
        if (auto *CB = dyn_cast<CallBase>(&I); CB && !calledFunction(*CB))
          for (const Function *Target : indirectTargets(*CB))
            Refs.push_back(Target);
        for (const Function *To : Refs)
          AddEdge(To);
      }
    Root.Succs.push_back(&N);
  }

  const SummaryCallGraph *Self = this;
  for (scc_iterator<const SummaryCallGraph *> It = scc_begin(Self);
       !It.isAtEnd(); ++It) {
    std::vector<const Function *> SCC;
    for (const Node *N : *It)
      if (N != &Root)
        SCC.push_back(N->F);
    if (SCC.empty())
      continue;
    // Module order inside an SCC, so the fixpoint visits functions in the
    // same order on every run.
    llvm::sort(SCC, [&](const Function *A, const Function *B) {
      return NodeIndex[A] < NodeIndex[B];
    });
    unsigned Index = SCCs.size();
    for (const Function *F : SCC)
      SCCOf[F] = Index;
    SCCRecursive.push_back(It.hasCycle());
    SCCs.push_back(std::move(SCC));
  }
  for (const Node &N : Nodes) {
    unsigned Own = SCCOf[N.F];
    if (!SCCRecursive[Own])
      continue;
    for (const Node *S : N.Succs)
      if (SCCOf[S->F] == Own) {
        auto &Callers = SCCCallers[S->F];
        if (!is_contained(Callers, N.F))
          Callers.push_back(N.F);
      }
  }
}

ArrayRef<const Function *>
SummaryCallGraph::callersInSCC(const Function &F) const {
  auto It = SCCCallers.find(&F);
  if (It == SCCCallers.end())
    return {};
  return It->second;
}

bool SummaryCallGraph::isRecursive(const Function &F) const {
  auto It = SCCOf.find(&F);
  return It != SCCOf.end() && SCCRecursive[It->second];
}

ArrayRef<const Function *>
SummaryCallGraph::fieldCallees(const CallBase &CB) const {
  return fieldFunctions(CB.getCalledOperand()->stripPointerCasts());
}

ArrayRef<const Function *>
SummaryCallGraph::fieldFunctions(const Value *Callee) const {
  auto *LI = dyn_cast<LoadInst>(Callee);
  auto *GEP = LI ? dyn_cast<GEPOperator>(LI->getPointerOperand()) : nullptr;
  if (!GEP)
    return {};
  std::optional<FieldKey> Key = fieldOf(*GEP);
  if (!Key)
    return {};
  auto It = FieldFunctions.find(*Key);
  if (It == FieldFunctions.end())
    return {};
  return It->second;
}

} // namespace cancelverify
