//===- ApiModel.cpp - Merge annotations, model files and catalogs ----------===//
//
// For each function the module references, the first source that gives a
// role wins, per role kind: an annotation in the code overrides a model file,
// which overrides the built-in catalogs. Globs see the demangled name, with
// and without the return type templates demangle with, and never match
// lambdas or other local entities inside a matching function. Positions are
// resolved to IR arguments here, once, so the checks never reason about the
// source ABI.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/ApiModel.h"
#include "ModelSources.h"

#include "cancelverify/CallTarget.h"
#include "cancelverify/DebugTypes.h"
#include "cancelverify/SourceFrames.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Triple.h"

using namespace llvm;

namespace cancelverify {

bool FunctionRoles::suppresses(StringRef RemarkName) const {
  if (SuppressAll)
    return true;
  for (const std::string &S : Suppressed)
    if (S == RemarkName)
      return true;
  return false;
}

/// A model entry with its globs compiled once.
struct CompiledEntry {
  const ModelEntry *Entry;
  std::optional<GlobPattern> Glob, ParamGlob;
  /// Some function, global or field of the module matched the entry.
  bool Matched = false;
};

/// What globs see of a function, computed once per function.
struct DemangledView {
  bool Computed = false;
  /// Lambdas and other local entities carry their enclosing function's name
  /// ("std::latch::wait() const::'lambda'()::operator()()"); a glob for that
  /// function must not match them.
  bool Local = false;
  std::string Full;         ///< as demangled
  std::string NoReturnType; ///< Full without a template's return type
  SmallVector<std::string, 8> Params;

  void compute(StringRef Mangled) {
    Computed = true;
    Full = demangle(Mangled.str());
    NoReturnType = Full;
    if (!Mangled.starts_with("_Z"))
      return;
    Local = Mangled.starts_with("_ZZ");
    std::string Name = Mangled.str(); // outlives every query of D
    ItaniumPartialDemangler D;
    if (D.partialDemangle(Name.c_str()) || !D.isFunction())
      return;
    if (char *Ret = D.getFunctionReturnType(nullptr, nullptr)) {
      StringRef R(Ret);
      if (!R.empty() && StringRef(Full).starts_with((R + " ").str()))
        NoReturnType = Full.substr(R.size() + 1);
      std::free(Ret);
    }
    if (char *P = D.getFunctionParameters(nullptr, nullptr)) {
      if (auto Types = splitDemangledParams(P))
        Params = std::move(*Types);
      std::free(P);
    }
  }
};

/// `conn` for `ns::conn`: model files and debug info may qualify a struct
/// name differently.
static StringRef unqualifiedStruct(StringRef Name) {
  size_t Colon = Name.rfind("::");
  return Colon == StringRef::npos ? Name : Name.substr(Colon + 2);
}

class ApiModelBuilder {
public:
  ApiModelBuilder(ApiModel &Model, Module &M,
                  std::vector<ModelDiagnostic> &Diags,
                  AnnotationLocator &Locator)
      : Model(Model), M(M), Diags(Diags), Locator(Locator) {}

  bool addEntries(const std::vector<ModelEntry> &Entries,
                  std::vector<CompiledEntry> &Out) {
    for (const ModelEntry &E : Entries) {
      CompiledEntry C{&E, std::nullopt, std::nullopt};
      for (auto [Text, Slot] :
           {std::make_pair(&E.Pattern, &C.Glob),
            std::make_pair(&E.ParamPattern, &C.ParamGlob)}) {
        if (Text->empty())
          continue;
        // Brace alternatives ("std::{,__1::}thread::join*") cover both
        // standard libraries in one pattern.
        Expected<GlobPattern> G =
            GlobPattern::create(*Text, /*MaxSubPatterns=*/1024);
        if (!G) {
          Diags.push_back({ModelDiagnostic::Error,
                           E.Roles.front().Origin.Where + ": invalid glob '" +
                               *Text + "': " + toString(G.takeError())});
          return false;
        }
        *Slot = std::move(*G);
      }
      Out.push_back(std::move(C));
    }
    return true;
  }

  void build(const std::vector<AnnotatedRole> &Annotated,
             const std::vector<AnnotatedField> &Fields,
             std::vector<CompiledEntry> &FileEntries,
             std::vector<CompiledEntry> &Builtins) {
    DenseMap<const GlobalValue *, SmallVector<const RoleSpec *, 2>> ByValue;
    for (const AnnotatedRole &A : Annotated)
      ByValue[A.GV].push_back(&A.Spec);

    for (Function &F : M) {
      if (F.isIntrinsic())
        continue;
      SmallVector<std::pair<const RoleSpec *, bool>, 4> Specs;
      for (const RoleSpec *S : ByValue.lookup(&F))
        Specs.push_back({S, false});
      DemangledView Demangled;
      for (auto *Source : {&FileEntries, &Builtins})
        for (CompiledEntry &C : *Source) {
          if (C.Entry->Target != ModelEntry::Function ||
              !matches(C, F, Demangled))
            continue;
          C.Matched = true;
          for (const RoleSpec &S : C.Entry->Roles)
            Specs.push_back({&S, C.Entry->FutexOnly});
        }
      FunctionRoles Roles;
      for (auto [S, Futex] : Specs)
        addRole(F, *S, Futex, Roles);
      if (!Roles.empty()) {
        Model.HasCreators |= Roles.Create.has_value();
        Model.Functions[&F] = std::move(Roles);
      }
    }

    for (const AnnotatedRole &A : Annotated)
      if (auto *GV = dyn_cast<GlobalVariable>(A.GV))
        Model.FlagGlobals.try_emplace(GV,
                                      FlagInfo{A.Spec.Origin, "global " +
                                                                  GV->getName().str()});
    // Annotated fields first: an annotation overrides a model file.
    for (const AnnotatedField &AF : Fields) {
      std::string Desc =
          AF.StructName.empty()
              ? std::string("annotated field")
              : "field " + AF.StructName + "+" + std::to_string(AF.Offset);
      FlagInfo Info{AF.Origin, Desc};
      Model.FlagPointers.try_emplace(AF.AnnotatedPtr, Info);
      if (!AF.StructName.empty())
        Model.FlagFields.try_emplace({AF.StructName, AF.Offset}, Info);
    }
    for (CompiledEntry &C : FileEntries) {
      const ModelEntry &E = *C.Entry;
      if (E.Target == ModelEntry::Global) {
        if (GlobalVariable *GV = M.getNamedGlobal(E.Name)) {
          C.Matched = true;
          Model.FlagGlobals.try_emplace(
              GV, FlagInfo{E.Roles.front().Origin, "global " + E.Name});
        }
      } else if (E.Target == ModelEntry::Field) {
        std::string Error;
        auto Key = resolveFieldEntry(M, E.Struct, E.Member, Error);
        if (!Error.empty())
          Diags.push_back({ModelDiagnostic::Warning,
                           E.Roles.front().Origin.Where + ": " + Error +
                               "; the entry is ignored"});
        // A field entry the module's types cannot resolve is reported
        // above; only one that names nothing here is unmatched.
        C.Matched = Key || !Error.empty();
        FlagInfo Info{E.Roles.front().Origin,
                      "field " + E.Struct + "::" + E.Member};
        if (Key && Key->BitSize)
          Model.BitFlagFields[unqualifiedStruct(Key->SourceStruct).str()]
              .push_back(
              {Key->BitOffset, Key->BitSize, std::move(Info)});
        else if (Key)
          Model.FlagFields.try_emplace({Key->IRStruct, Key->Offset},
                                       std::move(Info));
      }
    }
  }

private:
  bool matches(const CompiledEntry &C, const Function &F,
               DemangledView &Demangled) {
    if (!C.Entry->Name.empty())
      return C.Entry->Name == F.getName();
    if (!Demangled.Computed)
      Demangled.compute(F.getName());
    if (Demangled.Local || !(C.Glob->match(Demangled.NoReturnType) ||
                             C.Glob->match(Demangled.Full)))
      return false;
    return !C.ParamGlob || llvm::any_of(Demangled.Params, [&](StringRef T) {
      return C.ParamGlob->match(T);
    });
  }

  /// Resolves a position or reports why it cannot be, naming the role as
  /// the user wrote it and where.
  std::optional<IRPosition> resolve(const Function &F, const RoleSpec &S,
                                    const SourcePosition &P) {
    Expected<IRPosition> R = mapSourcePosition(F, P);
    if (R)
      return *R;
    std::string Target = "function '" + demangle(F.getName().str()) + "'";
    std::string Problem = toString(R.takeError());
    std::string Message;
    if (S.Origin.Source == RoleOrigin::Annotation) {
      std::string Text = (AnnotationPrefix + S.Text).str();
      Message = invalidAnnotation(Locator.where(S.Origin.Where, Text), Text,
                                  Target, Problem);
    } else {
      Message = "role '" + S.Text + "' (" + S.Origin.str() + ") does not fit " +
                Target + ": " + Problem + "; the role is ignored";
      if (S.Origin.Source == RoleOrigin::ModelFile)
        Message = S.Origin.Where + ": " + Message;
    }
    Diags.push_back({ModelDiagnostic::Warning, Message, &F});
    return std::nullopt;
  }

  void addRole(const Function &F, const RoleSpec &S, bool FutexOnly,
               FunctionRoles &R) {
    switch (S.Kind) {
    case RoleKind::Create:
    case RoleKind::Cancel:
    case RoleKind::Defer:
    case RoleKind::Take: {
      std::optional<ResolvedRole> &Slot =
          S.Kind == RoleKind::Create   ? R.Create
          : S.Kind == RoleKind::Cancel ? R.Cancel
          : S.Kind == RoleKind::Defer  ? R.Defer
                                       : R.Take;
      if (Slot)
        return;
      std::optional<IRPosition> H = resolve(F, S, S.Handle);
      if (!H)
        return;
      ResolvedRole RR{S, *H, std::nullopt};
      if (S.Parent) {
        RR.Parent = resolve(F, S, *S.Parent);
        if (!RR.Parent)
          return;
      }
      Slot = RR;
      return;
    }
    case RoleKind::Wait:
      if (!R.Wait) {
        R.Wait = S.Origin;
        R.WaitOnlyForFutex = FutexOnly;
      }
      return;
    case RoleKind::Observe:
      if (!R.Observe)
        R.Observe = S.Origin;
      return;
    case RoleKind::Root:
      if (!R.Root)
        R.Root = S.Origin;
      return;
    case RoleKind::Suppress:
      if (R.SuppressOrigin)
        return;
      R.SuppressOrigin = S.Origin;
      R.SuppressAll = S.Suppressed.empty();
      R.Suppressed = S.Suppressed;
      return;
    case RoleKind::Flag:
      return; // rejected earlier for functions
    }
  }

  ApiModel &Model;
  Module &M;
  std::vector<ModelDiagnostic> &Diags;
  AnnotationLocator &Locator;
};

std::unique_ptr<ApiModel> ApiModel::build(Module &M, const ModelConfig &Config,
                                          std::vector<ModelDiagnostic> &Diags) {
  auto Model = std::make_unique<ApiModel>();
  Model->M = &M;
  std::vector<ModelEntry> FileEntries;
  bool FilesOK = true;
  for (const std::string &Path : Config.ModelFiles)
    FilesOK &= readModelFile(Path, FileEntries, Diags, Config.Strict);
  if (!FilesOK)
    return nullptr;
  std::vector<ModelEntry> Builtins = builtinCatalog(Config.Catalogs);

  std::vector<AnnotatedRole> Annotated;
  std::vector<AnnotatedField> Fields;
  std::vector<ModelDiagnostic> AnnotationDiags;
  AnnotationLocator Locator(M);
  readAnnotations(M, Annotated, Fields, AnnotationDiags, Locator);
  // A field annotation is seen at every access: say each problem once.
  StringSet<> Seen;
  for (ModelDiagnostic &D : AnnotationDiags)
    if (Seen.insert(D.Message).second)
      Diags.push_back(std::move(D));

  ApiModelBuilder B(*Model, M, Diags, Locator);
  std::vector<CompiledEntry> CompiledFiles, CompiledBuiltins;
  if (!B.addEntries(FileEntries, CompiledFiles) ||
      !B.addEntries(Builtins, CompiledBuiltins))
    return nullptr;
  B.build(Annotated, Fields, CompiledFiles, CompiledBuiltins);

  std::vector<const ModelEntry *> Unmatched;
  for (const CompiledEntry &C : CompiledFiles)
    if (!C.Matched)
      Unmatched.push_back(C.Entry);
  const ApiModel &Built = *Model;
  auto IsModelled = [&](const GlobalValue &GV) {
    if (auto *F = dyn_cast<Function>(&GV))
      return Built.rolesOf(F) != nullptr;
    auto *Var = dyn_cast<GlobalVariable>(&GV);
    return Var && Built.FlagGlobals.count(Var);
  };
  if (!reportUnmatchedEntries(M, Unmatched, IsModelled, Config, Diags))
    return nullptr;
  return Model;
}

const FunctionRoles *ApiModel::rolesOf(const Function *F) const {
  auto It = Functions.find(F);
  return It == Functions.end() ? nullptr : &It->second;
}

/// syscall(SYS_futex, uaddr, op, ...) blocks when op is a wait operation.
static bool isFutexWait(const CallBase &CB) {
  if (CB.arg_size() < 3)
    return false;
  auto *Nr = dyn_cast<ConstantInt>(CB.getArgOperand(0));
  auto *Op = dyn_cast<ConstantInt>(CB.getArgOperand(2));
  if (!Nr || !Op)
    return false;
  Triple T(CB.getModule()->getTargetTriple());
  uint64_t SysFutex = T.getArch() == Triple::x86_64    ? 202
                      : T.getArch() == Triple::x86     ? 240
                      : T.getArch() == Triple::arm     ? 240
                      : T.isAArch64() || T.isRISCV()   ? 98
                      : T.isPPC()                      ? 221
                                                       : 0;
  uint64_t Cmd = Op->getZExtValue() & 0x7f; // strip FUTEX_PRIVATE_FLAG etc.
  // FUTEX_WAIT, FUTEX_LOCK_PI, FUTEX_WAIT_BITSET, FUTEX_WAIT_REQUEUE_PI,
  // FUTEX_LOCK_PI2.
  return Nr->getZExtValue() == SysFutex &&
         (Cmd == 0 || Cmd == 6 || Cmd == 9 || Cmd == 11 || Cmd == 13);
}

const FunctionRoles *ApiModel::rolesOfCall(const CallBase &CB) const {
  auto *F = calleeNamed(CB);
  if (!F)
    return nullptr;
  const FunctionRoles *R = rolesOf(F);
  if (R && R->WaitOnlyForFutex && !isFutexWait(CB))
    return nullptr;
  return R;
}

/// The modelled struct field a GEP addresses, keyed by (IR struct name, byte
/// offset).
static const FlagInfo *
fieldAt(const Value *Ptr, const DataLayout &DL,
        const std::map<std::pair<std::string, uint64_t>, FlagInfo> &Fields) {
  auto *GEP = dyn_cast<GEPOperator>(Ptr);
  if (!GEP)
    return nullptr;
  auto *ST = dyn_cast<StructType>(GEP->getSourceElementType());
  APInt Off(DL.getIndexTypeSizeInBits(GEP->getType()), 0);
  if (!ST || !ST->hasName() || !GEP->accumulateConstantOffset(DL, Off))
    return nullptr;
  auto It = Fields.find({ST->getName().str(), Off.getZExtValue()});
  return It == Fields.end() ? nullptr : &It->second;
}

/// The field an optimized access is to, by its type-based alias tag.
static const FlagInfo *
fieldByAliasTag(const LoadInst &LI,
                const std::map<std::pair<std::string, uint64_t>, FlagInfo> &Fields) {
  if (Fields.empty())
    return nullptr;
  std::optional<std::pair<std::string, int64_t>> Field = aliasTagField(LI);
  if (!Field)
    return nullptr;
  for (const char *Prefix : {"struct.", "class.", "union."}) {
    auto It = Fields.find({Prefix + Field->first, uint64_t(Field->second)});
    if (It != Fields.end())
      return &It->second;
  }
  return nullptr;
}

/// The struct (by source name) and byte offset a load reads from:
/// struct-typed address arithmetic at -O0; in optimized code, which keeps
/// no struct types and gives bitfield accesses no alias tags, a byte offset
/// from a parameter or a global whose declared type is the struct.
static std::optional<std::pair<std::string, int64_t>>
structAccessed(const LoadInst &LI, const DataLayout &DL) {
  const Value *Ptr = LI.getPointerOperand();
  if (auto *GEP = dyn_cast<GEPOperator>(Ptr)) {
    StringRef Name = sourceStructName(GEP->getSourceElementType());
    APInt Off(DL.getIndexTypeSizeInBits(GEP->getType()), 0);
    if (!Name.empty() && GEP->accumulateConstantOffset(DL, Off))
      return std::make_pair(Name.str(), Off.getSExtValue());
  }
  int64_t Off = 0;
  const Value *Base = GetPointerBaseWithConstantOffset(Ptr, Off, DL);
  const DIType *T = nullptr;
  if (auto *A = dyn_cast<Argument>(Base))
    T = parameterPointee(*A->getParent(), A->getArgNo());
  else if (auto *GV = dyn_cast<GlobalVariable>(Base))
    T = globalType(*GV);
  auto *CT = dyn_cast_or_null<DICompositeType>(stripQualifiers(T));
  if (!CT || CT->getName().empty())
    return std::nullopt;
  return std::make_pair(qualifiedName(CT), Off);
}

const FlagInfo *ApiModel::bitFlagRead(const LoadInst &LI,
                                      DemandedBitsFn Demanded) const {
  if (BitFlagFields.empty() || !LI.getType()->isIntegerTy())
    return nullptr;
  const DataLayout &DL = M->getDataLayout();
  std::optional<std::pair<std::string, int64_t>> Access =
      structAccessed(LI, DL);
  if (!Access)
    return nullptr;
  auto It = BitFlagFields.find(unqualifiedStruct(Access->first).str());
  if (It == BitFlagFields.end())
    return nullptr;
  int64_t Width = LI.getType()->getIntegerBitWidth();
  int64_t First = Access->second * 8;
  std::optional<APInt> Used;
  for (const BitFlag &B : It->second) {
    // The flag's bits as bits of the loaded value: on a little-endian
    // target, bit N of memory from the load's address is bit N of the
    // value.
    int64_t Lo = int64_t(B.BitOffset) - First;
    int64_t Hi = Lo + int64_t(B.BitSize);
    if (Hi <= 0 || Lo >= Width)
      continue;
    if (!Demanded || !DL.isLittleEndian())
      return &B.Info;
    if (!Used)
      Used = Demanded(LI);
    APInt Mask = APInt::getBitsSet(unsigned(Width), unsigned(std::max<int64_t>(Lo, 0)),
                                   unsigned(std::min(Hi, Width)));
    if (Used->intersects(Mask))
      return &B.Info;
  }
  return nullptr;
}

const FlagInfo *ApiModel::flagRead(const LoadInst &LI,
                                   DemandedBitsFn Demanded) const {
  const Value *Ptr = LI.getPointerOperand();
  const DataLayout &DL = M->getDataLayout();
  // The first field is reached through an all-zero GEP, which
  // stripPointerCasts removes: look at the pointer as it is first.
  if (const FlagInfo *FI = fieldAt(Ptr, DL, FlagFields))
    return FI;
  const Value *Base = Ptr->stripPointerCasts();
  if (auto *GV = dyn_cast<GlobalVariable>(Base)) {
    auto It = FlagGlobals.find(GV);
    if (It != FlagGlobals.end())
      return &It->second;
    // The first field of a global struct is the global's own address.
    auto *ST = dyn_cast<StructType>(GV->getValueType());
    if (ST && ST->hasName()) {
      auto FIt = FlagFields.find({ST->getName().str(), 0});
      if (FIt != FlagFields.end())
        return &FIt->second;
    }
    return bitFlagRead(LI, Demanded);
  }
  for (const Value *V : {Ptr, Base}) {
    auto PIt = FlagPointers.find(V);
    if (PIt != FlagPointers.end())
      return &PIt->second;
  }
  if (const FlagInfo *FI = fieldAt(Base, DL, FlagFields))
    return FI;
  if (const FlagInfo *FI = fieldByAliasTag(LI, FlagFields))
    return FI;
  return bitFlagRead(LI, Demanded);
}

static void printRole(raw_ostream &OS, StringRef Text, const RoleOrigin &O) {
  OS << "  " << Text << "  [" << O.str() << "]\n";
}

static std::string describeResolved(const ResolvedRole &R) {
  std::string S;
  raw_string_ostream OS(S);
  OS << roleKindName(R.Spec.Kind) << " handle=" << R.Spec.Handle.str() << " ("
     << R.Handle.str() << ")";
  if (R.Parent)
    OS << " parent=" << R.Spec.Parent->str() << " (" << R.Parent->str() << ")";
  if (R.Spec.Kind == RoleKind::Create)
    OS << " success=" << successName(R.Spec.Success);
  return S;
}

/// The calls of an argument-dependent entry (syscall) with the model's
/// answer for each, in module order.
static void printArgumentDependentCalls(raw_ostream &OS, const Function &F) {
  for (const Function &Caller : *F.getParent())
    for (const Instruction &I : instructions(Caller)) {
      auto *CB = dyn_cast<CallBase>(&I);
      if (!CB || CB->getCalledOperand()->stripPointerCasts() != &F)
        continue;
      OS << "    call in '" << Caller.getName() << "'";
      if (const DebugLoc &DL = CB->getDebugLoc())
        OS << " at " << DL->getFilename() << ":" << DL.getLine();
      OS << ": " << (isFutexWait(*CB) ? "wait (futex wait)" : "no role")
         << "\n";
    }
}

void ApiModel::print(raw_ostream &OS) const {
  OS << "cancel-verify model of module '" << M->getModuleIdentifier() << "'\n";
  for (const Function &F : *M) {
    if (F.isIntrinsic())
      continue;
    OS << "function " << F.getName();
    std::string D = demangle(F.getName().str());
    if (D != F.getName())
      OS << " (" << D << ")";
    const FunctionRoles *R = rolesOf(&F);
    if (!R) {
      OS << ": no roles\n";
      continue;
    }
    OS << "\n";
    for (const auto *RR : {&R->Create, &R->Cancel, &R->Defer, &R->Take})
      if (*RR)
        printRole(OS, describeResolved(**RR), (*RR)->Spec.Origin);
    if (R->Wait)
      printRole(OS,
                R->WaitOnlyForFutex ? "wait (when the call is a futex wait)"
                                    : "wait",
                *R->Wait);
    if (R->Wait && R->WaitOnlyForFutex)
      printArgumentDependentCalls(OS, F);
    if (R->Observe)
      printRole(OS, R->Wait ? "observe (cancellable wait)" : "observe",
                *R->Observe);
    if (R->Root)
      printRole(OS, "root", *R->Root);
    if (R->SuppressOrigin) {
      std::string Names = "suppress ";
      if (R->SuppressAll)
        Names += "all";
      for (size_t I = 0; I < R->Suppressed.size(); ++I)
        Names += (I ? "," : "") + R->Suppressed[I];
      printRole(OS, Names, *R->SuppressOrigin);
    }
  }
  for (const GlobalVariable &GV : M->globals()) {
    if (GV.getName().starts_with("llvm."))
      continue;
    auto It = FlagGlobals.find(&GV);
    if (It != FlagGlobals.end()) {
      OS << "global " << GV.getName() << "\n";
      printRole(OS, "flag", It->second.Origin);
    }
  }
  for (const auto &[Key, Info] : FlagFields) {
    std::string Field = "field " + Key.first + "+" + std::to_string(Key.second);
    OS << Field;
    if (Info.Description != Field)
      OS << " (" << Info.Description << ")";
    OS << "\n";
    printRole(OS, "flag", Info.Origin);
  }
  for (const auto &[Struct, Flags] : BitFlagFields)
    for (const BitFlag &B : Flags) {
      OS << "bitfield " << Struct << " bits " << B.BitOffset << "+"
         << B.BitSize << " (" << B.Info.Description << ")\n";
      printRole(OS, "flag", B.Info.Origin);
    }
  // Annotated accesses whose struct could not be named (optimized IR).
  unsigned Unnamed = 0;
  for (const auto &KV : FlagPointers)
    if (KV.second.Description == "annotated field")
      ++Unnamed;
  if (Unnamed)
    OS << "annotated field accesses without a struct type: " << Unnamed << "\n";
}

} // namespace cancelverify
