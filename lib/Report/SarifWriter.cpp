//===- SarifWriter.cpp - Findings as SARIF 2.1.0 ---------------------------===//
//
// Built with llvm::json. Paths: a source file under the compilation
// directory (the compile unit's directory) is named relative to it with
// uriBaseId SRCROOT, which originalUriBaseIds maps to that directory;
// anything else gets an absolute file:// URI.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/SarifWriter.h"

#include "cancelverify/Baseline.h"
#include "cancelverify/FindingText.h"
#include "cancelverify/SourceFrames.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#ifndef CANCELVERIFY_VERSION
#define CANCELVERIFY_VERSION "0.1.0"
#endif

using namespace llvm;

namespace cancelverify {

static constexpr FindingKind AllKinds[] = {
    FindingKind::LostCancel,           FindingKind::DiscardedCancel,
    FindingKind::OverwrittenCancel,    FindingKind::LoopIgnoresCancel,
    FindingKind::LoopCancelNotActedOn, FindingKind::DetachedContext,
    FindingKind::CancelVerified,       FindingKind::LoopObservesCancel,
    FindingKind::CancelEscapes};

/// Percent-encodes what may not stand in a URI path.
static std::string uriPath(StringRef Path) {
  std::string Out;
  for (char C : Path) {
    if (isAlnum(C) || StringRef("/-._~").contains(C))
      Out += C;
    else
      Out += "%" + utohexstr(static_cast<unsigned char>(C), false, 2);
  }
  return Out;
}

/// The compilation directory of the module (its first compile unit's).
static std::string compilationDir(const Module &M) {
  for (const DICompileUnit *CU : M.debug_compile_units())
    if (!CU->getDirectory().empty())
      return CU->getDirectory().str();
  return std::string();
}

json::Value SarifSink::location(const DebugLoc &DL) const {
  // Without a debug location there is no artifact to name: SARIF then
  // wants no physicalLocation at all.
  if (!DL)
    return json::Object();
  json::Object Physical;
  {
    auto *Scope = cast<DIScope>(DL.getScope());
    SmallString<256> Abs(Scope->getFilename());
    if (!sys::path::is_absolute(Abs)) {
      SmallString<256> Dir(Scope->getDirectory());
      sys::path::append(Dir, Abs);
      Abs = Dir;
    }
    sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    std::string Root = compilationDir(M);
    json::Object Artifact;
    StringRef Rel = Abs;
    if (!Root.empty() && Rel.consume_front(Root) && Rel.consume_front("/")) {
      Artifact["uri"] = uriPath(Rel);
      Artifact["uriBaseId"] = "SRCROOT";
    } else {
      Artifact["uri"] = "file://" + uriPath(Abs);
    }
    Physical["artifactLocation"] = std::move(Artifact);
    json::Object Region{{"startLine", DL.getLine()}};
    if (DL.getCol())
      Region["startColumn"] = DL.getCol();
    Physical["region"] = std::move(Region);
  }
  return json::Object{{"physicalLocation", std::move(Physical)}};
}

static json::Value message(std::string Text) {
  return json::Object{{"text", std::move(Text)}};
}

void SarifSink::consume(const Finding &F) {
  FindingClass Class = findingClass(F.Kind);
  if (Class == FindingClass::Passed)
    return;
  json::Object R;
  R["ruleId"] = findingName(F.Kind);
  R["ruleIndex"] = static_cast<int64_t>(F.Kind);
  R["level"] = Class == FindingClass::Analysis ? "note"
               : AsErrors                       ? "error"
                                                : "warning";
  R["message"] = message(findingMessage(F));
  json::Object Loc = std::move(*location(F.location()).getAsObject());
  Loc["logicalLocations"] = json::Array{json::Object{
      {"fullyQualifiedName", demangle(F.F->getName().str())},
      {"kind", "function"}}};
  R["locations"] = json::Array{std::move(Loc)};
  json::Array Related;
  for (const RelatedLocation &Rel : F.Related) {
    if (!relatedDisplayLoc(Rel))
      continue;
    json::Object L = std::move(*location(relatedDisplayLoc(Rel)).getAsObject());
    L["id"] = static_cast<int64_t>(Related.size() + 1);
    L["message"] = message(relatedText(Rel));
    Related.push_back(std::move(L));
  }
  if (!Related.empty())
    R["relatedLocations"] = std::move(Related);
  if (F.Kind == FindingKind::LostCancel && F.Handle.LostExit) {
    // The creation, each branch decision, and the exit.
    json::Array Steps;
    auto Step = [&](const DebugLoc &DL, std::string Text) {
      if (!DL)
        return;
      json::Object L = std::move(*location(outermostLoc(DL)).getAsObject());
      L["message"] = message(std::move(Text));
      Steps.push_back(json::Object{{"location", std::move(L)}});
    };
    Step(F.At->getDebugLoc(), "the handle is created here");
    for (const PathStep &S : F.Handle.LostPath)
      if (S.Branch->getDebugLoc())
        Step(S.Branch->getDebugLoc(), stepText(S));
    Step(F.Handle.LostLoc, "the function returns here without cancelling");
    if (!Steps.empty())
      R["codeFlows"] = json::Array{json::Object{
        {"threadFlows",
         json::Array{json::Object{{"locations", std::move(Steps)}}}}}};
  }
  R["partialFingerprints"] = json::Object{{FingerprintKey, F.Fingerprint}};
  if (F.Suppressed)
    R["suppressions"] = json::Array{json::Object{
        {"kind", "inSource"},
        {"justification", "a cancel-verify:suppress role of '" +
                              demangle(F.F->getName().str()) + "'"}}};
  if (WithBaseline)
    R["baselineState"] = F.Baselined ? "unchanged" : "new";
  Results.push_back(std::move(R));
}

json::Value SarifSink::document() const {
  json::Array Rules;
  for (FindingKind K : AllKinds) {
    RuleText T = ruleText(K);
    FindingClass Class = findingClass(K);
    Rules.push_back(json::Object{
        {"id", findingName(K)},
        {"name", findingName(K)},
        {"shortDescription", message(T.Short)},
        {"fullDescription", message(T.Full)},
        {"help", message(T.Help)},
        {"defaultConfiguration",
         json::Object{{"level", Class == FindingClass::Missed
                                    ? (AsErrors ? "error" : "warning")
                                : Class == FindingClass::Analysis ? "note"
                                                                  : "none"}}}});
  }
  json::Object Run{
      {"tool",
       json::Object{{"driver",
                     json::Object{{"name", "CancelVerify"},
                                  {"version", CANCELVERIFY_VERSION},
                                  {"rules", std::move(Rules)}}}}},
      {"results", json::Array(Results)}};
  std::string Root = compilationDir(M);
  if (!Root.empty())
    Run["originalUriBaseIds"] = json::Object{
        {"SRCROOT", json::Object{{"uri", "file://" + uriPath(Root) + "/"}}}};
  return json::Object{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", json::Array{std::move(Run)}}};
}

void SarifSink::write(raw_ostream &OS) const {
  OS << formatv("{0:2}", document()) << "\n";
}

Error SarifSink::writeFile(StringRef Path) const {
  SmallString<256> Temp;
  int FD;
  if (std::error_code EC =
          sys::fs::createUniqueFile(Path + ".tmp-%%%%%%%%", FD, Temp))
    return createStringError(EC, "cannot write SARIF to '" + Path +
                                     "': " + EC.message());
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    write(OS);
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      sys::fs::remove(Temp);
      return createStringError(EC, "cannot write SARIF to '" + Path +
                                       "': " + EC.message());
    }
  }
  if (std::error_code EC = sys::fs::rename(Temp, Path)) {
    sys::fs::remove(Temp);
    return createStringError(EC, "cannot write SARIF to '" + Path +
                                     "': " + EC.message());
  }
  return Error::success();
}

std::string sarifPathInDirectory(const Module &M, StringRef Dir) {
  StringRef Source = M.getSourceFileName();
  if (Source.empty())
    Source = M.getModuleIdentifier();
  SmallString<256> Full(Source);
  if (!sys::path::is_absolute(Full)) {
    std::string Root = compilationDir(M);
    if (!Root.empty()) {
      SmallString<256> Base(Root);
      sys::path::append(Base, Full);
      Full = Base;
    }
  }
  std::string Name = sys::path::filename(Source).str();
  if (Name.empty())
    Name = "module";
  SmallString<256> Out(Dir);
  sys::path::append(Out, Name + "." +
                             utohexstr(xxh3_64bits(Full.str()) & 0xffffffff,
                                       /*LowerCase=*/true, 8) +
                             ".sarif");
  return Out.str().str();
}

} // namespace cancelverify
