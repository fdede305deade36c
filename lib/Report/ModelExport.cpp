//===- ModelExport.cpp - What the summaries learned, as a model file ------===//
//
// Each externally visible function gets the roles the model already gives
// it and, for each role kind the model leaves open, the role its summary
// implies: a fresh handle handed to the caller is `create`, a parameter
// discharged on every path is `cancel` (`defer`, `take`), a possible block
// is `wait`, an observation returned (or acted on by a function returning
// nothing) is `observe`, a root context returned is `root`. A fact the
// model-file grammar cannot say (a handle deep inside a returned struct,
// a discharge on some paths only) is left out: the importing side then
// knows as little as without the file, never something wrong.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/ModelExport.h"

#include "cancelverify/FunctionSummaries.h"
#include "cancelverify/HandleSummaries.h"
#include "cancelverify/SourceFrames.h"
#include "cancelverify/WaitSummary.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace cancelverify {

/// Whether \p F's IR arguments are its source parameters, one for one: no
/// sret slot, no `this`, and as many as its debug info declares (a struct
/// passed by value may be split into several).
static bool argumentsAreParameters(const Function &F) {
  if (F.arg_size() > 0 && F.hasParamAttribute(0, Attribute::StructRet))
    return false;
  const DISubprogram *SP = F.getSubprogram();
  if (!SP || !SP->getType())
    return false;
  DITypeRefArray Types = SP->getType()->getTypeArray();
  if (Types.size() != F.arg_size() + 1)
    return false;
  return F.arg_size() == 0 || !Types[1] || !Types[1]->isObjectPointer();
}

/// The position of \p A in role syntax: `arg1` when the IR arguments are
/// the source parameters, `irarg1` otherwise (exact for the same target).
static SourcePosition positionOf(const Argument &A) {
  if (argumentsAreParameters(*A.getParent()))
    return SourcePosition::arg(A.getArgNo());
  return {SourcePosition::IRArgument, A.getArgNo()};
}

static RoleSpec role(RoleKind K) {
  RoleSpec S;
  S.Kind = K;
  return S;
}

/// The `create` role of a function that hands a fresh handle to its caller,
/// when the grammar can say where: returned, or stored through a pointer
/// parameter (`handle=argN`).
static std::optional<RoleSpec> createRole(const Function &F,
                                          const HandleSite &Fresh) {
  RoleSpec S = role(RoleKind::Create);
  S.Success = Fresh.Success;
  if (Fresh.ParentArg)
    S.Parent = positionOf(*F.getArg(*Fresh.ParentArg));
  if (!Fresh.CalleeExpr) {
    if (Fresh.ReturnOffset != 0)
      return std::nullopt;
    S.Handle = SourcePosition::ret();
    return S;
  }
  const auto *A = dyn_cast<Argument>(Fresh.CalleeExpr->Root);
  ArrayRef<int64_t> Offsets = Fresh.CalleeExpr->Offsets;
  if (!A || A->getParent() != &F || Offsets.size() != 2 || Offsets[0] != 0 ||
      Offsets[1] != 0)
    return std::nullopt;
  S.Handle = positionOf(*A);
  return S;
}

/// The discharge role of \p F for the first parameter it discharges on
/// every path without letting it escape.
static std::optional<RoleSpec> dischargeRole(const Function &F,
                                             HandleSummaries &HS) {
  for (const Argument &A : F.args()) {
    if (!A.getType()->isPointerTy() && !A.getType()->isIntegerTy())
      continue;
    CalleeEffect E = HS.effectOf(F, AccessPath::rootOf(&A));
    if (E.Discharge != CalleeEffect::All || E.Escape || E.Returned ||
        !E.MovedTo.empty())
      continue;
    RoleSpec S = role(E.How.Kind == DischargeKind::Deferred ? RoleKind::Defer
                      : E.How.Kind == DischargeKind::Taken  ? RoleKind::Take
                                                            : RoleKind::Cancel);
    S.Handle = positionOf(A);
    return S;
  }
  return std::nullopt;
}

static std::optional<ModelEntry> functionEntry(const Function &F,
                                               FunctionSummaries &Summaries) {
  const FunctionRoles *R = Summaries.model().rolesOf(&F);
  ModelEntry E;
  E.Target = ModelEntry::Function;
  E.Name = F.getName().str();
  // What the model says stands; the summaries fill what it leaves open.
  bool Create = false, Discharge = false, Wait = false, Observe = false,
       Root = false;
  if (R) {
    for (const std::optional<ResolvedRole> *RR :
         {&R->Create, &R->Cancel, &R->Defer, &R->Take})
      if (*RR)
        E.Roles.push_back((*RR)->Spec);
    Create = R->Create.has_value();
    Discharge = R->Cancel || R->Defer || R->Take;
    if ((Wait = R->Wait.has_value()))
      E.Roles.push_back(role(RoleKind::Wait));
    if ((Observe = R->Observe.has_value()))
      E.Roles.push_back(role(RoleKind::Observe));
    if ((Root = R->Root.has_value()))
      E.Roles.push_back(role(RoleKind::Root));
  }
  if (HandleSummaries *HS = Summaries.handles()) {
    if (!Create)
      if (const HandleSite *Fresh = HS->freshHandle(F))
        if (std::optional<RoleSpec> S = createRole(F, *Fresh))
          E.Roles.push_back(*S);
    if (!Discharge)
      if (std::optional<RoleSpec> S = dischargeRole(F, *HS))
        E.Roles.push_back(*S);
    if (!Root && HS->returnsRoot(F))
      E.Roles.push_back(role(RoleKind::Root));
  }
  if (const WaitSummary *W = Summaries.waits().lookup(&F)) {
    if (!Wait && W->Blocks)
      E.Roles.push_back(role(RoleKind::Wait));
    // `observe` means: the result says whether cancelled, or, returning
    // nothing, the call acts on it itself.
    bool Void = F.getReturnType()->isVoidTy();
    if (!Observe && ((!Void && W->Returns && !W->Returns.Inferred) ||
                     (Void && W->Leaves && !W->Leaves.Inferred)))
      E.Roles.push_back(role(RoleKind::Observe));
  }
  if (E.Roles.empty())
    return std::nullopt;
  return E;
}

std::vector<ModelEntry> exportedModel(FunctionSummaries &Summaries) {
  std::vector<ModelEntry> Out;
  Module &M = Summaries.module();
  for (const Function &F : M) {
    if (F.isDeclaration() || F.hasLocalLinkage() || F.isIntrinsic() ||
        isImplementationName(sourceName(F)))
      continue;
    if (std::optional<ModelEntry> E = functionEntry(F, Summaries))
      Out.push_back(std::move(*E));
  }
  // Flags read here with evidence, then flags written here for readers
  // elsewhere.
  std::vector<WaitSummaries::FlagPlace> Flags =
      Summaries.waits().inferredFlagPlaces(M);
  for (const FlagEvidence::WrittenFlag &W : Summaries.waits().flagsWritten())
    if (none_of(Flags, [&](const WaitSummaries::FlagPlace &P) {
          return P.Global == W.Global && P.Struct == W.Struct &&
                 P.Member == W.Member;
        }))
      Flags.push_back({W.Global, W.Struct, W.Member});
  for (const WaitSummaries::FlagPlace &P : Flags) {
    ModelEntry E;
    if (P.Global) {
      E.Target = ModelEntry::Global;
      E.Name = P.Global->getName().str();
    } else {
      E.Target = ModelEntry::Field;
      E.Struct = P.Struct;
      E.Member = P.Member;
    }
    E.Roles.push_back(role(RoleKind::Flag));
    Out.push_back(std::move(E));
  }
  return Out;
}

Error exportModelFile(StringRef Path, FunctionSummaries &Summaries) {
  std::vector<ModelEntry> Entries = exportedModel(Summaries);
  std::error_code EC;
  raw_fd_ostream OS(Path, EC, sys::fs::OF_Text);
  if (EC)
    return createStringError(EC, "cannot write model file '%s': %s",
                             Path.str().c_str(), EC.message().c_str());
  const Module &M = Summaries.module();
  writeModelFile(OS, Entries,
                 "cancel-verify model inferred from " +
                     (M.getSourceFileName().empty() ? M.getModuleIdentifier()
                                                    : M.getSourceFileName()));
  OS.close();
  if (OS.has_error()) {
    std::string Message = OS.error().message();
    OS.clear_error();
    return createStringError(inconvertibleErrorCode(),
                             "cannot write model file '%s': %s",
                             Path.str().c_str(), Message.c_str());
  }
  return Error::success();
}

Expected<std::vector<ModelEntry>>
mergeModelFiles(ArrayRef<std::string> Paths) {
  std::vector<ModelEntry> Out;
  StringSet<> Seen;
  std::string Errors;
  for (const std::string &Path : Paths) {
    std::vector<ModelEntry> Entries;
    std::vector<ModelDiagnostic> Diags;
    bool Read = readModelFile(Path, Entries, Diags);
    for (const ModelDiagnostic &D : Diags)
      if (D.Severity == ModelDiagnostic::Error)
        Errors += (Errors.empty() ? "" : "\n") + D.Message;
    if (!Read)
      continue;
    for (ModelEntry &E : Entries) {
      // An entry is identified by what it names: the first one wins, as
      // the first model file given does.
      std::string Key = std::to_string(E.Target) + "|" + E.Name + "|" +
                        E.Pattern + "|" + E.ParamPattern + "|" + E.Struct +
                        "|" + E.Member;
      if (Seen.insert(Key).second)
        Out.push_back(std::move(E));
    }
  }
  if (!Errors.empty())
    return createStringError(inconvertibleErrorCode(), Errors);
  return Out;
}

} // namespace cancelverify
