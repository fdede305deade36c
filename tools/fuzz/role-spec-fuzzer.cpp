//===- role-spec-fuzzer.cpp - Fuzz the role grammar parser ----------------===//
//
// libFuzzer target for parseRoleSpec (include/cancelverify/RoleSpec.h), the
// parser of "ROLE[:KEY=VALUE,...]" that annotations, model files and the
// built-in catalogs share. Annotation strings come from any header a user
// compiles, so the parser must turn every input into a role or an error,
// never crash. Beyond what the sanitizers catch, a role that parses must
// print (RoleSpec::str) to text that parses back to the same role (the
// printed form is what -cancel-verify-print-model shows users to copy), and
// every position it accepted must be spelt as the grammar says: ret, this,
// argN or irargN, nothing that merely contains one of them.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/RoleSpec.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace cancelverify;

static bool sameRole(const RoleSpec &A, const RoleSpec &B) {
  return A.Kind == B.Kind && A.Handle == B.Handle && A.Parent == B.Parent &&
         A.Success == B.Success && A.Suppressed == B.Suppressed;
}

/// The grammar's spelling of a position, checked independently of the
/// parser: a keyword, or a prefix followed by decimal digits only.
static bool isPositionSpelling(llvm::StringRef V) {
  if (V == "ret" || V == "this")
    return true;
  if (!V.consume_front("irarg"))
    if (!V.consume_front("arg"))
      return false;
  return !V.empty() && llvm::all_of(V, llvm::isDigit);
}

/// Aborts unless every handle= and parent= value of an accepted role is
/// spelt as the grammar says.
static void checkPositionSpellings(llvm::StringRef Text) {
  llvm::StringRef Keys = Text.trim().split(':').second;
  llvm::SmallVector<llvm::StringRef, 4> Items;
  Keys.split(Items, ',');
  for (llvm::StringRef Item : Items) {
    auto [Key, Value] = Item.split('=');
    Key = Key.trim();
    Value = Value.trim();
    if ((Key == "handle" || Key == "parent") && !isPositionSpelling(Value)) {
      std::fprintf(stderr, "accepted '%s' for %s\n", Value.str().c_str(),
                   Key.str().c_str());
      std::abort();
    }
  }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  // A copy of exactly Size bytes, so a read past the end is a heap overflow.
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  llvm::Expected<RoleSpec> Spec = parseRoleSpec(Text);
  if (!Spec) {
    // Building the message is part of what users get on a bad role.
    std::string Message = llvm::toString(Spec.takeError());
    if (Message.empty())
      std::abort();
    return 0;
  }
  if (Spec->Kind != RoleKind::Suppress)
    checkPositionSpellings(Text);
  std::string Printed = Spec->str();
  llvm::Expected<RoleSpec> Again = parseRoleSpec(Printed);
  if (!Again) {
    std::fprintf(stderr, "'%s' does not parse: %s\n", Printed.c_str(),
                 llvm::toString(Again.takeError()).c_str());
    std::abort();
  }
  if (!sameRole(*Spec, *Again) || Again->str() != Printed) {
    std::fprintf(stderr, "'%s' parses to '%s'\n", Printed.c_str(),
                 Again->str().c_str());
    std::abort();
  }
  return 0;
}
