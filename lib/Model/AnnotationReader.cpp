//===- AnnotationReader.cpp - Roles written in the source ------------------===//
//
// clang lowers __attribute__((annotate("..."))) on functions and globals to
// entries of @llvm.global.annotations, and on struct fields to a
// llvm.ptr.annotation call at every access of the field. Both carry the
// source file and line, which every diagnostic here names; the column is
// found by reading that line of the source, when the file is at hand
// (AnnotationLocator).
//
//===----------------------------------------------------------------------===//
#include "ModelSources.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace cancelverify {

static std::string stringOperand(const Value *V) {
  StringRef S;
  if (getConstantStringInfo(V, S))
    return S.str();
  return std::string();
}

static std::string describeTarget(const GlobalValue *GV) {
  return (isa<Function>(GV) ? "function '" : "global '") +
         demangle(GV->getName().str()) + "'";
}

static std::string lineOf(const Value *FileOp, const Value *LineOp) {
  std::string File = stringOperand(FileOp);
  auto *Line = dyn_cast_or_null<ConstantInt>(LineOp);
  if (File.empty())
    File = "<unknown>";
  return Line ? File + ":" + std::to_string(Line->getZExtValue()) : File;
}

/// The texts a bad annotation is found by on its line: as written in full,
/// without the prefix (a macro adds it), or its keys alone (the header's
/// CV_CREATE("handle=arg1") and friends).
static SmallVector<StringRef, 3> searchTexts(StringRef Text) {
  StringRef Body = Text.drop_front(AnnotationPrefix.size());
  SmallVector<StringRef, 3> Texts{Text, Body};
  if (Body.contains(':'))
    Texts.push_back(Body.split(':').second);
  return Texts;
}

std::string AnnotationLocator::where(StringRef FileLine, StringRef Text) {
  auto [File, LineText] = FileLine.rsplit(':');
  uint64_t LineNo;
  if (LineText.getAsInteger(10, LineNo) || LineNo == 0)
    return FileLine.str();
  SmallVector<StringRef, 3> Texts = searchTexts(Text);
  // clang records the line of the declaration, and an attribute written on
  // the lines above it belongs to it too; the search stops at the end of
  // the previous declaration.
  for (uint64_t N = LineNo; N > 0 && N + MaxLinesAbove >= LineNo; --N) {
    StringRef Line = sourceLine(File, N);
    if (N != LineNo) {
      StringRef Code = Line.split("//").first.rtrim();
      if (Code.ends_with(";") || Code.ends_with("}") || Code.ends_with("{"))
        break;
    }
    for (StringRef T : Texts) {
      size_t Col = T.empty() ? StringRef::npos : Line.find(T);
      if (Col != StringRef::npos)
        return (File + ":" + Twine(N) + ":" + Twine(Col + 1)).str();
    }
  }
  return FileLine.str();
}

StringRef AnnotationLocator::sourceLine(StringRef File, uint64_t LineNo) {
  auto [It, Inserted] = Files.try_emplace(File);
  SourceFile &SF = It->second;
  if (Inserted && (SF.Buffer = open(File))) {
    StringRef Rest = SF.Buffer->getBuffer();
    while (!Rest.empty()) {
      auto [Line, Next] = Rest.split('\n');
      SF.Lines.push_back(Line);
      Rest = Next;
    }
  }
  return LineNo - 1 < SF.Lines.size() ? SF.Lines[LineNo - 1] : StringRef();
}

std::unique_ptr<MemoryBuffer> AnnotationLocator::open(StringRef File) {
  if (File.empty() || File == "<unknown>")
    return nullptr;
  SmallVector<std::string, 2> Candidates{File.str()};
  if (sys::path::is_relative(File))
    for (const DICompileUnit *CU : M.debug_compile_units()) {
      SmallString<256> P(CU->getDirectory());
      sys::path::append(P, File);
      Candidates.push_back(std::string(P));
    }
  for (const std::string &C : Candidates)
    if (auto Buf = MemoryBuffer::getFile(C, /*IsText=*/true))
      return std::move(*Buf);
  return nullptr;
}

std::string invalidAnnotation(StringRef Where, StringRef Text, StringRef OnWhat,
                              StringRef Problem) {
  return (Where + ": invalid annotation \"" + Text + "\" on " + OnWhat +
          " is ignored: " + Problem)
      .str();
}

/// Checks that a role fits the kind of thing it is written on.
static std::string checkTarget(const GlobalValue *GV, const RoleSpec &Spec) {
  bool IsFunction = isa<Function>(GV);
  if (IsFunction && Spec.Kind == RoleKind::Flag)
    return "role 'flag' applies to globals and struct fields, not functions";
  if (!IsFunction && Spec.Kind != RoleKind::Flag)
    return "role '" + roleKindName(Spec.Kind).str() +
           "' applies to functions; a global can only be a 'flag'";
  return std::string();
}

static void readGlobalAnnotations(Module &M, std::vector<AnnotatedRole> &Roles,
                                  std::vector<ModelDiagnostic> &Diags,
                                  AnnotationLocator &Locator) {
  GlobalVariable *GA = M.getNamedGlobal("llvm.global.annotations");
  if (!GA || !GA->hasInitializer())
    return;
  auto *Array = dyn_cast<ConstantArray>(GA->getInitializer());
  if (!Array)
    return;
  for (const Use &U : Array->operands()) {
    auto *Entry = dyn_cast<ConstantStruct>(U.get());
    if (!Entry || Entry->getNumOperands() < 4)
      continue;
    auto *GV = dyn_cast<GlobalValue>(Entry->getOperand(0)->stripPointerCasts());
    std::string Text = stringOperand(Entry->getOperand(1));
    if (!GV || !StringRef(Text).starts_with(AnnotationPrefix))
      continue;
    std::string Where = lineOf(Entry->getOperand(2), Entry->getOperand(3));
    StringRef Body = StringRef(Text).drop_front(AnnotationPrefix.size());
    Expected<RoleSpec> Spec = parseRoleSpec(Body);
    std::string Problem;
    if (!Spec)
      Problem = toString(Spec.takeError());
    else
      Problem = checkTarget(GV, *Spec);
    if (!Problem.empty()) {
      Diags.push_back({ModelDiagnostic::Warning,
                       invalidAnnotation(Locator.where(Where, Text), Text,
                                         describeTarget(GV), Problem),
                       dyn_cast<Function>(GV)});
      continue;
    }
    Spec->Origin = {RoleOrigin::Annotation, Where};
    Roles.push_back({GV, *Spec});
  }
}

static void readFieldAnnotations(Module &M, std::vector<AnnotatedField> &Fields,
                                 std::vector<ModelDiagnostic> &Diags,
                                 AnnotationLocator &Locator) {
  const DataLayout &DL = M.getDataLayout();
  for (Function &F : M) {
    if (F.getIntrinsicID() != Intrinsic::ptr_annotation)
      continue;
    for (User *U : F.users()) {
      auto *Call = dyn_cast<CallBase>(U);
      if (!Call || Call->getCalledFunction() != &F || Call->arg_size() < 4)
        continue;
      std::string Text = stringOperand(Call->getArgOperand(1));
      if (!StringRef(Text).starts_with(AnnotationPrefix))
        continue;
      std::string Where =
          lineOf(Call->getArgOperand(2), Call->getArgOperand(3));
      Expected<RoleSpec> Spec =
          parseRoleSpec(StringRef(Text).drop_front(AnnotationPrefix.size()));
      std::string Problem;
      if (!Spec)
        Problem = toString(Spec.takeError());
      else if (Spec->Kind != RoleKind::Flag)
        Problem = "role '" + roleKindName(Spec->Kind).str() +
                  "' applies to functions; a struct field can only be a "
                  "'flag'";
      if (!Problem.empty()) {
        Diags.push_back({ModelDiagnostic::Warning,
                         invalidAnnotation(Locator.where(Where, Text), Text,
                                           "a struct field", Problem),
                         Call->getFunction()});
        continue;
      }
      AnnotatedField AF;
      AF.AnnotatedPtr = Call;
      AF.Origin = {RoleOrigin::Annotation, Where};
      // At -O0 the annotated address is a struct GEP, which names the struct
      // and lets every other access of the same field be recognised too.
      // (Not stripPointerCasts: it removes the all-zero GEP of the first
      // field.)
      if (auto *GEP = dyn_cast<GEPOperator>(Call->getArgOperand(0))) {
        auto *ST = dyn_cast<StructType>(GEP->getSourceElementType());
        APInt Off(DL.getIndexTypeSizeInBits(GEP->getType()), 0);
        if (ST && ST->hasName() && GEP->accumulateConstantOffset(DL, Off)) {
          AF.StructName = ST->getName().str();
          AF.Offset = Off.getZExtValue();
        }
      }
      Fields.push_back(std::move(AF));
    }
  }
}

void readAnnotations(Module &M, std::vector<AnnotatedRole> &Roles,
                     std::vector<AnnotatedField> &Fields,
                     std::vector<ModelDiagnostic> &Diags,
                     AnnotationLocator &Locator) {
  readGlobalAnnotations(M, Roles, Diags, Locator);
  readFieldAnnotations(M, Fields, Diags, Locator);
}

} // namespace cancelverify
