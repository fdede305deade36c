//===- DetachedContext.cpp - A context derived from a root -----------------===//
//
// The parent of a creation is a root when it comes from a `root` call or
// from a function of the module whose every return is one (a summary fact).
// A context is at hand when a parameter is used as one (the parent of a
// creation, what an observer reads), or when a parameter or a field of one
// has the debug-info type of the contexts this creation works with: the
// type of the variables holding them, or the class the creator takes its
// parent as.
//
//===----------------------------------------------------------------------===//
#include "DetachedContext.h"

#include "cancelverify/ApiModel.h"
#include "cancelverify/CallTarget.h"
#include "cancelverify/Compat.h"
#include "cancelverify/DebugTypes.h"
#include "cancelverify/HandleSummaries.h"
#include "cancelverify/StraightLine.h"

#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"

using namespace llvm;

namespace cancelverify {

static const DIType *stripTypedefs(const DIType *T) {
  while (auto *D = dyn_cast_or_null<DIDerivedType>(T)) {
    if (D->getTag() != dwarf::DW_TAG_typedef &&
        D->getTag() != dwarf::DW_TAG_const_type)
      break;
    T = D->getBaseType();
  }
  return T;
}

const CallBase *rootParent(const HandleSite &Site, HandleSummaries &HS) {
  if (!Site.ParentArg)
    return nullptr;
  const CallBase &Create = *Site.Call;
  AccessPathBuilder &Paths = HS.paths(*Create.getFunction());
  const Value *P = Paths.origin(Create.getArgOperand(*Site.ParentArg));
  // A C++ context object passed by reference: the call that filled it in
  // through its return slot (`WithCancel(Background(), &child)`), or the
  // value last stored into it, in the straight-line code before.
  if (isa<AllocaInst>(P)) {
    AccessPath Object = AccessPath::rootOf(P);
    const Value *Filled = nullptr;
    walkBack(Create, [&](const Instruction &I) {
      if (auto *SI = dyn_cast<StoreInst>(&I)) {
        if (Paths.pathOf(SI->getPointerOperand()) != Object)
          return true;
        Filled = Paths.origin(SI->getValueOperand());
        return false;
      }
      auto *CB = dyn_cast<CallBase>(&I);
      if (!CB || isMarker(I))
        return true;
      for (unsigned J = 0; J < CB->arg_size(); ++J)
        if (CB->getArgOperand(J)->getType()->isPointerTy() &&
            Paths.pathOf(CB->getArgOperand(J)) == Object) {
          if (CB->paramHasAttr(J, Attribute::StructRet))
            Filled = CB;
          return false; // given to a call: it may have been changed
        }
      return true;
    });
    if (Filled)
      P = Filled;
  }
  auto *Root = dyn_cast<CallBase>(P);
  return Root && HS.callReturnsRoot(*Root) ? Root : nullptr;
}

/// A parameter used as a context: the parent of a creation (modelled or
/// through a wrapper), or what an observer reads.
static std::string parameterUsedAsContext(const Function &F,
                                          const ApiModel &Model,
                                          HandleSummaries &HS) {
  AccessPathBuilder &Paths = HS.paths(F);
  for (const Instruction &I : instructions(F)) {
    auto *CB = dyn_cast<CallBase>(&I);
    if (!CB)
      continue;
    SmallVector<const Value *, 2> Contexts;
    if (std::optional<HandleSite> Site = HS.creationAt(*CB);
        Site && Site->ParentArg)
      Contexts.push_back(CB->getArgOperand(*Site->ParentArg));
    const FunctionRoles *R = Model.rolesOfCall(*CB);
    if (R && R->Observe)
      for (const Value *A : CB->args())
        if (A->getType()->isPointerTy())
          Contexts.push_back(A);
    for (const Value *C : Contexts) {
      AccessPath P = Paths.pathOf(C);
      if (auto *Arg = dyn_cast<Argument>(P.Root)) {
        std::string Name = compat::argumentName(*Arg);
        return Name.empty() ? "parameter " + std::to_string(Arg->getArgNo())
                            : Name;
      }
    }
  }
  return std::string();
}

/// The class \p T is, refers or points to, if it has a name.
static const DICompositeType *namedClass(const DIType *T) {
  T = stripQualifiers(T);
  if (auto *D = dyn_cast_or_null<DIDerivedType>(T);
      D && (D->getTag() == dwarf::DW_TAG_pointer_type ||
            D->getTag() == dwarf::DW_TAG_reference_type ||
            D->getTag() == dwarf::DW_TAG_rvalue_reference_type))
    T = stripQualifiers(D->getBaseType());
  auto *C = dyn_cast_or_null<DICompositeType>(T);
  return C && !C->getName().empty() ? C : nullptr;
}

/// The qualified name of the class the creation's parent parameter is,
/// refers or points to (`std::shared_ptr<ctx::Impl>` for `const Context &`),
/// from the callee's debug info or, at -O0, its mangled name.
static std::optional<std::string> parentClassName(const HandleSite &Site) {
  const Function *Callee = calledFunction(*Site.Call);
  if (!Callee || !Site.ParentArg)
    return std::nullopt;
  if (const DIType *T = parameterType(*Callee, *Site.ParentArg)) {
    if (const DICompositeType *C = namedClass(T))
      return qualifiedName(C);
    return std::nullopt;
  }
  if (std::optional<std::string> Text =
          demangledParameter(*Callee, *Site.ParentArg))
    return parameterClassName(*Text);
  return std::nullopt;
}

std::string contextAtHand(const Function &F, const HandleSite &Site,
                          const CallBase &Root, const ApiModel &Model,
                          HandleSummaries &HS) {
  const CallBase &Create = *Site.Call;
  std::string Used = parameterUsedAsContext(F, Model, HS);
  if (!Used.empty())
    return Used;
  // Typed like a context: compare with the source variables that hold the
  // root and the child context of this creation.
  const DISubprogram *SP = F.getSubprogram();
  if (!SP || !SP->getType())
    return std::string();
  SmallPtrSet<const DIType *, 4> ContextTypes;
  SmallVector<const Value *, 4> Storage;
  for (const Value *A : Create.args())
    if (auto *AI = dyn_cast<AllocaInst>(A->stripPointerCasts()))
      Storage.push_back(AI);
  for (const User *U : Root.users())
    if (auto *SI = dyn_cast<StoreInst>(U))
      if (auto *AI =
              dyn_cast<AllocaInst>(SI->getPointerOperand()->stripPointerCasts()))
        Storage.push_back(AI);
  for (const Value *S : Storage)
    for (const DILocalVariable *Var : compat::declaredVariables(F, S))
      if (!Var->isParameter() && Var->getType())
        ContextTypes.insert(stripTypedefs(Var->getType()));
  // The class the creator takes its parent as: contexts that are objects
  // (a std::shared_ptr) held by no source variable of their own (a pair's
  // member bound by `auto [ctx, cancel]`).
  std::optional<std::string> ParentClass = parentClassName(Site);
  if (ContextTypes.empty() && !ParentClass)
    return std::string();
  auto IsContext = [&](const DIType *T) {
    if (!T)
      return false;
    if (ContextTypes.count(T))
      return true;
    auto *C = dyn_cast<DICompositeType>(T);
    return ParentClass && C && !C->getName().empty() &&
           qualifiedName(C) == *ParentClass;
  };
  DITypeRefArray Types = SP->getType()->getTypeArray();
  for (unsigned I = 1; I < Types.size(); ++I) {
    const DIType *T = stripTypedefs(Types[I]);
    if (!T)
      continue;
    std::string Name;
    if (I - 1 < F.arg_size())
      Name = compat::argumentName(*F.getArg(I - 1));
    if (Name.empty())
      Name = "parameter " + std::to_string(I - 1);
    if (IsContext(T))
      return Name;
    // A field of a parameter: `r->ctx`.
    auto *Ptr = dyn_cast<DIDerivedType>(T);
    if (!Ptr || (Ptr->getTag() != dwarf::DW_TAG_pointer_type &&
                 Ptr->getTag() != dwarf::DW_TAG_reference_type &&
                 Ptr->getTag() != dwarf::DW_TAG_rvalue_reference_type))
      continue;
    // A context object passed by reference (`const Context &ctx`), or by
    // pointer where contexts are values.
    const DIType *Pointee = stripTypedefs(Ptr->getBaseType());
    if (IsContext(Pointee))
      return Name;
    auto *CT = dyn_cast_or_null<DICompositeType>(Pointee);
    if (!CT)
      continue;
    for (const DINode *E : CT->getElements())
      if (auto *M = dyn_cast<DIDerivedType>(E))
        if (M->getTag() == dwarf::DW_TAG_member &&
            IsContext(stripTypedefs(M->getBaseType())))
          return Name +
                 (Ptr->getTag() == dwarf::DW_TAG_pointer_type ? "->" : ".") +
                 M->getName().str();
  }
  return std::string();
}

} // namespace cancelverify
