//===- model-file-fuzzer.cpp - Fuzz the YAML model file reader ------------===//
//
// libFuzzer target for readModelBuffer (include/cancelverify/ApiModel.h),
// the reader behind -cancel-verify-model=FILE: LLVM's YAML I/O, the role
// grammar, and the checks of each entry against its section. A model file
// is user input, so every file must yield entries or an error message,
// never a crash. The reader's contract is checked too: it succeeds exactly
// when it reports no error, and every error it reports says something.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/ApiModel.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

using namespace cancelverify;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  // A copy of exactly Size bytes with no terminating null: the reader must
  // stay inside the text it is given, as readModelBuffer promises.
  std::unique_ptr<char[]> Copy(new char[Size ? Size : 1]);
  std::copy(Data, Data + Size, Copy.get());
  std::vector<ModelEntry> Entries;
  std::vector<ModelDiagnostic> Diags;
  bool Ok = readModelBuffer(llvm::StringRef(Copy.get(), Size), "fuzz.yaml",
                            Entries, Diags);
  // Failure and errors go together; warnings (an empty file) may come
  // either way. Every diagnostic says something.
  bool HasError = false;
  for (const ModelDiagnostic &D : Diags) {
    HasError |= D.Severity == ModelDiagnostic::Error;
    if (D.Message.empty())
      std::abort();
  }
  if (Ok == HasError)
    std::abort();
  if (!Ok)
    return 0;
  for (const ModelEntry &E : Entries) {
    if (E.Roles.empty())
      std::abort();
    for (const RoleSpec &R : E.Roles)
      if (R.Origin.Source != RoleOrigin::ModelFile || R.Origin.Where.empty())
        std::abort();
  }
  return 0;
}
