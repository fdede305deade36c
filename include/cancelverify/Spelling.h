//===- Spelling.h - "Did you mean" for misspelt words ----------*- C++ -*-===//
//
// Model files, annotations and model entries all name things a user can
// misspell: roles, keys, remark names, symbols. These helpers pick the
// spelling a user most likely meant, one rule for all of them.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_SPELLING_H
#define CANCELVERIFY_SPELLING_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace cancelverify {

/// True if \p A is \p B with two neighbouring letters swapped ("wiat").
bool isAdjacentSwap(llvm::StringRef A, llvm::StringRef B);

/// True if \p A and \p B differ by one insertion, deletion or replacement,
/// or by one swap of neighbouring letters: one slip of the fingers.
bool isOneTypoApart(llvm::StringRef A, llvm::StringRef B);

/// The candidate a misspelt \p Word most likely meant, for "did you mean":
/// the closest by edit distance when it is close for the word's length, or
/// one that extends or shortens the word ("cancelable" -> "cancel"). Ties go
/// to the earlier candidate, so the answer is deterministic. Empty if none
/// is close.
llvm::StringRef closestSpelling(llvm::StringRef Word,
                                llvm::ArrayRef<llvm::StringRef> Candidates);

/// "; did you mean 'X'?" for \p Word, or empty when nothing is close.
std::string didYouMean(llvm::StringRef Word,
                       llvm::ArrayRef<llvm::StringRef> Candidates);

} // namespace cancelverify

#endif // CANCELVERIFY_SPELLING_H
