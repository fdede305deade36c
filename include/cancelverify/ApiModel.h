//===- ApiModel.h - What the user's API means ------------------*- C++ -*-===//
//
// The ApiModel answers, for one module, which functions create, cancel, defer,
// wait, observe or return a root context, and which globals and struct fields
// are cancel flags. It merges three sources, in this priority:
//   1. source annotations (llvm.global.annotations, llvm.ptr.annotation),
//   2. YAML model files (-cancel-verify-model=FILE),
//   3. built-in catalogs (POSIX, pthread, C++ standard library).
// Roles are written in source terms (argN counts source parameters); the
// model resolves them to IR arguments once, so the checks only see IR.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_APIMODEL_H
#define CANCELVERIFY_APIMODEL_H

#include "cancelverify/RoleSpec.h"

#include "llvm/ADT/APInt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/IR/DebugLoc.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class CallBase;
class Function;
class GlobalVariable;
class LoadInst;
class Module;
class Value;
class raw_ostream;
} // namespace llvm

namespace cancelverify {

/// A position resolved to the IR: the return value, or an IR argument index.
struct IRPosition {
  enum KindTy { Return, Argument } Kind = Return;
  unsigned ArgNo = 0;
  /// The argument is the sret slot standing for the source return value.
  bool ViaSRet = false;
  std::string str() const;
};

/// A role of one function with its positions resolved to the IR.
struct ResolvedRole {
  RoleSpec Spec;
  IRPosition Handle;
  std::optional<IRPosition> Parent;
};

/// Everything the model says about one function.
struct FunctionRoles {
  /// Take: the function takes ownership of the handle (it now owes the
  /// cancel), which discharges the caller.
  std::optional<ResolvedRole> Create, Cancel, Defer, Take;
  std::optional<RoleOrigin> Wait, Observe, Root;
  /// Suppressed remark names; SuppressAll silences every finding.
  bool SuppressAll = false;
  std::vector<std::string> Suppressed;
  std::optional<RoleOrigin> SuppressOrigin;
  /// The built-in wait applies only when the call's arguments say so
  /// (syscall(SYS_futex, ..., FUTEX_WAIT, ...)).
  bool WaitOnlyForFutex = false;

  bool empty() const {
    return !Create && !Cancel && !Defer && !Take && !Wait && !Observe && !Root &&
           !SuppressAll && Suppressed.empty();
  }
  bool suppresses(llvm::StringRef RemarkName) const;
};

/// The origin of a flag role on a global or struct field.
struct FlagInfo {
  RoleOrigin Origin;
  std::string Description; ///< "global g_stop", "field worker::stop"
};

/// A diagnostic about the model itself (bad annotation, bad model file).
struct ModelDiagnostic {
  enum SeverityKind { Warning, Error } Severity = Warning;
  std::string Message;
  /// Where the offending text is, when known.
  const llvm::Function *F = nullptr;
};

/// Which built-in catalogs are active.
struct CatalogSelection {
  bool Posix = true, Pthread = true, Cxx = true;
};

/// Inputs that select the model: files and catalogs.
struct ModelConfig {
  std::vector<std::string> ModelFiles;
  CatalogSelection Catalogs;
  /// -cancel-verify-strict: an empty model file and a model entry that
  /// matches nothing are errors instead of warnings.
  bool Strict = false;
  /// The module is the whole program (the command-line verifier, a full LTO
  /// link): every model entry that matches nothing is worth a warning. In
  /// one translation unit most entries of a library's model match nothing,
  /// so there only an exact name one typo away from an unmodelled function
  /// of the module is.
  bool WholeProgram = false;
};

/// An entry of a model file or catalog before it meets a module.
struct ModelEntry {
  enum TargetKind { Function, Global, Field } Target = Function;
  /// Exact symbol (or global name); empty if Pattern is used.
  std::string Name;
  /// Glob over the demangled name (functions only), which is tried with and
  /// without the return type templates demangle with.
  std::string Pattern;
  /// If set, some top-level parameter type must match this glob too (the
  /// catalog's stop_token-taking waits).
  std::string ParamPattern;
  /// Field: the struct name and the member (name or index).
  std::string Struct, Member;
  std::vector<RoleSpec> Roles;
  bool FutexOnly = false;
};

class ApiModel {
public:
  /// Builds the model of \p M. Errors in model files are returned in Diags
  /// with Severity Error; the caller must not analyse in that case.
  static std::unique_ptr<ApiModel> build(llvm::Module &M,
                                         const ModelConfig &Config,
                                         std::vector<ModelDiagnostic> &Diags);

  /// The roles of \p F, or null if the model says nothing about it.
  const FunctionRoles *rolesOf(const llvm::Function *F) const;
  /// The roles that apply to this call (direct callee, with the call's
  /// arguments checked for argument-dependent catalog entries).
  const FunctionRoles *rolesOfCall(const llvm::CallBase &CB) const;

  /// The bits of a load's value that its uses depend on (DemandedBits).
  using DemandedBitsFn = llvm::function_ref<llvm::APInt(const llvm::LoadInst &)>;

  /// The flag this load reads, if it reads one (global, annotated or
  /// modelled field). A bitfield flag is read when \p Demanded says the
  /// load's uses depend on its bits (without it, when the load covers
  /// them).
  const FlagInfo *flagRead(const llvm::LoadInst &LI,
                           DemandedBitsFn Demanded = nullptr) const;

  /// Prints every function and global the module references with its
  /// resolved roles and their origins.
  void print(llvm::raw_ostream &OS) const;

  bool hasCreators() const { return HasCreators; }

private:
  friend class ApiModelBuilder;
  llvm::Module *M = nullptr;
  llvm::DenseMap<const llvm::Function *, FunctionRoles> Functions;
  llvm::DenseMap<const llvm::GlobalVariable *, FlagInfo> FlagGlobals;
  /// Flag fields keyed by (IR struct type name, byte offset).
  std::map<std::pair<std::string, uint64_t>, FlagInfo> FlagFields;
  /// Bitfield flags by the struct's source name: first bit and width from
  /// the start of the struct.
  struct BitFlag {
    uint64_t BitOffset, BitSize;
    FlagInfo Info;
  };
  std::map<std::string, std::vector<BitFlag>> BitFlagFields;
  const FlagInfo *bitFlagRead(const llvm::LoadInst &LI,
                              DemandedBitsFn Demanded) const;
  /// llvm.ptr.annotation calls that mark a flag field access.
  llvm::DenseMap<const llvm::Value *, FlagInfo> FlagPointers;
  bool HasCreators = false;
};

/// Writes \p Entries as a model file (sections functions, globals, fields,
/// in that order), after the comment line \p Comment ("# " is added).
void writeModelFile(llvm::raw_ostream &OS, llvm::ArrayRef<ModelEntry> Entries,
                    llvm::StringRef Comment);

/// Parses model files into entries (used by ApiModel::build and by tests).
/// Appends every problem of the file to Diags, errors and warnings, each
/// with file:line:col, the line and the offending text underlined. Returns
/// false, and adds no entry, if there was an error. A file without entries
/// is a warning, or an error when \p Strict.
bool readModelFile(llvm::StringRef Path, std::vector<ModelEntry> &Entries,
                   std::vector<ModelDiagnostic> &Diags, bool Strict = false);

/// Parses the text of a model file already in memory; \p Name stands for the
/// file in messages and role origins. readModelFile reads the file and calls
/// this, so both report the same errors. \p Text need not be null-terminated.
bool readModelBuffer(llvm::StringRef Text, llvm::StringRef Name,
                     std::vector<ModelEntry> &Entries,
                     std::vector<ModelDiagnostic> &Diags, bool Strict = false);

/// The built-in catalog entries for the selected catalogs.
std::vector<ModelEntry> builtinCatalog(const CatalogSelection &Selection);

/// Parses "posix,pthread,cxx" / "all" / "none".
llvm::Expected<CatalogSelection> parseCatalogList(llvm::StringRef List);

} // namespace cancelverify

#endif // CANCELVERIFY_APIMODEL_H
