//===- Spelling.cpp - "Did you mean" for misspelt words --------------------===//
//
// Edit distance (LLVM's), counting a swap of neighbouring letters as one
// slip, with a limit that grows with the word so short words do not
// "match" unrelated ones.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/Spelling.h"

#include <algorithm>

using namespace llvm;

namespace cancelverify {

bool isAdjacentSwap(StringRef A, StringRef B) {
  if (A.size() != B.size() || A == B)
    return false;
  size_t I = 0;
  while (A[I] == B[I])
    ++I;
  return I + 1 < A.size() && A[I] == B[I + 1] && A[I + 1] == B[I] &&
         A.substr(I + 2) == B.substr(I + 2);
}

StringRef closestSpelling(StringRef Word, ArrayRef<StringRef> Candidates) {
  if (Word.empty())
    return StringRef();
  std::string Lower = Word.lower();
  // Up to one edit per three letters: "crete", "hanlde" and "sucess" are
  // typos; "wait" for "take" is not.
  unsigned Limit = std::max<size_t>(1, (Word.size() + 1) / 3);
  StringRef Best;
  unsigned BestDistance = Limit + 1;
  for (StringRef C : Candidates) {
    if (C == Word)
      continue;
    std::string CL = C.lower();
    // A swap of neighbours is one slip of the fingers, not two edits.
    unsigned D =
        isAdjacentSwap(Lower, CL)
            ? 1
            : StringRef(Lower).edit_distance(CL, /*AllowReplacements=*/true,
                                             /*MaxEditDistance=*/Limit + 1);
    if (D < BestDistance) {
      Best = C;
      BestDistance = D;
    }
  }
  if (!Best.empty())
    return Best;
  // A word with a candidate's letters and more ("cancelable", "rolez"), or a
  // candidate's start of at least four letters ("supp" for "suppress").
  for (StringRef C : Candidates)
    if (C.size() >= 4 && Word.size() >= 4 &&
        (StringRef(Lower).starts_with(C.lower()) ||
         C.lower().rfind(Lower, 0) == 0))
      return C;
  return StringRef();
}

std::string didYouMean(StringRef Word, ArrayRef<StringRef> Candidates) {
  StringRef C = closestSpelling(Word, Candidates);
  return C.empty() ? std::string() : "; did you mean '" + C.str() + "'?";
}

bool isOneTypoApart(StringRef A, StringRef B) {
  if (A == B)
    return false;
  return isAdjacentSwap(A, B) || A.edit_distance(B, /*AllowReplacements=*/true,
                                                 /*MaxEditDistance=*/1) <= 1;
}

} // namespace cancelverify
