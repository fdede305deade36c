//===- ExceptionTypes.h - Which catch clause takes a thrown type -*- C++
//-*-===//
//
// A C++ catch clause for a class catches that class and every class derived
// from it: `catch (const std::exception &)` takes a `std::runtime_error`.
// The Itanium ABI's type info of a class the module defines names its
// direct bases; the standard library's exception classes are defined
// elsewhere, so their hierarchy is known from the standard. Private to
// lib/Analysis.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_LIB_EXCEPTIONTYPES_H
#define CANCELVERIFY_LIB_EXCEPTIONTYPES_H

namespace llvm {
class Value;
} // namespace llvm

namespace cancelverify {

/// Whether a catch clause for the type info \p Caught takes an exception
/// thrown with the type info \p Thrown: the same type or a base class of
/// it, as far as the hierarchy is known.
bool catchClauseTakes(const llvm::Value *Caught, const llvm::Value *Thrown);

} // namespace cancelverify

#endif // CANCELVERIFY_LIB_EXCEPTIONTYPES_H
