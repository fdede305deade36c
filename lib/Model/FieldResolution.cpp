//===- FieldResolution.cpp - Struct fields named by users ------------------===//
//
// Model files name a field as `struct: worker, field: stop` (or an index).
// The IR knows struct types by name ("struct.worker", "class.ns::Worker") and
// fields by index; debug info knows member names and offsets. This file joins
// the two so a field can be recognised by (IR struct name, byte offset), and
// a bitfield by the bits it occupies.
//
//===----------------------------------------------------------------------===//
#include "ModelSources.h"

#include "cancelverify/SourceFrames.h"

#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace cancelverify {

/// The IR struct type a user's struct name stands for.
static StructType *findStruct(Module &M, StringRef Name) {
  for (StringRef Prefix : {"struct.", "class.", "union.", ""})
    if (StructType *ST =
            StructType::getTypeByName(M.getContext(), (Prefix + Name).str()))
      return ST;
  return nullptr;
}

/// Whether an access of \p M carries an alias tag into struct \p Struct.
static bool accessesStruct(const Module &M, StringRef Struct) {
  for (const Function &F : M)
    for (const Instruction &I : instructions(F))
      if ((isa<LoadInst>(I) || isa<StoreInst>(I)))
        if (std::optional<std::pair<std::string, int64_t>> Field =
                aliasTagField(I);
            Field && Field->first == Struct)
          return true;
  return false;
}

std::optional<ResolvedField>
resolveFieldEntry(Module &M, StringRef Struct, StringRef Member,
                  std::string &Error) {
  StructType *ST = findStruct(M, Struct);
  unsigned Index;
  bool ByIndex = !Member.getAsInteger(10, Index);
  if ((!ST || ST->isOpaque()) && ByIndex) {
    // Not used by this module: nothing to match, and not an error (a model
    // file serves many translation units).
    return std::nullopt;
  }
  if (ByIndex) {
    const StructLayout *SL = M.getDataLayout().getStructLayout(ST);
    if (Index >= ST->getNumElements()) {
      Error = "field index " + Member.str() + " is beyond the " +
              std::to_string(ST->getNumElements()) + " fields of '" +
              ST->getName().str() + "'";
      return std::nullopt;
    }
    return ResolvedField{ST->getName().str(),
                         (uint64_t)SL->getElementOffset(Index), "", 0, 0};
  }
  // A member name: find the struct's definition in debug info (skipping
  // forward declarations, which have no members). Optimized code may have
  // no IR type of that name left (its accesses are byte offsets): the
  // field is then keyed by the name the IR type would have, which the
  // accesses' type-based alias tags also give.
  DebugInfoFinder Finder;
  Finder.processModule(M);
  StringRef Unqualified = Struct.rsplit("::").second.empty()
                              ? Struct
                              : Struct.rsplit("::").second;
  bool Defined = false, Declared = false;
  for (const DIType *T : Finder.types()) {
    auto *CT = dyn_cast<DICompositeType>(T);
    if (!CT || CT->getName() != Unqualified)
      continue;
    if (CT->isForwardDecl()) {
      Declared = true;
      continue;
    }
    Defined = true;
    for (const DINode *E : CT->getElements()) {
      auto *DT = dyn_cast<DIDerivedType>(E);
      if (DT && DT->getTag() == dwarf::DW_TAG_member && DT->getName() == Member) {
        std::string Name =
            ST ? ST->getName().str()
               : (CT->getTag() == dwarf::DW_TAG_class_type ? "class."
                                                           : "struct.") +
                     Struct.str();
        if (DT->isBitField())
          // Several bitfields share bytes: which bits an access reads
          // tells them apart.
          return ResolvedField{Name, DT->getOffsetInBits() / 8, Struct.str(),
                               DT->getOffsetInBits(), DT->getSizeInBits()};
        return ResolvedField{Name, DT->getOffsetInBits() / 8, "", 0, 0};
      }
    }
  }
  if (Defined) {
    Error = "struct '" + Struct.str() + "' has no member '" + Member.str() + "'";
    return std::nullopt;
  }
  // Optimized code without debug info keeps no struct type, but its
  // accesses' alias tags still say the struct is used: the entry cannot be
  // resolved here and must not be dropped in silence.
  if (!ST && !Declared && accessesStruct(M, Struct)) {
    Error = "field '" + Member.str() + "' of '" + Struct.str() +
            "' cannot be found without debug info; compile with -g";
    return std::nullopt;
  }
  // Only declared here, or not used by this module at all: nothing to
  // match in this translation unit.
  if (Declared || !ST || ST->isOpaque())
    return std::nullopt;
  Error = "field '" + Member.str() + "' of '" + Struct.str() +
          "' cannot be found without debug info; compile with -g or give the "
          "field index";
  return std::nullopt;
}

} // namespace cancelverify
