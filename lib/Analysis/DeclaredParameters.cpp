//===- DeclaredParameters.cpp - Declared pointer-to-const parameters ------===//
//
// The source is read, never compiled: comments, string and character
// literals are blanked, then every `name ( ... ) ... ;` that is preceded by
// a type (an identifier that is not a statement keyword, or a `*`) is taken
// as a prototype. A call statement is preceded by `;`, `{`, `=` and the
// like, so it is not one. Only files the translation unit itself names are
// read (quoted includes, resolved beside the file that includes them or in
// the nearest directory above it that has them), with
// bounds on depth, count and size; what is not found is not known, and the
// argument is then treated as it always was (it may be kept).
//
//===----------------------------------------------------------------------===//
#include "DeclaredParameters.h"

#include "cancelverify/SourceFrames.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace cancelverify {

/// Bounds on what is read for one module.
static constexpr unsigned MaxIncludeDepth = 8;
static constexpr unsigned MaxFiles = 256;
static constexpr uint64_t MaxBytes = 64ull << 20;
/// A quoted include not found beside its includer is looked for in the
/// directories above it, this many levels up, and in their subdirectories
/// (at most this many per directory).
static constexpr unsigned MaxIncludeAncestors = 4;
static constexpr unsigned MaxSubdirectories = 64;

bool DeclaredParameters::isPointerToConst(StringRef Text) {
  // Template argument lists say nothing of the parameter's own constness
  // (`std::function<void ()> const&`): they are dropped, nested ones
  // included. An unbalanced list is not judged.
  std::string Outer;
  unsigned Depth = 0;
  for (char C : Text) {
    if (C == '<')
      ++Depth;
    else if (C == '>') {
      if (Depth == 0)
        return false;
      --Depth;
    } else if (Depth == 0) {
      Outer.push_back(C);
    }
  }
  if (Depth != 0)
    return false;
  StringRef P = Outer;
  // A function pointer or an array is not judged.
  if (P.find_first_of("()[]") != StringRef::npos)
    return false;
  size_t Star = P.find_first_of("*&");
  if (Star == StringRef::npos)
    return false;
  // Exactly one level: `&&` (an rvalue reference) and `**` are not.
  if (P.find_first_of("*&", Star + 1) != StringRef::npos)
    return false;
  SmallVector<StringRef, 4> Words;
  SplitString(P.take_front(Star), Words, " \t\n");
  return is_contained(Words, "const");
}

std::optional<DeclaredParameters::ConstFlags>
DeclaredParameters::fromMangledName(const Function &F) {
  ItaniumPartialDemangler D;
  if (D.partialDemangle(F.getName().data()) || !D.isFunction())
    return std::nullopt;
  size_t N = 0;
  char *Params = D.getFunctionParameters(nullptr, &N);
  if (!Params)
    return std::nullopt;
  // A variadic function is not judged: its `...` has no IR argument, so
  // the list would not be the IR's arguments one for one.
  std::optional<SmallVector<std::string, 8>> List;
  if (!StringRef(Params).contains("..."))
    List = splitDemangledParams(Params);
  std::free(Params);
  if (!List)
    return std::nullopt;
  ConstFlags Flags;
  // A member function qualified `const` (only members have qualifiers) is
  // given `this` first, as a pointer to const.
  if (D.hasFunctionQualifiers() && List->size() + 1 == F.arg_size() &&
      isConstQualified(demangle(F.getName())))
    Flags.push_back(true);
  for (const std::string &P : *List)
    Flags.push_back(isPointerToConst(P));
  return Flags;
}

bool DeclaredParameters::isConstQualified(StringRef Demangled) {
  StringRef T = Demangled.rtrim();
  // The qualifiers follow the parameter list: `const`, `volatile`, `&`,
  // `&&`, in that order.
  if (!T.consume_back("&&"))
    T.consume_back("&");
  T = T.rtrim();
  if (T.consume_back(" volatile"))
    T = T.rtrim();
  return T.ends_with(") const");
}

/// \p Text with comments, string and character literals replaced by spaces
/// (newlines kept).
static std::string blankCommentsAndLiterals(StringRef Text) {
  std::string Out(Text.begin(), Text.end());
  size_t I = 0, N = Out.size();
  auto Blank = [&](size_t From, size_t To) {
    for (size_t K = From; K < To && K < N; ++K)
      if (Out[K] != '\n')
        Out[K] = ' ';
  };
  while (I < N) {
    if (Out[I] == '/' && I + 1 < N && Out[I + 1] == '/') {
      size_t E = Out.find('\n', I);
      E = E == std::string::npos ? N : E;
      Blank(I, E);
      I = E;
    } else if (Out[I] == '/' && I + 1 < N && Out[I + 1] == '*') {
      size_t E = Out.find("*/", I + 2);
      E = E == std::string::npos ? N : E + 2;
      Blank(I, E);
      I = E;
    } else if (Out[I] == '"' || Out[I] == '\'') {
      char Q = Out[I];
      size_t E = I + 1;
      while (E < N && Out[E] != Q && Out[E] != '\n')
        E += Out[E] == '\\' ? 2 : 1;
      E = std::min(E + 1, N);
      Blank(I, E);
      I = E;
    } else {
      ++I;
    }
  }
  return Out;
}

static bool isIdentChar(char C) { return isAlnum(C) || C == '_'; }

/// Words that precede a call, not a declared name.
static bool isStatementWord(StringRef W) {
  return W == "return" || W == "else" || W == "case" || W == "goto" ||
         W == "do" || W == "sizeof" || W == "typeof" || W == "define" ||
         W == "defined" || W == "if" || W == "while" || W == "for" ||
         W == "switch" || W == "throw" || W == "new" || W == "delete" ||
         W == "co_return" || W == "co_await" || W == "alignof" ||
         W == "decltype" || W == "__typeof__" || W == "_Alignof";
}

void DeclaredParameters::addPrototypes(StringRef Text) {
  size_t N = Text.size();
  for (size_t I = 0; I < N;) {
    if (!isIdentChar(Text[I]) || (I > 0 && isIdentChar(Text[I - 1]))) {
      ++I;
      continue;
    }
    size_t NameEnd = I;
    while (NameEnd < N && isIdentChar(Text[NameEnd]))
      ++NameEnd;
    StringRef Name = Text.slice(I, NameEnd);
    size_t Open = Text.find_first_not_of(" \t\r\n", NameEnd);
    size_t NameStart = I;
    I = NameEnd;
    if (isDigit(Name[0]) || Open == StringRef::npos || Text[Open] != '(')
      continue;
    // What precedes the name: a type word, or a `*`.
    size_t Before =
        Text.find_last_not_of(" \t\r\n", NameStart ? NameStart - 1 : 0);
    if (NameStart == 0 || Before == StringRef::npos)
      continue;
    if (Text[Before] != '*' && !isIdentChar(Text[Before]))
      continue;
    if (isIdentChar(Text[Before])) {
      size_t WordStart = Before;
      while (WordStart > 0 && isIdentChar(Text[WordStart - 1]))
        --WordStart;
      if (isStatementWord(Text.slice(WordStart, Before + 1)))
        continue;
    }
    // The matching parenthesis, within a bounded distance.
    int Depth = 0;
    size_t Close = StringRef::npos;
    for (size_t K = Open; K < N && K < Open + 4096; ++K) {
      if (Text[K] == '(')
        ++Depth;
      else if (Text[K] == ')' && --Depth == 0) {
        Close = K;
        break;
      } else if (Text[K] == ';' || Text[K] == '{' || Text[K] == '}') {
        break;
      }
    }
    if (Close == StringRef::npos)
      continue;
    // Then attributes or macros (`__attribute__((nonnull))`, `__THROW`)
    // and the `;` that makes it a declaration.
    size_t K = Close + 1;
    Depth = 0;
    for (; K < N && K < Close + 512; ++K) {
      char C = Text[K];
      if (C == '(')
        ++Depth;
      else if (C == ')')
        --Depth;
      else if (Depth == 0 && (C == ';' || C == '{' || C == '=' || C == ','))
        break;
    }
    if (K >= N || Text[K] != ';')
      continue;
    // The variadic part has no IR arguments and is left out.
    std::optional<SmallVector<std::string, 8>> Params =
        splitDemangledParams(Text.slice(Open, Close + 1));
    if (!Params)
      continue;
    ConstFlags Flags;
    for (const std::string &P : *Params)
      Flags.push_back(isPointerToConst(P));
    auto [It, New] = Prototypes.try_emplace(Name, Flags);
    if (!New && It->second && *It->second != Flags)
      It->second = std::nullopt;
  }
}

void DeclaredParameters::scanFile(const std::string &Path, unsigned Depth) {
  if (Depth > MaxIncludeDepth || FilesSeen.size() >= MaxFiles ||
      !FilesSeen.insert(Path).second)
    return;
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf =
      MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf || BytesRead + (*Buf)->getBufferSize() > MaxBytes)
    return;
  BytesRead += (*Buf)->getBufferSize();
  StringRef Raw = (*Buf)->getBuffer();
  std::string Text = blankCommentsAndLiterals(Raw);
  addPrototypes(Text);
  // Quoted includes (resolveInclude). The raw line has the name; the
  // blanked one says the directive is not inside a comment.
  StringRef Dir = sys::path::parent_path(Path);
  size_t Pos = 0;
  StringRef T(Text);
  while (Pos < Raw.size()) {
    size_t End = Raw.find('\n', Pos);
    End = End == StringRef::npos ? Raw.size() : End;
    StringRef Line = T.slice(Pos, End).ltrim();
    if (Line.consume_front("#") && Line.ltrim().starts_with("include")) {
      StringRef RawLine = Raw.slice(Pos, End);
      size_t Q1 = RawLine.find('"');
      size_t Q2 = Q1 == StringRef::npos ? Q1 : RawLine.find('"', Q1 + 1);
      if (Q2 != StringRef::npos)
        if (std::optional<std::string> Inc =
                resolveInclude(Dir, RawLine.slice(Q1 + 1, Q2)))
          scanFile(*Inc, Depth + 1);
    }
    Pos = End + 1;
  }
}

/// Where `#include "Name"` in a file of \p Dir leads: beside the file, as
/// the preprocessor looks first; otherwise in the nearest directory above
/// it, or a subdirectory of one, that has a file of that name, where a
/// project keeps the headers its build finds with `-I` (`include/`,
/// `support/`). The search path itself is not in the IR. The search stops
/// at the project's root (a directory under version control), so another
/// project's header of the same name is not read; a name found as two
/// files at the same level, or at a level too large to list whole, is not
/// used.
std::optional<std::string> DeclaredParameters::resolveInclude(StringRef Dir,
                                                              StringRef Name) {
  SmallString<256> Beside(Dir);
  sys::path::append(Beside, Name);
  if (sys::fs::is_regular_file(Beside))
    return std::string(Beside);
  if (sys::path::is_absolute(Name))
    return std::nullopt;
  std::string Key = (Dir + "\n" + Name).str();
  if (auto It = Resolved.find(Key); It != Resolved.end())
    return It->second;
  std::optional<std::string> Found;
  SmallString<256> Up(Dir);
  for (unsigned Level = 0; Level < MaxIncludeAncestors && !Found; ++Level) {
    if (!sys::path::has_parent_path(Up))
      break;
    SmallString<256> Parent = sys::path::parent_path(Up);
    if (Parent == Up)
      break;
    Up = Parent;
    // One file, however many ways it is reached (a symbolic link).
    SmallVector<std::pair<sys::fs::UniqueID, std::string>, 2> Hits;
    auto Try = [&](SmallString<256> Candidate) {
      sys::fs::UniqueID ID;
      if (!sys::fs::is_regular_file(Candidate) ||
          sys::fs::getUniqueID(Candidate, ID))
        return;
      if (none_of(Hits, [&](const auto &H) { return H.first == ID; }))
        Hits.push_back({ID, std::string(Candidate)});
    };
    SmallString<256> Here(Up);
    sys::path::append(Here, Name);
    Try(Here);
    std::error_code EC;
    unsigned Listed = 0;
    bool Whole = true;
    for (sys::fs::directory_iterator It(Up, EC), End; It != End && !EC;
         It.increment(EC)) {
      StringRef Sub = It->path();
      if (sys::path::filename(Sub).starts_with(".") ||
          !sys::fs::is_directory(Sub))
        continue;
      if (++Listed > MaxSubdirectories) {
        Whole = false;
        break;
      }
      SmallString<256> Candidate(Sub);
      sys::path::append(Candidate, Name);
      Try(Candidate);
    }
    if (EC || !Whole || Hits.size() > 1)
      break;
    if (Hits.size() == 1)
      Found = Hits.front().second;
    // The project's root is the last directory searched.
    for (StringRef Vcs : {".git", ".hg", ".svn"}) {
      SmallString<256> Marker(Up);
      sys::path::append(Marker, Vcs);
      if (sys::fs::exists(Marker))
        Level = MaxIncludeAncestors;
    }
  }
  Resolved[Key] = Found;
  return Found;
}

void DeclaredParameters::scanSources() {
  Scanned = true;
  for (const DICompileUnit *CU : M.debug_compile_units()) {
    const DIFile *File = CU->getFile();
    if (!File)
      continue;
    SmallString<256> Path(File->getFilename());
    if (!sys::path::is_absolute(Path) && !File->getDirectory().empty()) {
      Path = File->getDirectory();
      sys::path::append(Path, File->getFilename());
    }
    scanFile(std::string(Path), 0);
  }
  // Without debug info, the name the module was compiled from.
  if (FilesSeen.empty() && !M.getSourceFileName().empty())
    scanFile(M.getSourceFileName(), 0);
}

std::optional<DeclaredParameters::ConstFlags>
DeclaredParameters::fromSource(const Function &F) {
  if (!Scanned)
    scanSources();
  auto It = Prototypes.find(F.getName());
  if (It == Prototypes.end())
    return std::nullopt;
  return It->second;
}

bool DeclaredParameters::pointsToConst(const Function &F, unsigned ArgNo) {
  auto [It, New] = Cache.try_emplace(F.getName());
  if (New) {
    std::optional<ConstFlags> Flags =
        F.getName().starts_with("_Z") ? fromMangledName(F) : fromSource(F);
    // Only a declaration whose parameters are the IR's arguments one for
    // one (no `this`, no returned struct, no aggregate split in two).
    if (Flags && (Flags->size() != F.arg_size() || F.hasStructRetAttr()))
      Flags = std::nullopt;
    It->second = std::move(Flags);
  }
  return It->second && ArgNo < It->second->size() && (*It->second)[ArgNo];
}

} // namespace cancelverify
