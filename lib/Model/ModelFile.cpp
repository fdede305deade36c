//===- ModelFile.cpp - Read YAML model files -------------------------------===//
//
// A model file tells CancelVerify what a third-party API means without
// touching its headers. It is read with LLVM's YAML I/O; roles reuse the
// annotation grammar so users learn one syntax. Every problem is collected
// with its place in the file and printed like a compiler's: file:line:col,
// the line, and the offending text underlined. All problems of a file are
// reported in one run; only a YAML syntax error ends the reading early,
// because nothing after it can be parsed. See docs/model-files.md.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/ApiModel.h"
#include "cancelverify/Spelling.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <optional>

using namespace llvm;
using namespace cancelverify;

namespace {

/// One problem found in a file, kept until the whole file has been read so
/// they can be printed in file order.
struct Problem {
  const char *Loc = nullptr;
  /// The offending text, underlined when printed; may be empty.
  SMRange Range;
  std::string Message;
  SourceMgr::DiagKind Kind = SourceMgr::DK_Error;
};

/// The keys each level of a model file takes, for "did you mean".
constexpr StringRef TopKeys[] = {"functions", "globals", "fields"};
constexpr StringRef EntryKeys[] = {"name", "match", "struct", "field", "roles"};

struct YamlEntry;

/// Per-file state the YAML traits need.
struct ReadContext {
  StringRef Path;
  StringRef Buffer;
  const yaml::Input *In = nullptr;
  /// The entry whose mapping the parser is in, or null at the top level.
  /// YAML I/O reports a mapping's unknown keys right after its traits
  /// return, so this says which keys were meant and which entry has them.
  YamlEntry *CurrentEntry = nullptr;
  std::vector<Problem> Problems;
  /// The parser's own error (syntax, or a node of the wrong type), which
  /// ends the reading; its index in Problems.
  std::optional<size_t> ParserError;

  /// The source range of the node being read, if it lies in the buffer.
  SMRange currentRange() const {
    const yaml::Node *N = In ? In->getCurrentNode() : nullptr;
    if (!N)
      return SMRange();
    SMRange R = N->getSourceRange();
    const char *B = R.Start.getPointer(), *E = R.End.getPointer();
    if (!B || B < Buffer.begin() || B > Buffer.end())
      return SMRange();
    if (!E || E < B || E > Buffer.end())
      E = B;
    return SMRange(SMLoc::getFromPointer(B), SMLoc::getFromPointer(E));
  }

  /// Line and column, from 1, of a location in the buffer.
  std::pair<size_t, size_t> lineAndColumn(const char *P) const {
    StringRef Before = Buffer.substr(0, P - Buffer.begin());
    return {Before.count('\n') + 1,
            Before.size() - (Before.rfind('\n') + 1) + 1};
  }

  /// "file:line:col" of a location in the buffer.
  std::string where(const char *P) const {
    if (!P)
      return Path.str();
    auto [Line, Col] = lineAndColumn(P);
    return (Path + ":" + Twine(Line) + ":" + Twine(Col)).str();
  }

  void markUnknownKey();

  /// An error found in what the parser read.
  void add(SMRange R, const Twine &Message) {
    Problems.push_back(
        {R.Start.getPointer(), R, Message.str(), SourceMgr::DK_Error});
  }

  /// A diagnostic of the YAML parser. Unknown keys come as warnings (the
  /// reader allows them so that all of them are found); they are errors
  /// here, with a suggestion.
  void addParserDiagnostic(const SMDiagnostic &D) {
    const char *Loc = D.getLoc().getPointer();
    if (Loc && (Loc < Buffer.begin() || Loc > Buffer.end()))
      Loc = nullptr;
    SMRange Range;
    if (Loc && !D.getRanges().empty()) {
      const char *LineStart = Loc - D.getColumnNo();
      auto [From, To] = D.getRanges().front();
      if (LineStart >= Buffer.begin() && LineStart + To <= Buffer.end())
        Range = SMRange(SMLoc::getFromPointer(LineStart + From),
                        SMLoc::getFromPointer(LineStart + To));
    }
    StringRef Message = D.getMessage();
    StringRef Key = Message;
    if (Key.consume_front("unknown key '") && Key.consume_back("'")) {
      ArrayRef<StringRef> Valid = CurrentEntry ? ArrayRef<StringRef>(EntryKeys)
                                               : ArrayRef<StringRef>(TopKeys);
      std::string Hint = didYouMean(Key, Valid);
      if (Hint.empty())
        Hint = CurrentEntry
                   ? " (an entry takes name, match, struct, field and "
                     "roles)"
                   : " (a model file has the sections functions, globals "
                     "and fields)";
      Problems.push_back(
          {Loc, Range, (Message + Hint).str(), SourceMgr::DK_Error});
      markUnknownKey();
      return;
    }
    bool IsError = D.getKind() != SourceMgr::DK_Warning;
    if (IsError && !ParserError)
      ParserError = Problems.size();
    Problems.push_back({Loc, Range, Message.str(),
                        IsError ? SourceMgr::DK_Error : SourceMgr::DK_Warning});
  }
};

/// A role as written, with where it is, parsed once the whole entry is read
/// so that every bad role is reported at its own place.
struct RoleText {
  std::string Text;
  SMRange Range;
};

struct YamlEntry {
  ModelEntry Entry;
  std::vector<RoleText> RoleTexts;
  /// Where the entry starts, for errors about the entry as a whole.
  SMRange Range;
  /// A key of the entry was unknown: what seems missing is likely misspelt,
  /// which is already reported.
  bool HasUnknownKey = false;
};

void ReadContext::markUnknownKey() {
  if (CurrentEntry)
    CurrentEntry->HasUnknownKey = true;
}

struct YamlModel {
  std::vector<YamlEntry> Functions, Globals, Fields;
};

} // namespace

LLVM_YAML_IS_SEQUENCE_VECTOR(YamlEntry)
LLVM_YAML_IS_SEQUENCE_VECTOR(RoleSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(RoleText)

namespace llvm {
namespace yaml {

/// Roles are only written this way (writeModelFile); they are read as
/// RoleText.
template <> struct ScalarTraits<RoleSpec> {
  static void output(const RoleSpec &S, void *, raw_ostream &OS) {
    OS << S.str();
  }
  static StringRef input(StringRef, void *, RoleSpec &) {
    return "roles are read as text";
  }
  static QuotingType mustQuote(StringRef) { return QuotingType::Single; }
};

template <> struct ScalarTraits<RoleText> {
  static void output(const RoleText &R, void *, raw_ostream &OS) {
    OS << R.Text;
  }
  static StringRef input(StringRef Scalar, void *Ctx, RoleText &R) {
    R.Text = Scalar.str();
    R.Range = static_cast<ReadContext *>(Ctx)->currentRange();
    return StringRef();
  }
  static QuotingType mustQuote(StringRef) { return QuotingType::Single; }
};

/// Which part of the file an entry belongs to decides its target kind; the
/// mapping is the same shape for all three, and is checked after parsing
/// (checkEntry) so that every problem of an entry is reported.
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
    RC->CurrentEntry = &Y;
    Y.Range = RC->currentRange();
    IO.mapOptional("name", E.Name);
    IO.mapOptional("match", E.Pattern);
    IO.mapOptional("struct", E.Struct);
    IO.mapOptional("field", E.Member);
    IO.mapOptional("roles", Y.RoleTexts);
    // Back to the entry's own mapping: its unknown keys are reported next.
    RC->CurrentEntry = &Y;
  }
};

template <> struct MappingTraits<YamlModel> {
  static void mapping(IO &IO, YamlModel &M) {
    IO.mapOptional("functions", M.Functions);
    IO.mapOptional("globals", M.Globals);
    IO.mapOptional("fields", M.Fields);
    if (!IO.outputting())
      static_cast<ReadContext *>(IO.getContext())->CurrentEntry = nullptr;
  }
};

} // namespace yaml
} // namespace llvm

/// The start of the entry as a location with no underline: the caret marks
/// its first key.
static SMRange entryLoc(const YamlEntry &Y) {
  return SMRange(Y.Range.Start, Y.Range.Start);
}

/// Checks that an entry has what its section needs and only roles the
/// section can hold, parses its roles and stamps the target kind. Every
/// problem is added to \p RC; returns true if there was none.
static bool checkEntry(YamlEntry &Y, ModelEntry::TargetKind Kind,
                       StringRef SectionName, ReadContext &RC) {
  ModelEntry &E = Y.Entry;
  E.Target = Kind;
  size_t Before = RC.Problems.size();
  bool HasFieldKeys = !E.Struct.empty() || !E.Member.empty();
  bool HasNameKeys = !E.Name.empty() || !E.Pattern.empty();
  if (Y.HasUnknownKey) {
    // The shape is not checked: the key that seems missing is most likely
    // the misspelt one, reported already.
  } else if (Kind == ModelEntry::Field) {
    if (E.Struct.empty() || E.Member.empty())
      RC.add(entryLoc(Y), "an entry under 'fields' needs 'struct' and 'field'");
    else if (HasNameKeys)
      RC.add(entryLoc(Y), "an entry under 'fields' takes 'struct' and "
                          "'field', not 'name' or 'match'");
  } else if (HasFieldKeys) {
    RC.add(entryLoc(Y), "an entry with 'struct' and 'field' belongs under "
                        "'fields', not under '" +
                            SectionName + "'");
  } else if (E.Name.empty() == E.Pattern.empty()) {
    RC.add(entryLoc(Y), "an entry needs exactly one of 'name' (exact symbol) "
                        "or 'match' (glob over the demangled name)");
  } else if (Kind == ModelEntry::Global && !E.Pattern.empty()) {
    RC.add(entryLoc(Y), "an entry under 'globals' takes 'name' (globals are "
                        "matched by exact name), not 'match'");
  }
  if (Y.RoleTexts.empty() && !Y.HasUnknownKey)
    RC.add(entryLoc(Y), "an entry needs at least one role, e.g. 'roles: "
                        "[wait]'");
  std::string Origin = RC.where(Y.Range.Start.getPointer());
  for (const RoleText &T : Y.RoleTexts) {
    Expected<RoleSpec> Parsed = parseRoleSpec(T.Text);
    if (!Parsed) {
      RC.add(T.Range, "invalid role " + toString(Parsed.takeError()));
      continue;
    }
    bool FlagOnly = Kind != ModelEntry::Function;
    if (FlagOnly != (Parsed->Kind == RoleKind::Flag)) {
      RC.add(T.Range,
             "role '" + Parsed->Text + "' cannot be under '" + SectionName +
                 "': " +
                 (FlagOnly
                      ? std::string("only 'flag' applies to a ") +
                            (Kind == ModelEntry::Global ? "global" : "field")
                      : std::string("'flag' applies to globals and "
                                    "fields, not functions")));
      continue;
    }
    Parsed->Origin = {RoleOrigin::ModelFile, Origin};
    E.Roles.push_back(std::move(*Parsed));
  }
  return RC.Problems.size() == Before;
}

/// A flow collection ('[' or '{') still open when a later line starts at or
/// left of the line that opened it. YAML's parser notices only where the
/// next token cannot continue the collection, often lines later; the place
/// to fix is the bracket. Quotes and comments are skipped. Returns null if
/// every collection closes in time.
static const char *unclosedFlowCollection(StringRef Text) {
  SmallVector<std::pair<const char *, size_t>, 4> Open; // bracket, indent
  size_t LineIndent = 0;
  bool AtLineStart = true;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (AtLineStart) {
      size_t J = I;
      while (J < Text.size() && (Text[J] == ' ' || Text[J] == '\t'))
        ++J;
      bool Blank = J == Text.size() || Text[J] == '\n' || Text[J] == '\r' ||
                   Text[J] == '#';
      if (!Blank) {
        LineIndent = J - I;
        bool Closes = Text[J] == ']' || Text[J] == '}';
        if (!Open.empty() && !Closes && LineIndent <= Open.back().second)
          return Open.back().first;
      }
      AtLineStart = false;
      I = J;
      if (I >= Text.size())
        break;
      C = Text[I];
    }
    switch (C) {
    case '\n':
      AtLineStart = true;
      break;
    case '#':
      if (I == 0 || Text[I - 1] == ' ' || Text[I - 1] == '\t') {
        size_t End = Text.find('\n', I);
        if (End == StringRef::npos)
          return nullptr;
        I = End - 1;
      }
      break;
    case '\'':
    case '"': {
      // A quoted scalar; '' and \" stay inside it. It may not span lines
      // in a model file worth diagnosing this way.
      size_t J = I + 1;
      for (; J < Text.size() && Text[J] != '\n'; ++J) {
        if (C == '"' && Text[J] == '\\') {
          ++J;
          continue;
        }
        if (Text[J] == C) {
          if (C == '\'' && J + 1 < Text.size() && Text[J + 1] == '\'') {
            ++J;
            continue;
          }
          break;
        }
      }
      I = J < Text.size() && Text[J] == '\n' ? J - 1 : J;
      break;
    }
    case '[':
    case '{':
      Open.push_back({Text.data() + I, LineIndent});
      break;
    case ']':
    case '}':
      if (!Open.empty())
        Open.pop_back();
      break;
    default:
      break;
    }
  }
  // Still open at the end of the file.
  return Open.empty() ? nullptr : Open.back().first;
}

/// Turns a syntax error that an unclosed bracket caused into an error at
/// the bracket, keeping the parser's own words.
static void blameUnclosedBracket(ReadContext &RC) {
  if (!RC.ParserError || !RC.Problems[*RC.ParserError].Loc)
    return;
  Problem *Syntax = &RC.Problems[*RC.ParserError];
  const char *Bracket = unclosedFlowCollection(RC.Buffer);
  if (!Bracket || Bracket >= Syntax->Loc)
    return;
  auto [Line, Col] = RC.lineAndColumn(Syntax->Loc);
  bool LaterLine = RC.lineAndColumn(Bracket).first < Line;
  Syntax->Message = "'" + std::string(1, *Bracket) + "' is never closed" +
                    (LaterLine ? ": a later line at its indentation starts "
                                 "a new item"
                               : "") +
                    " (the parser stopped at line " + std::to_string(Line) +
                    ", column " + std::to_string(Col) + ": " + Syntax->Message +
                    ")";
  Syntax->Loc = Bracket;
  Syntax->Range = SMRange(SMLoc::getFromPointer(Bracket),
                          SMLoc::getFromPointer(Bracket + 1));
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
    Section.push_back({E, {}, SMRange()});
  }
  OS << "# " << Comment << "\n";
  yaml::Output Out(OS);
  Out << Model;
}

bool cancelverify::readModelFile(StringRef Path,
                                 std::vector<ModelEntry> &Entries,
                                 std::vector<ModelDiagnostic> &Diags,
                                 bool Strict) {
  auto BufOrErr = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!BufOrErr) {
    Diags.push_back({ModelDiagnostic::Error,
                     "cannot read model file '" + Path.str() +
                         "': " + BufOrErr.getError().message()});
    return false;
  }
  return readModelBuffer((*BufOrErr)->getBuffer(), Path, Entries, Diags,
                         Strict);
}

bool cancelverify::readModelBuffer(StringRef Text, StringRef Name,
                                   std::vector<ModelEntry> &Entries,
                                   std::vector<ModelDiagnostic> &Diags,
                                   bool Strict) {
  ReadContext RC;
  RC.Path = Name;
  RC.Buffer = Text;
  auto Handler = [](const SMDiagnostic &D, void *Ctx) {
    static_cast<ReadContext *>(Ctx)->addParserDiagnostic(D);
  };
  YamlModel Model;
  bool SyntaxOK;
  {
    yaml::Input In(MemoryBufferRef(Text, Name), &RC, Handler, &RC);
    // Unknown keys come back as warnings, so that one misspelt key does not
    // hide the rest of the file; they are made errors above.
    In.setAllowUnknownKeys(true);
    RC.In = &In;
    In >> Model;
    RC.In = nullptr;
    SyntaxOK = !In.error();
    if (!SyntaxOK && llvm::none_of(RC.Problems, [](const Problem &P) {
          return P.Kind == SourceMgr::DK_Error;
        }))
      RC.Problems.push_back(
          {nullptr, SMRange(), "malformed model file", SourceMgr::DK_Error});
  }
  if (!SyntaxOK)
    blameUnclosedBracket(RC);

  // What parsed before a syntax error is checked too: its problems are
  // real, and the user fixes them in the same edit. The entry the parser
  // stopped in is incomplete, so only entries that start before the last
  // one begun are.
  const char *LastStart = nullptr;
  if (!SyntaxOK)
    for (auto *Section : {&Model.Functions, &Model.Globals, &Model.Fields})
      for (const YamlEntry &Y : *Section)
        LastStart = std::max(LastStart, Y.Range.Start.getPointer(),
                             std::less<const char *>());
  std::vector<ModelEntry> Read;
  for (auto [Section, Kind, SectionName] :
       {std::make_tuple(&Model.Functions, ModelEntry::Function, "functions"),
        std::make_tuple(&Model.Globals, ModelEntry::Global, "globals"),
        std::make_tuple(&Model.Fields, ModelEntry::Field, "fields")})
    for (YamlEntry &Y : *Section)
      if ((SyntaxOK || Y.Range.Start.getPointer() != LastStart) &&
          checkEntry(Y, Kind, SectionName, RC))
        Read.push_back(std::move(Y.Entry));

  bool HasErrors = llvm::any_of(RC.Problems, [](const Problem &P) {
    return P.Kind == SourceMgr::DK_Error;
  });
  if (!HasErrors && Read.empty())
    RC.Problems.push_back(
        {nullptr, SMRange(),
         "model file has no entries (it needs a 'functions', 'globals' or "
         "'fields' section with at least one entry)",
         Strict ? SourceMgr::DK_Error : SourceMgr::DK_Warning});

  // Printed like the parser's own messages: file:line:col, the line, and
  // the offending text underlined. The kind label is left to the host
  // (clang prints "error: cancel-verify: ..."), so it is not said twice.
  llvm::stable_sort(RC.Problems, [](const Problem &A, const Problem &B) {
    return std::less<const char *>()(A.Loc, B.Loc);
  });
  SourceMgr SM;
  SM.AddNewSourceBuffer(MemoryBuffer::getMemBuffer(
                            Text, Name, /*RequiresNullTerminator=*/false),
                        SMLoc());
  bool OK = true;
  for (const Problem &P : RC.Problems) {
    bool IsError = P.Kind == SourceMgr::DK_Error;
    OK &= !IsError;
    std::string Message;
    if (!P.Loc) {
      Message = (Name + ": " + P.Message).str();
    } else {
      raw_string_ostream OS(Message);
      SmallVector<SMRange, 1> Ranges;
      if (P.Range.isValid() && P.Range.Start != P.Range.End)
        Ranges.push_back(P.Range);
      SM.GetMessage(SMLoc::getFromPointer(P.Loc), P.Kind, P.Message, Ranges)
          .print(nullptr, OS, /*ShowColors=*/false, /*ShowKindLabel=*/false);
    }
    Diags.push_back(
        {IsError ? ModelDiagnostic::Error : ModelDiagnostic::Warning,
         StringRef(Message).rtrim().str()});
  }
  if (!OK)
    return false;
  for (ModelEntry &E : Read)
    Entries.push_back(std::move(E));
  return true;
}
