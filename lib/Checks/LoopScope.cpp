//===- LoopScope.cpp - Functions that can see cancellation ----------------===//
//
// Token types are learnt from the calls of observe functions: the source
// type of the variable each pointer argument comes from (the slot a -O0
// load reads, or the value an -O2 debug record describes), named by the
// type it points to with typedefs and qualifiers taken off. A function
// holds a token when one of its variables, or a parameter of its
// prototype, has such a type. Then the set grows down the call graph from
// the functions that observe or hold a token.
//
//===----------------------------------------------------------------------===//
#include "LoopScope.h"

#include "cancelverify/ApiModel.h"
#include "cancelverify/CallTarget.h"
#include "cancelverify/Compat.h"
#include "cancelverify/WaitSummary.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace cancelverify {

/// The name of what \p T points to, through typedefs and qualifiers:
/// `struct cv_ctx` for `cv_ctx_t *const`. Empty for unnamed types.
static StringRef tokenName(const DIType *T) {
  for (unsigned Depth = 0; T && Depth < 16; ++Depth) {
    auto *D = dyn_cast<DIDerivedType>(T);
    if (!D)
      return T->getName();
    T = D->getBaseType();
  }
  return StringRef();
}

/// The source variables of \p F's values and slots.
static DenseMap<const Value *, const DILocalVariable *>
variablesOf(const Function &F) {
  DenseMap<const Value *, const DILocalVariable *> Vars;
  for (const BasicBlock &BB : F)
    for (const Instruction &I : BB)
      compat::forEachDebugVariable(
          I, [&](const Value *Loc, const DILocalVariable *Var, bool, bool) {
            if (Loc && Var)
              Vars.try_emplace(Loc, Var);
          });
  return Vars;
}

DenseSet<const Function *>
functionsSeeingCancellation(const Module &M, const ApiModel &Model,
                            const WaitSummaries &Summaries) {
  // Token types: what observe functions are given.
  StringSet<> Tokens;
  for (const Function &F : M) {
    if (F.isDeclaration())
      continue;
    DenseMap<const Value *, const DILocalVariable *> Vars;
    bool Scanned = false;
    for (const BasicBlock &BB : F)
      for (const Instruction &I : BB) {
        auto *CB = dyn_cast<CallBase>(&I);
        if (!CB || isa<IntrinsicInst>(CB))
          continue;
        const FunctionRoles *R = Model.rolesOfCall(*CB);
        if (!R || !R->Observe)
          continue;
        if (!Scanned) {
          Vars = variablesOf(F);
          Scanned = true;
        }
        for (const Value *A : CB->args()) {
          if (!A->getType()->isPointerTy())
            continue;
          const Value *Where = A;
          if (auto *LI = dyn_cast<LoadInst>(A))
            if (isa<AllocaInst>(LI->getPointerOperand()))
              Where = LI->getPointerOperand();
          if (const DILocalVariable *V = Vars.lookup(Where))
            if (StringRef N = tokenName(V->getType()); !N.empty())
              Tokens.insert(N);
        }
      }
  }

  // The functions that observe or hold a token.
  DenseSet<const Function *> Sees;
  SmallVector<const Function *, 32> Work;
  auto HoldsToken = [&](const Function &F) {
    if (Tokens.empty())
      return false;
    const DISubprogram *SP = F.getSubprogram();
    if (!SP)
      return false;
    if (const DISubroutineType *Ty = SP->getType())
      for (const DIType *P : Ty->getTypeArray())
        if (P && Tokens.count(tokenName(P)))
          return true;
    // Its variables, as the debug records name them.
    bool Holds = false;
    for (const BasicBlock &BB : F)
      for (const Instruction &I : BB)
        compat::forEachDebugVariable(
            I, [&](const Value *, const DILocalVariable *Var, bool, bool) {
              Holds |= Var && Tokens.count(tokenName(Var->getType()));
            });
    return Holds;
  };
  for (const Function &F : M) {
    if (F.isDeclaration())
      continue;
    const WaitSummary *S = Summaries.lookup(&F);
    const FunctionRoles *R = Model.rolesOf(&F);
    bool Observes = S ? S->Observes || S->Returns || S->Leaves
                      : R && R->Observe.has_value();
    if ((Observes || HoldsToken(F)) && Sees.insert(&F).second)
      Work.push_back(&F);
  }
  // Down the call graph: a caller that sees it could hand it on.
  while (!Work.empty()) {
    const Function *F = Work.pop_back_val();
    for (const BasicBlock &BB : *F)
      for (const Instruction &I : BB)
        if (auto *CB = dyn_cast<CallBase>(&I))
          if (const Function *Callee = calleeNamed(*CB);
              Callee && !Callee->isDeclaration() &&
              Sees.insert(Callee).second)
            Work.push_back(Callee);
  }
  return Sees;
}

} // namespace cancelverify
