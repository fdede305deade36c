//===- UnmatchedEntries.cpp - Model entries that match nothing -------------===//
//
// An entry of a model file that matches no symbol is either dead or
// misspelt, and a misspelt one silently switches a check off. In a whole
// program every such entry is worth a warning. In one translation unit most
// entries of a library's model have nothing to match, so only a likely typo
// is: an exact name one edit (or one swap of neighbouring letters) away from
// a function or global of the module that has no roles of its own.
//
// Typos are found through an index of single-letter deletions (two names
// within one edit or one swap share a deletion), so the cost is linear in
// the total length of the names indexed, not entries times symbols. Only
// the module's names within one letter of the length of some unmatched
// exact name are indexed: this runs in every compile whose model has
// entries for functions the file does not use.
//
//===----------------------------------------------------------------------===//
#include "ModelSources.h"

#include "cancelverify/Spelling.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace cancelverify {

namespace {

/// The names of the module's functions or globals without roles that an
/// unmatched entry could be a typo of, indexed by every single-letter
/// deletion of each name.
class TypoIndex {
public:
  /// Names the index will be asked about: only names one letter longer or
  /// shorter than one of them, or as long, are worth indexing.
  void expect(StringRef Word) {
    if (Word.size() >= MinLength)
      Lengths.insert(Word.size());
  }

  void add(StringRef Name) {
    size_t L = Name.size();
    if (L < MinLength ||
        !(Lengths.count(L) || Lengths.count(L - 1) || Lengths.count(L + 1)))
      return;
    Names.push_back(Name);
    unsigned Id = Names.size() - 1;
    forEachVariant(Name, [&](hash_code H) { Index[H].push_back(Id); });
  }

  /// The first indexed name, in module order, that \p Word is one typo
  /// from, so the answer is deterministic; empty if there is none.
  StringRef find(StringRef Word) const {
    if (Word.size() < MinLength)
      return StringRef();
    unsigned Best = ~0u;
    forEachVariant(Word, [&](hash_code H) {
      auto It = Index.find(H);
      if (It == Index.end())
        return;
      for (unsigned Id : It->second)
        if (Id < Best && isOneTypoApart(Word, Names[Id]))
          Best = Id;
    });
    return Best == ~0u ? StringRef() : Names[Best];
  }

private:
  /// Short names are too close to each other for a suggestion to mean
  /// anything ("recv" and "read" are not typos of one another).
  static constexpr size_t MinLength = 5;

  template <typename Fn> static void forEachVariant(StringRef S, Fn F) {
    F(hash_value(S));
    std::string Deleted;
    for (size_t I = 0; I < S.size(); ++I) {
      Deleted.assign(S.data(), I);
      Deleted.append(S.data() + I + 1, S.size() - I - 1);
      F(hash_value(StringRef(Deleted)));
    }
  }

  DenseSet<size_t> Lengths;
  std::vector<StringRef> Names;
  DenseMap<hash_code, SmallVector<unsigned, 1>> Index;
};

std::string describeEntry(const ModelEntry &E) {
  switch (E.Target) {
  case ModelEntry::Function:
    return E.Name.empty() ? "'match: " + E.Pattern + "'"
                          : "'name: " + E.Name + "'";
  case ModelEntry::Global:
    return "'name: " + E.Name + "'";
  case ModelEntry::Field:
    return "'struct: " + E.Struct + ", field: " + E.Member + "'";
  }
  return std::string();
}

StringRef targetNoun(const ModelEntry &E) {
  switch (E.Target) {
  case ModelEntry::Function:
    return "function";
  case ModelEntry::Global:
    return "global";
  case ModelEntry::Field:
    return "struct field";
  }
  return "symbol";
}

} // namespace

bool reportUnmatchedEntries(const Module &M,
                            ArrayRef<const ModelEntry *> Unmatched,
                            function_ref<bool(const GlobalValue &)> IsModelled,
                            const ModelConfig &Config,
                            std::vector<ModelDiagnostic> &Diags) {
  if (Unmatched.empty())
    return true;
  size_t Before = Diags.size();
  // Functions and globals are indexed apart so a suggestion is of the
  // entry's own kind.
  TypoIndex Functions, Globals;
  for (const ModelEntry *E : Unmatched)
    if (!E->Name.empty() && E->Target != ModelEntry::Field)
      (E->Target == ModelEntry::Global ? Globals : Functions).expect(E->Name);
  for (const Function &F : M)
    if (!F.isIntrinsic() && !IsModelled(F))
      Functions.add(F.getName());
  for (const GlobalVariable &GV : M.globals())
    if (!GV.getName().starts_with("llvm.") && !IsModelled(GV))
      Globals.add(GV.getName());

  // A whole program warns about every entry, but a long list of dead
  // entries of one file says no more than its first few and a count.
  constexpr unsigned ShownPerFile = 5;
  StringMap<unsigned> PerFile;
  StringMap<unsigned> Hidden;
  std::vector<std::string> FileOrder;
  auto Severity =
      Config.Strict ? ModelDiagnostic::Error : ModelDiagnostic::Warning;
  StringRef Scope = Config.WholeProgram ? "the program" : "this module";
  for (const ModelEntry *E : Unmatched) {
    StringRef Near;
    if (!E->Name.empty() && E->Target != ModelEntry::Field)
      Near =
          (E->Target == ModelEntry::Global ? Globals : Functions).find(E->Name);
    if (!Config.WholeProgram && Near.empty())
      continue;
    const std::string &Where = E->Roles.front().Origin.Where;
    StringRef File = StringRef(Where).split(':').first;
    if (++PerFile[File] > ShownPerFile && Near.empty()) {
      if (Hidden[File]++ == 0)
        FileOrder.push_back(File.str());
      continue;
    }
    std::string Message = Where + ": model entry " + describeEntry(*E) +
                          " matches no " + targetNoun(*E).str() + " in " +
                          Scope.str();
    if (!Near.empty())
      Message += "; did you mean '" + Near.str() + "'?";
    Diags.push_back({Severity, Message});
  }
  for (const std::string &File : FileOrder)
    Diags.push_back({Severity, File + ": " + std::to_string(Hidden[File]) +
                                   " more entries match nothing in " +
                                   Scope.str()});
  return !Config.Strict || Diags.size() == Before;
}

} // namespace cancelverify
