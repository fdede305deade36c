//===- Baseline.cpp - Findings an earlier run already reported -------------===//
//
// Reads only what a baseline needs from SARIF: runs[*].results[*].
// partialFingerprints["cancelVerify/v1"]. A file that is not JSON, not
// SARIF, or holds a result without that fingerprint is an error: a baseline
// that silently matched nothing would let every old finding fail a build.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/Baseline.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace cancelverify {

static Error baselineError(StringRef Name, const Twine &Why) {
  return createStringError(inconvertibleErrorCode(),
                           "baseline '" + Name + "': " + Why);
}

Expected<Baseline> Baseline::load(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return baselineError(Path, "cannot read it: " + Buf.getError().message());
  return parse((*Buf)->getBuffer(), Path);
}

Expected<Baseline> Baseline::parse(StringRef Text, StringRef Name) {
  Expected<json::Value> Doc = json::parse(Text);
  if (!Doc)
    return baselineError(Name, "not JSON: " + toString(Doc.takeError()));
  const json::Object *Root = Doc->getAsObject();
  const json::Array *Runs = Root ? Root->getArray("runs") : nullptr;
  if (!Runs || Root->getString("version") != StringRef("2.1.0"))
    return baselineError(Name, "not a SARIF 2.1.0 log (no 'version' "
                               "\"2.1.0\" and 'runs')");
  Baseline B;
  for (const json::Value &Run : *Runs) {
    const json::Object *R = Run.getAsObject();
    const json::Array *Results = R ? R->getArray("results") : nullptr;
    if (!Results)
      continue;
    for (const json::Value &Result : *Results) {
      const json::Object *Res = Result.getAsObject();
      const json::Object *Prints =
          Res ? Res->getObject("partialFingerprints") : nullptr;
      std::optional<StringRef> Print =
          Prints ? Prints->getString(FingerprintKey) : std::nullopt;
      if (!Print)
        return baselineError(Name, "a result has no partialFingerprints '" +
                                       FingerprintKey +
                                       "'; write the baseline with "
                                       "-cancel-verify-sarif");
      B.Prints.insert(*Print);
    }
  }
  return B;
}

} // namespace cancelverify
