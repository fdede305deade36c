//===- Verifier.cpp - One run of the verifier over one module --------------===//
//
// Builds the model (stopping on a model error), the summaries, runs every
// check into the chain of sinks the options ask for, and writes the files
// (SARIF) and statistics at the end. Problems with the verifier's own input
// or output are compiler diagnostics through the module's LLVMContext.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/Verifier.h"

#include "cancelverify/ApiModel.h"
#include "cancelverify/Baseline.h"
#include "cancelverify/Check.h"
#include "cancelverify/FindingSinks.h"
#include "cancelverify/FunctionSummaries.h"
#include "cancelverify/ModelDiagnostics.h"
#include "cancelverify/ModelExport.h"
#include "cancelverify/SarifWriter.h"

#include "llvm/IR/Module.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <optional>

using namespace llvm;

namespace cancelverify {

namespace {
/// Counts findings by kind and what silences them.
class CountingSink final : public FindingSink {
public:
  explicit CountingSink(VerifierCounts &C) : C(C) {}
  void consume(const Finding &F) override {
    ++C.PerKind[static_cast<unsigned>(F.Kind)];
    C.Suppressed += F.Suppressed;
    C.Baselined += F.Baselined && !F.Suppressed;
    C.ReportedMissed += !F.Suppressed && !F.Baselined &&
                        findingClass(F.Kind) == FindingClass::Missed;
  }

private:
  VerifierCounts &C;
};

using Clock = std::chrono::steady_clock;
double seconds(Clock::time_point Since) {
  return std::chrono::duration<double>(Clock::now() - Since).count();
}
} // namespace

static void printStats(const Module &M, const VerifierCounts &C,
                       ArrayRef<std::pair<StringRef, double>> Times) {
  raw_ostream &OS = errs();
  OS << "cancel-verify statistics for '" << M.getModuleIdentifier() << "'\n";
  unsigned Creations = 0, Loops = 0;
  for (FindingKind K : {FindingKind::LostCancel, FindingKind::DiscardedCancel,
                        FindingKind::OverwrittenCancel,
                        FindingKind::DetachedContext,
                        FindingKind::CancelVerified,
                        FindingKind::CancelEscapes})
    Creations += C.PerKind[static_cast<unsigned>(K)];
  for (FindingKind K :
       {FindingKind::LoopIgnoresCancel, FindingKind::LoopCancelNotActedOn,
        FindingKind::LoopObservesCancel})
    Loops += C.PerKind[static_cast<unsigned>(K)];
  auto Line = [&](StringRef Name, unsigned N) {
    OS << "  " << left_justify(Name, 26) << " " << N << "\n";
  };
  Line("creations", Creations);
  Line("blocking loops", Loops);
  for (unsigned K = 0; K < NumFindingKinds; ++K)
    Line(findingName(static_cast<FindingKind>(K)), C.PerKind[K]);
  Line("suppressed", C.Suppressed);
  Line("baselined", C.Baselined);
  for (auto [Stage, Secs] : Times)
    OS << "  " << left_justify(("time: " + Stage).str(), 26) << " "
       << format("%.3f s", Secs) << "\n";
}

VerifierRun runVerifier(Module &M, const VerifierOptions &Opts, bool Remarks,
                        FindingSink *Extra) {
  VerifierRun Run;
  LLVMContext &Ctx = M.getContext();
  Clock::time_point Start = Clock::now();
  std::vector<ModelDiagnostic> Diags;
  std::unique_ptr<ApiModel> Model =
      ApiModel::build(M, Opts.Analysis.Model, Diags);
  reportModelDiagnostics(Ctx, Diags);
  if (!Model)
    return Run;
  std::optional<Baseline> Base;
  if (!Opts.BaselineFile.empty()) {
    Expected<Baseline> B = Baseline::load(Opts.BaselineFile);
    if (!B) {
      reportOptionError(Ctx, toString(B.takeError()));
      return Run;
    }
    Base = std::move(*B);
  }
  if (Opts.PrintModel)
    Model->print(errs());
  double ModelTime = seconds(Start);

  Start = Clock::now();
  FunctionSummaries Summaries(M, *Model, Opts.Analysis);
  double SummaryTime = seconds(Start);

  // checks -> triage -> {SARIF, counts, extra, filter -> {remarks,
  // diagnostics, printer}}
  Start = Clock::now();
  RemarkSink RemarkOut;
  DiagnosticSink DiagOut(Opts.Diag == DiagnosticMode::Error);
  FindingPrinter Printer(errs());
  FindingFanOut Reported;
  if (Remarks)
    Reported.add(RemarkOut);
  if (Opts.Diag != DiagnosticMode::Remark)
    Reported.add(DiagOut);
  if (Opts.PrintFindings)
    Reported.add(Printer);
  SuppressionFilter Filter(Reported);
  bool AsErrors = Opts.Diag == DiagnosticMode::Error;
  SarifSink Sarif(M, AsErrors, Base.has_value());
  CountingSink Counter(Run.Counts);
  FindingFanOut All;
  All.add(Counter);
  bool WantSarif = !Opts.SarifFile.empty() || !Opts.SarifDir.empty();
  if (WantSarif)
    All.add(Sarif);
  All.add(Filter);
  if (Extra)
    All.add(*Extra);
  FindingTriage Triage(*Model, Base ? &*Base : nullptr, All);
  CheckContext C{M, *Model, Summaries, Opts.Analysis};
  for (std::unique_ptr<Check> &Ch : createChecks())
    Ch->run(C, Triage);
  // Files and statistics first: a host may stop at the first error the
  // diagnostics report when the chain finishes.
  if (WantSarif) {
    std::string Path = !Opts.SarifFile.empty()
                           ? Opts.SarifFile
                           : sarifPathInDirectory(M, Opts.SarifDir);
    if (Error E = Sarif.writeFile(Path))
      reportOptionError(Ctx, toString(std::move(E)));
  }
  if (!Opts.ExportModelFile.empty())
    if (Error E = exportModelFile(Opts.ExportModelFile, Summaries))
      reportOptionError(Ctx, toString(std::move(E)));
  double CheckTime = seconds(Start);
  if (Opts.Stats)
    printStats(M, Run.Counts,
               {{"model", ModelTime},
                {"summaries", SummaryTime},
                {"checks and output", CheckTime}});
  Triage.finish();
  Run.Analysed = true;
  return Run;
}

} // namespace cancelverify
