//===- RoleSpec.cpp - Parse "ROLE[:KEY=VALUE,...]" -------------------------===//
//
// The single parser of the role grammar of the user-facing contract. Every
// error names the offending text so a user can find it in a long annotation.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/RoleSpec.h"
#include "cancelverify/FindingKind.h"
#include "cancelverify/Spelling.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace cancelverify {

StringRef roleKindName(RoleKind K) {
  switch (K) {
  case RoleKind::Create:
    return "create";
  case RoleKind::Cancel:
    return "cancel";
  case RoleKind::Defer:
    return "defer";
  case RoleKind::Take:
    return "take";
  case RoleKind::Wait:
    return "wait";
  case RoleKind::Observe:
    return "observe";
  case RoleKind::Root:
    return "root";
  case RoleKind::Flag:
    return "flag";
  case RoleKind::Suppress:
    return "suppress";
  }
  return "?";
}

std::string SourcePosition::str() const {
  switch (Kind) {
  case Return:
    return "ret";
  case This:
    return "this";
  case Argument:
    return "arg" + std::to_string(Index);
  case IRArgument:
    return "irarg" + std::to_string(Index);
  }
  return "?";
}

std::string RoleOrigin::str() const {
  switch (Source) {
  case Annotation:
    return "annotation " + Where;
  case ModelFile:
    return "model " + Where;
  case Builtin:
    return "builtin " + Where;
  }
  return Where;
}

static constexpr std::pair<SuccessCondition, StringLiteral> SuccessNames[] = {
    {SuccessCondition::Always, "always"},
    {SuccessCondition::ReturnsZero, "ret==0"},
    {SuccessCondition::ReturnsNonZero, "ret!=0"},
    {SuccessCondition::ReturnsNonNegative, "ret>=0"},
    {SuccessCondition::ReturnsNegative, "ret<0"},
    {SuccessCondition::ReturnsMinusOne, "ret==-1"},
    {SuccessCondition::ReturnsNotMinusOne, "ret!=-1"},
    {SuccessCondition::ReturnsNull, "ret==null"},
    {SuccessCondition::ReturnsNonNull, "ret!=null"},
};

StringRef successName(SuccessCondition S) {
  for (const auto &[Cond, Name] : SuccessNames)
    if (Cond == S)
      return Name;
  return "?";
}

std::string RoleSpec::str() const {
  std::string S = roleKindName(Kind).str();
  raw_string_ostream OS(S);
  switch (Kind) {
  case RoleKind::Create:
    OS << ":handle=" << Handle.str();
    if (Parent)
      OS << ",parent=" << Parent->str();
    OS << ",success=" << successName(Success);
    break;
  case RoleKind::Cancel:
  case RoleKind::Defer:
  case RoleKind::Take:
    OS << ":handle=" << Handle.str();
    break;
  case RoleKind::Suppress:
    for (size_t I = 0; I < Suppressed.size(); ++I)
      OS << (I ? "," : ":") << Suppressed[I];
    break;
  default:
    break;
  }
  return S;
}

bool isKnownRemarkName(StringRef Name) {
  return findingKindByName(Name).has_value();
}

static constexpr StringRef RoleNames[] = {"create", "cancel", "defer",
                                          "take",   "wait",   "observe",
                                          "root",   "flag",   "suppress"};

static Error roleError(StringRef Text, const Twine &Why) {
  return createStringError(inconvertibleErrorCode(),
                           "'" + Text + "': " + Why);
}

/// Parses argN / irargN / ret / this, restricted to what the key allows.
static std::optional<SourcePosition> parsePosition(StringRef V, bool AllowRet,
                                                   bool AllowThis) {
  unsigned N;
  if (AllowRet && V == "ret")
    return SourcePosition::ret();
  if (AllowThis && V == "this")
    return SourcePosition{SourcePosition::This, 0};
  // After "irarg" only a number may follow: "irargarg1" is no argN.
  if (V.consume_front("irarg")) {
    if (!V.empty() && !V.getAsInteger(10, N))
      return SourcePosition{SourcePosition::IRArgument, N};
    return std::nullopt;
  }
  if (V.consume_front("arg") && !V.empty() && !V.getAsInteger(10, N))
    return SourcePosition::arg(N);
  return std::nullopt;
}

Expected<RoleSpec> parseRoleSpec(StringRef Text) {
  StringRef Role, Keys;
  std::tie(Role, Keys) = Text.trim().split(':');
  Role = Role.trim();
  std::optional<RoleKind> K = StringSwitch<std::optional<RoleKind>>(Role)
                                  .Case("create", RoleKind::Create)
                                  .Case("cancel", RoleKind::Cancel)
                                  .Case("defer", RoleKind::Defer)
                                  .Case("take", RoleKind::Take)
                                  .Case("wait", RoleKind::Wait)
                                  .Case("observe", RoleKind::Observe)
                                  .Case("root", RoleKind::Root)
                                  .Case("flag", RoleKind::Flag)
                                  .Case("suppress", RoleKind::Suppress)
                                  .Default(std::nullopt);
  if (!K) {
    std::string Hint = didYouMean(Role, ArrayRef<StringRef>(RoleNames));
    if (!Hint.empty())
      return roleError(Text, "unknown role '" + Role + "'" + Hint);
    return roleError(Text, "unknown role '" + Role +
                               "' (expected create, cancel, defer, take, "
                               "wait, observe, root, flag or suppress)");
  }
  RoleSpec Spec;
  Spec.Kind = *K;
  Spec.Text = Text.trim().str();
  Spec.Handle = *K == RoleKind::Create ? SourcePosition::ret()
                                       : SourcePosition::arg(0);
  bool HasKeys = Text.trim().contains(':');
  if (HasKeys && Keys.trim().empty())
    return roleError(Text, "empty key list after '" + Role + ":'");
  if (!HasKeys)
    return Spec;

  SmallVector<StringRef, 4> Items;
  Keys.split(Items, ',');
  if (*K == RoleKind::Suppress) {
    for (StringRef Item : Items) {
      Item = Item.trim();
      if (!isKnownRemarkName(Item)) {
        SmallVector<StringRef, NumFindingKinds> Names;
        for (unsigned I = 0; I < NumFindingKinds; ++I)
          Names.push_back(findingName(static_cast<FindingKind>(I)));
        return roleError(Text, "unknown remark name '" + Item +
                                   "' in suppress list" +
                                   didYouMean(Item, Names));
      }
      Spec.Suppressed.push_back(Item.str());
    }
    return Spec;
  }
  for (StringRef Item : Items) {
    StringRef Key, Value;
    std::tie(Key, Value) = Item.split('=');
    Key = Key.trim();
    Value = Value.trim();
    if (!Item.contains('=') || Value.empty())
      return roleError(Text, "malformed key '" + Item.trim() +
                                 "' (expected KEY=VALUE)");
    bool IsCreate = *K == RoleKind::Create;
    bool TakesHandle = IsCreate || *K == RoleKind::Cancel ||
                       *K == RoleKind::Defer || *K == RoleKind::Take;
    if (Key == "handle" && TakesHandle) {
      auto P = parsePosition(Value, /*AllowRet=*/IsCreate,
                             /*AllowThis=*/*K != RoleKind::Defer &&
                                 *K != RoleKind::Take);
      if (!P)
        return roleError(Text, "malformed value '" + Value + "' for handle (expected " +
                                   (IsCreate ? "ret, argN or this"
                                    : *K == RoleKind::Cancel ? "argN or this"
                                                             : "argN") +
                                   ")");
      Spec.Handle = *P;
    } else if (Key == "parent" && IsCreate) {
      auto P = parsePosition(Value, /*AllowRet=*/false, /*AllowThis=*/true);
      if (!P)
        return roleError(Text, "malformed value '" + Value +
                                   "' for parent (expected argN or this)");
      Spec.Parent = *P;
    } else if (Key == "success" && IsCreate) {
      std::string Compact;
      for (char C : Value)
        if (C != ' ')
          Compact += C;
      // `ret==NULL` and `ret==nullptr` are C's and C++'s null.
      std::string Lower = StringRef(Compact).lower();
      StringRef Norm = Lower;
      std::string Null;
      if (Norm.consume_back("nullptr") || Norm.consume_back("null"))
        Norm = Null = Norm.str() + "null";
      auto It = llvm::find_if(SuccessNames, [&](const auto &Entry) {
        return Entry.second == Norm;
      });
      if (It == std::end(SuccessNames))
        return roleError(Text, "malformed value '" + Value +
                                   "' for success (expected always, ret==0, "
                                   "ret!=0, ret>=0, ret<0, ret==-1, ret!=-1, "
                                   "ret==null or ret!=null)");
      Spec.Success = It->first;
    } else {
      // The keys this role takes, for the suggestion; a role without keys
      // says so instead.
      SmallVector<StringRef, 3> Valid;
      if (TakesHandle)
        Valid.push_back("handle");
      if (IsCreate)
        Valid.append({"parent", "success"});
      if (Valid.empty())
        return roleError(Text, "unknown key '" + Key + "': role '" + Role +
                                   "' takes no keys");
      return roleError(Text, "unknown key '" + Key + "' for role '" + Role +
                                 "'" + didYouMean(Key, Valid));
    }
  }
  return Spec;
}

} // namespace cancelverify
