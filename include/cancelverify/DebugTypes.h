//===- DebugTypes.h - Source types of memory, from debug info --*- C++ -*-===//
//
// Optimized code addresses memory by byte offsets from a pointer; which
// struct and member that is, the source says through debug info: the type
// a parameter points to, the type of a global, the name a struct has in
// its namespace. The flag checks use these to name struct members (and
// bitfields) at every optimization level.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_DEBUGTYPES_H
#define CANCELVERIFY_DEBUGTYPES_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace llvm {
class DIScope;
class DIType;
class Function;
class GlobalVariable;
class Type;
} // namespace llvm

namespace cancelverify {

/// "ns::Worker" for a struct Worker in namespace ns.
std::string qualifiedName(const llvm::DIScope *S);

/// The type under typedefs and const, volatile, _Atomic and restrict.
const llvm::DIType *stripQualifiers(const llvm::DIType *T);

/// The type parameter \p ArgNo of \p Fn (an IR argument number) points or
/// refers to, from its subprogram's type; null without debug info or when
/// it is no pointer.
const llvm::DIType *parameterPointee(const llvm::Function &Fn, unsigned ArgNo);

/// The declared type of \p GV, or null without debug info.
const llvm::DIType *globalType(const llvm::GlobalVariable &GV);

/// `worker` for the IR type `struct.worker` (or `struct.worker.12`, a
/// second definition of the name in a linked module); empty for anything
/// but a named struct.
llvm::StringRef sourceStructName(const llvm::Type *T);

} // namespace cancelverify

#endif // CANCELVERIFY_DEBUGTYPES_H
