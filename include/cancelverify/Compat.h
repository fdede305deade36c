//===- Compat.h - LLVM 19 / LLVM 22 differences in one place ---*- C++ -*-===//
//
// CancelVerify builds against LLVM 19 and LLVM 22. Every API difference the
// project depends on is absorbed here so the analysis reads the same for both.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_COMPAT_H
#define CANCELVERIFY_COMPAT_H

#include "llvm/Config/llvm-config.h"

#include "llvm/ADT/APInt.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DebugProgramInstruction.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/Remarks/RemarkFormat.h"
#include "llvm/Remarks/RemarkSerializer.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>

namespace cancelverify {
namespace compat {

/// Whether a debug record describes the whole of a variable of the
/// function it sits in: not one fragment of it (another field of a struct
/// variable) and not a variable of a callee inlined here.
inline bool describesWholeLocal(const llvm::DILocation *DL,
                                const llvm::DIExpression *E) {
  return (!DL || !DL->getInlinedAt()) && (!E || !E->getFragmentInfo());
}

/// Whether a value record with \p Expr says its one location holds the
/// variable (`DW_OP_deref` alone): the optimizer's spelling of a declare
/// once it lowered an address-taken variable's assignment markers.
inline bool isAddressValue(const llvm::DIExpression *Expr, unsigned NumOps) {
  return NumOps == 1 && Expr && Expr->getNumElements() == 1 &&
         Expr->getElement(0) == llvm::dwarf::DW_OP_deref;
}

/// Calls Fn(Location, Variable, IsAddress, Whole) for each debug variable
/// record attached before \p I: declares, assignment markers and
/// `DW_OP_deref` values describe the variable's address, other values its
/// value; Whole is describesWholeLocal.
/// LLVM 19 may still carry these as intrinsics (then \p I itself is one);
/// LLVM 22 only has records.
template <typename FnT>
void forEachDebugVariable(const llvm::Instruction &I, FnT Fn) {
  for (llvm::DbgVariableRecord &DVR :
       llvm::filterDbgVars(I.getDbgRecordRange())) {
    bool Whole = describesWholeLocal(DVR.getDebugLoc().get(),
                                     DVR.getExpression());
    if (DVR.isDbgAssign())
      Fn(DVR.getAddress(), DVR.getVariable(), true, Whole);
    else if (DVR.getType() == llvm::DbgVariableRecord::LocationType::Declare ||
             isAddressValue(DVR.getExpression(),
                            DVR.getNumVariableLocationOps()))
      Fn(DVR.getVariableLocationOp(0), DVR.getVariable(), true, Whole);
    else
      for (llvm::Value *V : DVR.location_ops())
        Fn(V, DVR.getVariable(), false, Whole);
  }
#if LLVM_VERSION_MAJOR < 20
  if (auto *DVI = llvm::dyn_cast<llvm::DbgVariableIntrinsic>(&I)) {
    bool Whole = describesWholeLocal(DVI->getDebugLoc().get(),
                                     DVI->getExpression());
    if (auto *DAI = llvm::dyn_cast<llvm::DbgAssignIntrinsic>(DVI))
      Fn(DAI->getAddress(), DVI->getVariable(), true, Whole);
    else if (llvm::isa<llvm::DbgDeclareInst>(DVI) ||
             isAddressValue(DVI->getExpression(),
                            DVI->getNumVariableLocationOps()))
      Fn(DVI->getVariableLocationOp(0), DVI->getVariable(), true, Whole);
    else
      for (llvm::Value *V : DVI->location_ops())
        Fn(V, DVI->getVariable(), false, Whole);
  }
#endif
}

/// The source variables whose address is \p Storage (an alloca).
inline llvm::SmallVector<const llvm::DILocalVariable *, 2>
declaredVariables(const llvm::Function &F, const llvm::Value *Storage) {
  llvm::SmallVector<const llvm::DILocalVariable *, 2> Vars;
  for (const llvm::BasicBlock &BB : F)
    for (const llvm::Instruction &I : BB)
      forEachDebugVariable(I, [&](const llvm::Value *Loc,
                                  const llvm::DILocalVariable *Var,
                                  bool IsAddress, bool) {
        if (IsAddress && Loc == Storage && !llvm::is_contained(Vars, Var))
          Vars.push_back(Var);
      });
  return Vars;
}

/// The source name of argument \p A, from debug info; empty if unknown.
inline std::string argumentName(const llvm::Argument &A) {
  if (A.hasName())
    return A.getName().str();
  const llvm::DISubprogram *SP = A.getParent()->getSubprogram();
  if (SP)
    for (const llvm::DINode *N : SP->getRetainedNodes())
      if (auto *V = llvm::dyn_cast<llvm::DILocalVariable>(N))
        if (V->getArg() == A.getArgNo() + 1)
          return V->getName().str();
  std::string Name;
  for (const llvm::BasicBlock &BB : *A.getParent())
    for (const llvm::Instruction &I : BB)
      forEachDebugVariable(I, [&](const llvm::Value *Loc,
                                  const llvm::DILocalVariable *Var, bool,
                                  bool) {
        if (!Name.empty() || !Var->isParameter())
          return;
        // At -O0 the argument is spilled to a slot the record describes.
        const llvm::Value *Stored = nullptr;
        for (const llvm::User *U : A.users())
          if (auto *SI = llvm::dyn_cast<llvm::StoreInst>(U))
            if (SI->getPointerOperand() == Loc)
              Stored = Loc;
        if (Loc == &A || Stored)
          Name = Var->getName().str();
      });
  return Name;
}

/// A serializer for LLVM's YAML remarks. LLVM 22 has no serializer modes
/// any more: YAML is always written standalone, which is what 19's
/// Standalone mode asks for.
inline llvm::Expected<std::unique_ptr<llvm::remarks::RemarkSerializer>>
createYamlRemarkSerializer(llvm::raw_ostream &OS) {
#if LLVM_VERSION_MAJOR >= 22
  return llvm::remarks::createRemarkSerializer(llvm::remarks::Format::YAML, OS);
#else
  return llvm::remarks::createRemarkSerializer(
      llvm::remarks::Format::YAML, llvm::remarks::SerializerMode::Standalone,
      OS);
#endif
}

/// The map GEPOperator::collectOffset fills with each variable index and
/// its stride (a SmallMapVector from LLVM 20 on).
#if LLVM_VERSION_MAJOR >= 20
using GEPVariableOffsets = llvm::SmallMapVector<llvm::Value *, llvm::APInt, 4>;
#else
using GEPVariableOffsets = llvm::MapVector<llvm::Value *, llvm::APInt>;
#endif

} // namespace compat

} // namespace cancelverify

#endif // CANCELVERIFY_COMPAT_H
