//===- FindingTriage.cpp - Fingerprints and what silences a finding --------===//
//
// A fingerprint names a finding without its line, so that inserting or
// removing lines elsewhere in the file keeps it: the source file's name, the
// function, the remark
// name, the callee it is about (the creator of a handle, the blocking call
// of a loop, the observation) and, for several findings with all of these
// alike, their order in the function.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/ApiModel.h"
#include "cancelverify/Baseline.h"
#include "cancelverify/FindingSinks.h"

#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

using namespace llvm;

namespace cancelverify {

/// The callee a finding is about, as users name it.
static std::string subject(const Finding &F) {
  switch (F.Kind) {
  case FindingKind::LoopIgnoresCancel:
  case FindingKind::LoopCancelNotActedOn:
  case FindingKind::LoopObservesCancel: {
    std::string S = F.Loop.Blocking.Leaf;
    if (F.Loop.Observed)
      S += "|" + F.Loop.Observed->Leaf;
    return S;
  }
  default:
    return F.Handle.Site.Creator
               ? demangle(F.Handle.Site.Creator->getName().str())
               : std::string();
  }
}

void FindingTriage::consume(const Finding &F) {
  // A body kept only for inlining (what a ThinLTO backend imports from
  // another module, a C99 extern inline) is judged where it is defined:
  // reporting it here too would report it twice.
  if (F.F->hasAvailableExternallyLinkage())
    return;
  Finding T = F;
  // The source file too: static functions of the same name in two files
  // of one baseline are different functions.
  std::string Identity = sys::path::filename(F.F->getParent()->getSourceFileName()).str() +
                         "|" + demangle(F.F->getName().str()) + "|" +
                         findingName(F.Kind).str() + "|" + subject(F);
  unsigned Occurrence = Seen[Identity]++;
  uint64_t Hash = xxh3_64bits(Identity + "#" + std::to_string(Occurrence));
  raw_string_ostream(T.Fingerprint) << format_hex_no_prefix(Hash, 16);
  if (const FunctionRoles *R = Model.rolesOf(F.F))
    T.Suppressed = R->suppresses(findingName(F.Kind));
  T.Baselined = Base && Base->contains(T.Fingerprint);
  Next.consume(T);
}

} // namespace cancelverify
