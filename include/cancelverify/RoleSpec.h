//===- RoleSpec.h - One role of the annotation grammar ---------*- C++ -*-===//
//
// The user-facing contract spells a role as "ROLE[:KEY=VALUE,...]", after the
// "cancel-verify:" prefix of an annotation, inside a model file, and in the
// built-in catalogs. This header holds the parsed form and its parser, so the
// three model sources share one grammar and one set of error messages.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_ROLESPEC_H
#define CANCELVERIFY_ROLESPEC_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace cancelverify {

/// The prefix every CancelVerify annotation string starts with.
inline constexpr llvm::StringLiteral AnnotationPrefix = "cancel-verify:";

enum class RoleKind {
  Create,
  Cancel,
  Defer,
  Take,
  Wait,
  Observe,
  Root,
  Flag,
  Suppress
};
inline constexpr unsigned NumRoleKinds = 9;

llvm::StringRef roleKindName(RoleKind K);

/// Where a handle (or parent context) lives, counted in *source* terms: the
/// return value, the N-th source parameter (not counting `this`), or `this`.
/// The extension `irargN` names an IR argument directly, for code without
/// debug info whose ABI lowering cannot be undone.
struct SourcePosition {
  enum KindTy { Return, Argument, This, IRArgument } Kind = Return;
  unsigned Index = 0;

  static SourcePosition ret() { return {Return, 0}; }
  static SourcePosition arg(unsigned N) { return {Argument, N}; }
  std::string str() const;
  bool operator==(const SourcePosition &O) const {
    return Kind == O.Kind && Index == O.Index;
  }
};

/// `success=`: on which outcome of the creating call a handle exists.
enum class SuccessCondition {
  Always,
  ReturnsZero,        ///< ret==0
  ReturnsNonZero,     ///< ret!=0
  ReturnsNonNegative, ///< ret>=0 (open() and friends)
  ReturnsNegative,    ///< ret<0
  ReturnsMinusOne,    ///< ret==-1
  ReturnsNotMinusOne, ///< ret!=-1
  ReturnsNull,        ///< ret==null
  ReturnsNonNull,     ///< ret!=null
};

/// The contract's spelling of a success condition ("ret>=0").
llvm::StringRef successName(SuccessCondition S);

/// Where a role came from, kept for -cancel-verify-print-model and messages.
struct RoleOrigin {
  enum SourceKind { Annotation, ModelFile, Builtin } Source = Builtin;
  /// "file.c:12", "model.yaml:7:5" or the catalog name ("posix").
  std::string Where;
  std::string str() const;
};

/// One parsed role with its keys.
struct RoleSpec {
  RoleKind Kind = RoleKind::Wait;
  /// create: handle (default ret); cancel/defer/take: handle (default arg0).
  SourcePosition Handle;
  /// create: parent context, if given.
  std::optional<SourcePosition> Parent;
  /// create: success condition.
  SuccessCondition Success = SuccessCondition::Always;
  /// suppress: remark names; empty means all.
  std::vector<std::string> Suppressed;
  RoleOrigin Origin;
  /// The role as the user wrote it, for messages about it.
  std::string Text;

  /// The role in the contract's own spelling, e.g. "create:handle=arg2".
  std::string str() const;
};

/// Parses the text after "cancel-verify:". Errors name the offending text.
llvm::Expected<RoleSpec> parseRoleSpec(llvm::StringRef Text);

/// True if \p Name is a remark name of the contract (for suppress lists).
bool isKnownRemarkName(llvm::StringRef Name);

} // namespace cancelverify

#endif // CANCELVERIFY_ROLESPEC_H
