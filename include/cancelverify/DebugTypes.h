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

#include <optional>
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

/// The declared type of IR argument \p ArgNo of \p Fn, from its
/// subprogram's type (`this` included, the struct-return argument
/// skipped); null without debug info, for the struct-return argument, or
/// when the source parameters are not the IR's arguments one for one.
const llvm::DIType *parameterType(const llvm::Function &Fn, unsigned ArgNo);

/// The type of IR argument \p ArgNo as the demangled name of \p Fn spells
/// it (`std::shared_ptr<ctx::Impl> const&`); nullopt for `this` and the
/// struct-return argument, a name that is not a mangled function, a
/// variadic one, or parameters that are not the IR's arguments one for one.
std::optional<std::string> demangledParameter(const llvm::Function &Fn,
                                              unsigned ArgNo);

/// The qualified name of the type \p ParamText (a demangled parameter)
/// names, refers or points to: `ns::T` for `ns::T const&`, `ns::T*` or
/// `ns::T`; nullopt for anything but a plain type name.
std::optional<std::string> parameterClassName(llvm::StringRef ParamText);

/// The declared type of \p GV, or null without debug info.
const llvm::DIType *globalType(const llvm::GlobalVariable &GV);

/// `worker` for the IR type `struct.worker` (or `struct.worker.12`, a
/// second definition of the name in a linked module); empty for anything
/// but a named struct.
llvm::StringRef sourceStructName(const llvm::Type *T);

} // namespace cancelverify

#endif // CANCELVERIFY_DEBUGTYPES_H
