//===- ExceptionTypes.cpp - Which catch clause takes a thrown type --------===//
//
// A class's type info is `{vtable of __class_type_info or a derived kind,
// name, ...bases}`: __si_class_type_info has one base, __vmi_class_type_info
// an array of them. Only class type infos are followed, so a pointer's type
// info (which names its pointee) is never taken for a base. Type infos
// without an initializer here are looked up by name in the standard's
// exception hierarchy.
//
//===----------------------------------------------------------------------===//
#include "ExceptionTypes.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace cancelverify {

namespace {
struct StdBase {
  const char *Derived, *Base;
};
} // namespace

// The standard exception classes with their direct base, by the mangled
// name of their type info.
static const StdBase StdHierarchy[] = {
    {"_ZTISt11logic_error", "_ZTISt9exception"},
    {"_ZTISt12domain_error", "_ZTISt11logic_error"},
    {"_ZTISt16invalid_argument", "_ZTISt11logic_error"},
    {"_ZTISt12length_error", "_ZTISt11logic_error"},
    {"_ZTISt12out_of_range", "_ZTISt11logic_error"},
    {"_ZTISt12future_error", "_ZTISt11logic_error"},
    {"_ZTISt13runtime_error", "_ZTISt9exception"},
    {"_ZTISt11range_error", "_ZTISt13runtime_error"},
    {"_ZTISt14overflow_error", "_ZTISt13runtime_error"},
    {"_ZTISt15underflow_error", "_ZTISt13runtime_error"},
    {"_ZTISt12system_error", "_ZTISt13runtime_error"},
    {"_ZTINSt8ios_base7failureB5cxx11E", "_ZTISt12system_error"},
    {"_ZTINSt3__18ios_base7failureE", "_ZTINSt3__112system_errorE"},
    {"_ZTISt9bad_alloc", "_ZTISt9exception"},
    {"_ZTISt20bad_array_new_length", "_ZTISt9bad_alloc"},
    {"_ZTISt8bad_cast", "_ZTISt9exception"},
    {"_ZTISt10bad_typeid", "_ZTISt9exception"},
    {"_ZTISt13bad_exception", "_ZTISt9exception"},
    {"_ZTISt17bad_function_call", "_ZTISt9exception"},
    {"_ZTISt19bad_optional_access", "_ZTISt9exception"},
    {"_ZTISt18bad_variant_access", "_ZTISt9exception"},
    {"_ZTISt12bad_weak_ptr", "_ZTISt9exception"},
    {"_ZTISt16bad_any_cast", "_ZTISt8bad_cast"},
};

/// Whether \p Init is the type info of a class (it points into the vtable
/// of one of the ABI's class type info kinds).
static bool isClassTypeInfo(const Constant &Init) {
  if (Init.getNumOperands() == 0)
    return false;
  auto *VT = dyn_cast<GlobalVariable>(
      Init.getOperand(0)->stripInBoundsConstantOffsets());
  if (!VT)
    return false;
  StringRef N = VT->getName();
  return N.contains("__class_type_infoE") ||
         N.contains("__si_class_type_infoE") ||
         N.contains("__vmi_class_type_infoE");
}

/// The direct bases of the class whose type info is \p TI, by type info.
static void directBases(const GlobalVariable &TI,
                        SmallVectorImpl<const GlobalVariable *> &Out) {
  if (TI.hasDefinitiveInitializer()) {
    const Constant *Init = TI.getInitializer();
    if (!isClassTypeInfo(*Init))
      return;
    // Every type info the initializer names after the vtable and the name
    // is a base (the vmi kind keeps them in an array of structs).
    SmallVector<const Constant *, 8> Work;
    for (unsigned I = 1; I < Init->getNumOperands(); ++I)
      Work.push_back(cast<Constant>(Init->getOperand(I)));
    while (!Work.empty()) {
      const Constant *C = Work.pop_back_val();
      if (auto *G = dyn_cast<GlobalVariable>(C->stripPointerCasts())) {
        if (G != &TI && G->getName().starts_with("_ZTI"))
          Out.push_back(G);
        continue;
      }
      if (isa<ConstantAggregate>(C))
        for (const Use &Op : C->operands())
          Work.push_back(cast<Constant>(Op.get()));
    }
    return;
  }
  const Module *M = TI.getParent();
  for (const StdBase &B : StdHierarchy)
    if (TI.getName() == B.Derived)
      if (const GlobalVariable *G = M->getNamedGlobal(B.Base))
        Out.push_back(G);
}

bool catchClauseTakes(const Value *Caught, const Value *Thrown) {
  Caught = Caught->stripPointerCasts();
  Thrown = Thrown->stripPointerCasts();
  if (Caught == Thrown)
    return true;
  auto *Start = dyn_cast<GlobalVariable>(Thrown);
  if (!Start || !isa<GlobalVariable>(Caught))
    return false;
  // Breadth first over the bases; a hierarchy is small and acyclic, the
  // bound only guards against malformed input.
  SmallVector<const GlobalVariable *, 8> Work{Start};
  SmallPtrSet<const GlobalVariable *, 8> Seen{Start};
  for (unsigned I = 0; I < Work.size() && I < 256; ++I) {
    SmallVector<const GlobalVariable *, 4> Bases;
    directBases(*Work[I], Bases);
    for (const GlobalVariable *B : Bases) {
      if (B == Caught)
        return true;
      if (Seen.insert(B).second)
        Work.push_back(B);
    }
  }
  return false;
}

} // namespace cancelverify
