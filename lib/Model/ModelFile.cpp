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

  /// Where the node being read starts in the buffer.
  const char *location(const yaml::IO &IO) const {
    auto &In = static_cast<const yaml::Input &>(IO);
    const yaml::Node *N = In.getCurrentNode();
    if (!N)
      return nullptr;
    const char *P = N->getSourceRange().Start.getPointer();
    return P < Buffer.begin() || P > Buffer.end() ? nullptr : P;
  }

  /// "file:line:col" of a location in the buffer.
  std::string where(const char *P) const {
    if (!P)
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
  /// Where the entry starts, for errors found after parsing.
  const char *Loc = nullptr;
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
/// mapping is the same shape for all three, and is checked after parsing
/// (checkEntry) so that a misspelt key is reported as such first.
template <> struct MappingTraits<YamlEntry> {
  static void mapping(IO &IO, YamlEntry &Y) {
    ModelEntry &E = Y.Entry;
    const std::string None;
    if (IO.outputting()) {
      IO.mapOptional("name", E.Name, None);
      IO.mapOptional("match", E.Pattern, None);
      IO.mapOptional("struct", E.Struct, None);
      IO.mapOptional("field", E.Member, None);
      IO.mapRequired("roles", E.Roles);
      return;
    }
    auto *RC = static_cast<ReadContext *>(IO.getContext());
    Y.Loc = RC->location(IO);
    IO.mapOptional("name", E.Name);
    IO.mapOptional("match", E.Pattern);
    IO.mapOptional("struct", E.Struct);
    IO.mapOptional("field", E.Member);
    IO.mapOptional("roles", E.Roles);
    for (RoleSpec &R : E.Roles)
      R.Origin = {RoleOrigin::ModelFile, RC->where(Y.Loc)};
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

/// Checks that an entry has what its section needs and only roles the
/// section can hold, and stamps the target kind. Returns an error message or
/// empty.
static std::string checkEntry(YamlEntry &Y, ModelEntry::TargetKind Kind,
                              StringRef SectionName) {
  ModelEntry &E = Y.Entry;
  E.Target = Kind;
  bool HasFieldKeys = !E.Struct.empty() || !E.Member.empty();
  bool HasNameKeys = !E.Name.empty() || !E.Pattern.empty();
  if (Kind == ModelEntry::Field) {
    if (E.Struct.empty() || E.Member.empty())
      return "an entry under 'fields' needs 'struct' and 'field'";
    if (HasNameKeys)
      return "an entry under 'fields' takes 'struct' and 'field', not 'name' "
             "or 'match'";
  } else {
    if (HasFieldKeys)
      return "an entry with 'struct' and 'field' belongs under 'fields', not "
             "under '" +
             SectionName.str() + "'";
    if (E.Name.empty() == E.Pattern.empty())
      return "an entry needs exactly one of 'name' (exact symbol) or 'match' "
             "(glob over the demangled name)";
    if (Kind == ModelEntry::Global && !E.Pattern.empty())
      return "an entry under 'globals' takes 'name' (globals are matched by "
             "exact name), not 'match'";
  }
  if (E.Roles.empty())
    return "an entry needs at least one role, e.g. 'roles: [wait]'";
  for (const RoleSpec &R : E.Roles) {
    bool FlagOnly = Kind != ModelEntry::Function;
    if (FlagOnly != (R.Kind == RoleKind::Flag))
      return "role '" + R.Text + "' cannot be under '" + SectionName.str() +
             "': " +
             (FlagOnly ? std::string("only 'flag' applies to a ") +
                             (Kind == ModelEntry::Global ? "global" : "field")
                       : std::string("'flag' applies to globals and fields, "
                                     "not functions"));
  }
  return std::string();
}

void cancelverify::writeModelFile(raw_ostream &OS,
                                  ArrayRef<ModelEntry> Entries,
                                  StringRef Comment) {
  YamlModel Model;
  for (const ModelEntry &E : Entries) {
    std::vector<YamlEntry> &Section =
        E.Target == ModelEntry::Function ? Model.Functions
        : E.Target == ModelEntry::Global ? Model.Globals
                                         : Model.Fields;
    Section.push_back({E, nullptr});
  }
  OS << "# " << Comment << "\n";
  yaml::Output Out(OS);
  Out << Model;
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
  return readModelBuffer((*BufOrErr)->getBuffer(), Path, Entries, Diags);
}

bool cancelverify::readModelBuffer(StringRef Text, StringRef Name,
                                   std::vector<ModelEntry> &Entries,
                                   std::vector<ModelDiagnostic> &Diags) {
  ReadContext RC{Name, Text, {}};
  std::string Errors;
  auto Handler = [](const SMDiagnostic &D, void *Ctx) {
    raw_string_ostream OS(*static_cast<std::string *>(Ctx));
    D.print(nullptr, OS, /*ShowColors=*/false);
  };
  YamlModel Model;
  {
    yaml::Input In(MemoryBufferRef(Text, Name), &RC, Handler, &Errors);
    In >> Model;
    if (In.error()) {
      if (Errors.empty())
        Errors = (Name + ": malformed model file").str();
      Diags.push_back({ModelDiagnostic::Error,
                       StringRef(Errors).rtrim().str()});
      return false;
    }
  }
  // Errors found here are printed like the parser's own: file:line:col,
  // the line, and a caret under the entry.
  SourceMgr SM;
  SM.AddNewSourceBuffer(MemoryBuffer::getMemBuffer(
                            Text, Name, /*RequiresNullTerminator=*/false),
                        SMLoc());
  for (auto [Section, Kind, SectionName] :
       {std::make_tuple(&Model.Functions, ModelEntry::Function, "functions"),
        std::make_tuple(&Model.Globals, ModelEntry::Global, "globals"),
        std::make_tuple(&Model.Fields, ModelEntry::Field, "fields")}) {
    for (YamlEntry &Y : *Section) {
      std::string Err = checkEntry(Y, Kind, SectionName);
      if (!Err.empty()) {
        raw_string_ostream OS(Errors);
        SM.PrintMessage(OS, SMLoc::getFromPointer(Y.Loc), SourceMgr::DK_Error,
                        Err, /*Ranges=*/{}, /*FixIts=*/{},
                        /*ShowColors=*/false);
        Diags.push_back(
            {ModelDiagnostic::Error, StringRef(Errors).rtrim().str()});
        return false;
      }
      Entries.push_back(std::move(Y.Entry));
    }
  }
  return true;
}
