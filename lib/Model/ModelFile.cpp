//===- ModelFile.cpp - Read YAML model files -------------------------------===//
//
// A model file tells CancelVerify what a third-party API means without
// touching its headers. It is read with LLVM's YAML I/O so every error comes
// out as file:line:col with the offending text underlined; roles reuse the
// annotation grammar so users learn one syntax. See README "Model files".
//
//===----------------------------------------------------------------------===//
#include "cancelverify/ApiModel.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace cancelverify;

namespace {

/// Per-file state the YAML traits need: the buffer (to compute where an entry
/// starts) and the file name (for role origins).
struct ReadContext {
  StringRef Path;
  StringRef Buffer;
  std::string ScalarError;

  std::string where(const yaml::IO &IO) const {
    auto &In = static_cast<const yaml::Input &>(IO);
    const yaml::Node *N = In.getCurrentNode();
    if (!N)
      return Path.str();
    const char *P = N->getSourceRange().Start.getPointer();
    if (P < Buffer.begin() || P > Buffer.end())
      return Path.str();
    StringRef Before = Buffer.substr(0, P - Buffer.begin());
    size_t Line = Before.count('\n') + 1;
    size_t LineStart = Before.rfind('\n');
    size_t Col = LineStart == StringRef::npos ? Before.size() + 1
                                              : Before.size() - LineStart;
    return (Path + ":" + Twine(Line) + ":" + Twine(Col)).str();
  }
};

struct YamlEntry {
  ModelEntry Entry;
};

struct YamlModel {
  std::vector<YamlEntry> Functions, Globals, Fields;
};

} // namespace

LLVM_YAML_IS_SEQUENCE_VECTOR(YamlEntry)
LLVM_YAML_IS_SEQUENCE_VECTOR(RoleSpec)

namespace llvm {
namespace yaml {

template <> struct ScalarTraits<RoleSpec> {
  static void output(const RoleSpec &S, void *, raw_ostream &OS) {
    OS << S.str();
  }
  static StringRef input(StringRef Scalar, void *Ctx, RoleSpec &S) {
    auto *RC = static_cast<ReadContext *>(Ctx);
    Expected<RoleSpec> Parsed = parseRoleSpec(Scalar);
    if (!Parsed) {
      RC->ScalarError = "invalid role " + toString(Parsed.takeError());
      return RC->ScalarError;
    }
    S = *Parsed;
    return StringRef();
  }
  static QuotingType mustQuote(StringRef) { return QuotingType::Single; }
};

/// Which part of the file an entry belongs to decides its target kind; the
/// mapping is the same shape for all three so errors read the same.
template <> struct MappingTraits<YamlEntry> {
  static void mapping(IO &IO, YamlEntry &Y) {
    auto *RC = static_cast<ReadContext *>(IO.getContext());
    ModelEntry &E = Y.Entry;
    std::string Where = RC->where(IO);
    IO.mapOptional("name", E.Name);
    IO.mapOptional("match", E.Pattern);
    IO.mapOptional("struct", E.Struct);
    IO.mapOptional("field", E.Member);
    IO.mapRequired("roles", E.Roles);
    for (RoleSpec &R : E.Roles)
      R.Origin = {RoleOrigin::ModelFile, Where};
  }
  static std::string validate(IO &, YamlEntry &Y) {
    const ModelEntry &E = Y.Entry;
    if (E.Roles.empty())
      return "an entry needs at least one role";
    bool IsField = !E.Struct.empty() || !E.Member.empty();
    if (IsField) {
      if (E.Struct.empty() || E.Member.empty())
        return "a field entry needs both 'struct' and 'field'";
      if (!E.Name.empty() || !E.Pattern.empty())
        return "a field entry takes 'struct' and 'field', not 'name' or "
               "'match'";
    } else if (E.Name.empty() == E.Pattern.empty()) {
      return "an entry needs exactly one of 'name' (exact symbol) or "
             "'match' (glob over the demangled name)";
    }
    return std::string();
  }
};

template <> struct MappingTraits<YamlModel> {
  static void mapping(IO &IO, YamlModel &M) {
    IO.mapOptional("functions", M.Functions);
    IO.mapOptional("globals", M.Globals);
    IO.mapOptional("fields", M.Fields);
  }
};

} // namespace yaml
} // namespace llvm

/// Checks that each section holds the entries and roles it can hold, and
/// stamps the target kind. Returns an error message, led by the entry's
/// file:line:col like the YAML parser's own errors, or empty.
static std::string checkSection(std::vector<YamlEntry> &Section,
                                ModelEntry::TargetKind Kind,
                                StringRef SectionName) {
  for (YamlEntry &Y : Section) {
    ModelEntry &E = Y.Entry;
    E.Target = Kind;
    std::string Where = E.Roles.front().Origin.Where + ": error: ";
    bool IsField = !E.Struct.empty();
    if ((Kind == ModelEntry::Field) != IsField)
      return Where + (IsField ? "an entry with 'struct' and 'field' belongs "
                                "under 'fields', not under '" +
                                    SectionName.str() + "'"
                              : std::string("an entry under 'fields' needs "
                                            "'struct' and 'field'"));
    if (Kind == ModelEntry::Global && !E.Pattern.empty())
      return Where + "an entry under 'globals' takes 'name' (globals are "
                     "matched by exact name), not 'match'";
    for (const RoleSpec &R : E.Roles) {
      bool FlagOnly = Kind != ModelEntry::Function;
      if (FlagOnly != (R.Kind == RoleKind::Flag))
        return Where + "role '" + R.Text + "' cannot be under '" +
               SectionName.str() + "': " +
               (FlagOnly ? std::string("only 'flag' applies to a ") +
                               (Kind == ModelEntry::Global ? "global" : "field")
                         : std::string("'flag' applies to globals and "
                                       "fields, not functions"));
    }
  }
  return std::string();
}

bool cancelverify::readModelFile(StringRef Path,
                                 std::vector<ModelEntry> &Entries,
                                 std::vector<ModelDiagnostic> &Diags) {
  auto BufOrErr = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!BufOrErr) {
    Diags.push_back({ModelDiagnostic::Error,
                     "cannot read model file '" + Path.str() +
                         "': " + BufOrErr.getError().message()});
    return false;
  }
  std::unique_ptr<MemoryBuffer> Buf = std::move(*BufOrErr);
  ReadContext RC{Path, Buf->getBuffer(), {}};
  std::string Errors;
  auto Handler = [](const SMDiagnostic &D, void *Ctx) {
    raw_string_ostream OS(*static_cast<std::string *>(Ctx));
    D.print(nullptr, OS, /*ShowColors=*/false);
  };
  YamlModel Model;
  {
    yaml::Input In(MemoryBufferRef(Buf->getBuffer(), Path), &RC, Handler,
                   &Errors);
    In >> Model;
    if (In.error()) {
      if (Errors.empty())
        Errors = (Path + ": malformed model file").str();
      Diags.push_back({ModelDiagnostic::Error,
                       StringRef(Errors).rtrim().str()});
      return false;
    }
  }
  for (auto [Section, Kind, Name] :
       {std::make_tuple(&Model.Functions, ModelEntry::Function, "functions"),
        std::make_tuple(&Model.Globals, ModelEntry::Global, "globals"),
        std::make_tuple(&Model.Fields, ModelEntry::Field, "fields")}) {
    std::string Err = checkSection(*Section, Kind, Name);
    if (!Err.empty()) {
      Diags.push_back({ModelDiagnostic::Error, Err});
      return false;
    }
    for (YamlEntry &Y : *Section)
      Entries.push_back(std::move(Y.Entry));
  }
  return true;
}
