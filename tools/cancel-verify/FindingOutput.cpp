//===- FindingOutput.cpp - cancel-verify's text and YAML output -----------===//
//
// Words come from FindingText.h and locations from SourceFrames.h, as for
// the plugin's remarks and diagnostics, so a finding reads the same whether
// clang, opt or cancel-verify reports it.
//
//===----------------------------------------------------------------------===//
#include "FindingOutput.h"

#include "cancelverify/Compat.h"
#include "cancelverify/FindingSinks.h"
#include "cancelverify/FindingText.h"
#include "cancelverify/SourceFrames.h"

#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/Remarks/Remark.h"
#include "llvm/Remarks/RemarkSerializer.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace cancelverify {

void ReportedFilter::consume(const Finding &F) {
  if (F.Suppressed || F.Baselined)
    return;
  if (!WithPassed && findingClass(F.Kind) == FindingClass::Passed)
    return;
  Next.consume(F);
}

static StringRef severityOf(FindingKind K) {
  switch (findingClass(K)) {
  case FindingClass::Missed:
    return "warning";
  case FindingClass::Analysis:
    return "note";
  case FindingClass::Passed:
    return "remark";
  }
  return "warning";
}

void TextSink::consume(const Finding &F) {
  DebugLoc Loc = F.location();
  OS << formatLocation(Loc, /*WithColumn=*/true) << ": " << severityOf(F.Kind)
     << ": " << findingMessage(F) << " [" << findingName(F.Kind) << "]";
  // Without debug info the location says nothing: name the function, so
  // the finding can still be found.
  if (!Loc)
    OS << " (in function '" << demangle(F.F->getName().str()) << "')";
  OS << "\n";
  for (const RelatedLocation &R : F.Related)
    if (R.Loc)
      OS << formatLocation(relatedDisplayLoc(R), /*WithColumn=*/true)
         << ": note: " << relatedText(R) << "\n";
}

Expected<std::unique_ptr<YamlRemarkSink>>
YamlRemarkSink::create(raw_ostream &OS) {
  Expected<std::unique_ptr<remarks::RemarkSerializer>> S =
      compat::createYamlRemarkSerializer(OS);
  if (!S)
    return S.takeError();
  return std::unique_ptr<YamlRemarkSink>(new YamlRemarkSink(std::move(*S)));
}

YamlRemarkSink::YamlRemarkSink(
    std::unique_ptr<remarks::RemarkSerializer> Serializer)
    : Serializer(std::move(Serializer)) {}

YamlRemarkSink::~YamlRemarkSink() = default;

static remarks::Type remarkType(FindingKind K) {
  switch (findingClass(K)) {
  case FindingClass::Missed:
    return remarks::Type::Missed;
  case FindingClass::Passed:
    return remarks::Type::Passed;
  case FindingClass::Analysis:
    return remarks::Type::Analysis;
  }
  return remarks::Type::Missed;
}

void YamlRemarkSink::consume(const Finding &F) {
  // The remark refers to these strings until it is emitted.
  std::string Message = (findingName(F.Kind) + ": " + findingMessage(F)).str();
  std::string File;
  remarks::Remark R;
  R.RemarkType = remarkType(F.Kind);
  R.PassName = PassName;
  R.RemarkName = findingName(F.Kind);
  // Remarks name functions by their symbol, as LLVM's remark streamer does.
  R.FunctionName = GlobalValue::dropLLVMManglingEscape(F.F->getName());
  if (DebugLoc Loc = F.location()) {
    File = cast<DIScope>(Loc.getScope())->getFilename().str();
    R.Loc = remarks::RemarkLocation{File, Loc.getLine(), Loc.getCol()};
  }
  remarks::Argument Arg;
  Arg.Key = "String";
  Arg.Val = Message;
  R.Args.push_back(Arg);
  Serializer->emit(R);
}

void YamlRemarkSink::finish() {
  // Whatever the serializer still holds belongs before the end of the
  // output; destroying it writes it out, in both LLVM versions.
  Serializer.reset();
}

void SummarySink::print(raw_ostream &OS) const {
  unsigned Total = 0;
  OS << "cancel-verify summary:\n";
  for (unsigned K = 0; K < NumFindingKinds; ++K) {
    if (!PerKind[K])
      continue;
    OS << "  " << findingName(static_cast<FindingKind>(K)) << ": " << PerKind[K]
       << "\n";
    Total += PerKind[K];
  }
  OS << "  total: " << Total << "\n";
}

} // namespace cancelverify
