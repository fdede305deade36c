//===- Options.cpp - The -cancel-verify-* command-line options -------------===//
//
// The options of the user-facing contract. They are registered by whatever
// links the library (the plugin, the tools), and read once per module.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/Options.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/StringSaver.h"
#include "llvm/Support/raw_ostream.h"

#include <mutex>

using namespace llvm;

namespace cancelverify {

static cl::OptionCategory Category("CancelVerify options");

static cl::list<std::string>
    OptModelFiles("cancel-verify-model", cl::ZeroOrMore,
               cl::desc("Read an API model from this YAML file (repeatable)"),
               cl::value_desc("file"), cl::cat(Category));

static cl::opt<std::string> OptBuiltins(
    "cancel-verify-builtins", cl::init("all"),
    cl::desc("Built-in catalogs to use: a comma-separated list of posix, "
             "pthread, cxx; 'all' (default) or 'none'"),
    cl::value_desc("list"), cl::cat(Category));

static cl::opt<bool>
    OptStrict("cancel-verify-strict", cl::init(false),
              cl::desc("Report handles that escape analysis as LostCancel, and "
                       "make an empty model file or a model entry that matches "
                       "nothing an error"),
              cl::cat(Category));

static cl::opt<bool> OptPrintModel(
    "cancel-verify-print-model", cl::init(false),
    cl::desc("Print the resolved role of every function and global the "
             "module references, with where each role came from"),
    cl::cat(Category));

static cl::opt<bool> OptPrintFindings(
    "cancel-verify-print-findings", cl::init(false),
    cl::desc("Print every finding (suppressed ones excepted) as data: kind, "
             "location, typed arguments and related locations, one per line"),
    cl::cat(Category));

static cl::opt<DiagnosticMode> OptDiag(
    "cancel-verify-diag", cl::init(DiagnosticMode::Remark),
    cl::desc("Also report missed findings as compiler diagnostics"),
    cl::values(
        clEnumValN(DiagnosticMode::Remark, "remark", "remarks only (default)"),
        clEnumValN(DiagnosticMode::Warning, "warning",
                   "warnings, with notes (-Wpass-failed=cancel-verify)"),
        clEnumValN(DiagnosticMode::Error, "error",
                   "errors, with notes: the compile fails")),
    cl::cat(Category));

static cl::opt<std::string> OptSarif(
    "cancel-verify-sarif",
    cl::desc("Write the findings of the module as SARIF 2.1.0 to this file"),
    cl::value_desc("file"), cl::cat(Category));

static cl::opt<std::string> OptSarifDir(
    "cancel-verify-sarif-dir",
    cl::desc("Write SARIF into this directory, one file per module, named "
             "after its source file"),
    cl::value_desc("dir"), cl::cat(Category));

static cl::opt<std::string> OptBaseline(
    "cancel-verify-baseline",
    cl::desc("Do not report findings whose fingerprint this SARIF file of "
             "an earlier run holds"),
    cl::value_desc("file"), cl::cat(Category));

static cl::opt<bool> OptStats(
    "cancel-verify-stats", cl::init(false),
    cl::desc("Print counts (creations, verdicts, loops, suppressed and "
             "baselined findings) and the time of each stage"),
    cl::cat(Category));

static cl::opt<std::string> OptExportModel(
    "cancel-verify-export-model",
    cl::desc("Write what the summaries learned about the module's externally "
             "visible functions, globals and struct members to this file, in "
             "the model-file format"),
    cl::value_desc("file"), cl::cat(Category));

static cl::opt<LTOStage> OptLTO(
    "cancel-verify-lto", cl::init(LTOStage::Compile),
    cl::desc("In an LTO build, which step verifies"),
    cl::values(clEnumValN(LTOStage::Compile, "compile",
                          "each compile, its module alone (default)"),
               clEnumValN(LTOStage::Link, "link",
                          "the link, the whole program (lld with "
                          "--load-pass-plugin; compiles do not verify)")),
    cl::cat(Category));

cl::ValuesClass flagInferenceValues() {
  return cl::values(
      clEnumValN(FlagInference::None, "none", "only modelled flags"),
      clEnumValN(FlagInference::VolatileAtomic, "volatile-atomic",
                 "also volatile or atomic non-local loads (default)"),
      clEnumValN(FlagInference::NonLocal, "nonlocal",
                 "also plain non-local loads the loop never writes"));
}

cl::ValuesClass loopScopeValues() {
  return cl::values(
      clEnumValN(LoopScope::All, "all", "every loop (default)"),
      clEnumValN(LoopScope::Cancellable, "cancellable",
                 "only loops of functions that can see cancellation: they "
                 "observe, hold a token, or are called by a function that "
                 "can"));
}

static cl::opt<FlagInference> OptInferFlags(
    "cancel-verify-infer-flags", cl::init(FlagInference::VolatileAtomic),
    cl::desc("Which loads count as cancel flags without a model"),
    flagInferenceValues(),
    cl::cat(Category));

static cl::opt<LoopScope> OptLoops(
    "cancel-verify-loops", cl::init(LoopScope::All),
    cl::desc("Which blocking loops the loop check reports"),
    loopScopeValues(),
    cl::cat(Category));

/// What applyEnvironmentOptions() found wrong.
static std::string EnvironmentError;

static void readEnvironmentOptions();

void applyEnvironmentOptions() {
  // lld registers the plugin once per LTO backend thread.
  static std::once_flag Once;
  std::call_once(Once, readEnvironmentOptions);
}

static void readEnvironmentOptions() {
  std::optional<std::string> Text = sys::Process::GetEnv(OptionsEnvironmentVariable);
  if (!Text)
    return;
  BumpPtrAllocator Alloc;
  StringSaver Saver(Alloc);
  SmallVector<const char *, 8> Tokens;
  cl::TokenizeGNUCommandLine(*Text, Saver, Tokens);
  // A StringMap before LLVM 22, a DenseMap after.
  auto &Registered = cl::getRegisteredOptions();
  for (StringRef Token : Tokens) {
    StringRef Arg = Token;
    bool Dashed = Arg.consume_front("-");
    Arg.consume_front("-");
    // Only the verifier's own options: this is not a back door into LLVM's.
    if (!Dashed || !Arg.starts_with("cancel-verify-")) {
      EnvironmentError = std::string(OptionsEnvironmentVariable) + ": '" +
                         Token.str() + "' is not a -cancel-verify-* option";
      return;
    }
    auto [Name, Value] = Arg.split('=');
    auto It = Registered.find(Name);
    if (It == Registered.end()) {
      EnvironmentError = std::string(OptionsEnvironmentVariable) +
                         ": unknown option '-" + Name.str() + "'";
      return;
    }
    // The command line wins: a host may parse it before or after loading
    // the plugin.
    if (It->second->getNumOccurrences() > 0)
      continue;
    // addOccurrence reports a bad value through the parser's error(),
    // which prints to standard error and returns true.
    if (It->second->addOccurrence(/*pos=*/0, Name, Value)) {
      EnvironmentError = std::string(OptionsEnvironmentVariable) +
                         ": bad value for '-" + Name.str() + "'";
      return;
    }
  }
}

Expected<VerifierOptions> VerifierOptions::fromCommandLine() {
  if (!EnvironmentError.empty())
    return createStringError(inconvertibleErrorCode(), EnvironmentError);
  VerifierOptions O;
  O.Analysis.Model.ModelFiles.assign(OptModelFiles.begin(),
                                     OptModelFiles.end());
  Expected<CatalogSelection> Sel = parseCatalogList(OptBuiltins);
  if (!Sel)
    return createStringError(inconvertibleErrorCode(),
                             "-cancel-verify-builtins: " +
                                 toString(Sel.takeError()));
  O.Analysis.Model.Catalogs = *Sel;
  O.Analysis.Strict = OptStrict;
  O.Analysis.Model.Strict = OptStrict;
  O.Analysis.InferFlags = OptInferFlags;
  O.Analysis.Loops = OptLoops;
  O.PrintModel = OptPrintModel;
  O.PrintFindings = OptPrintFindings;
  O.Diag = OptDiag;
  O.SarifFile = OptSarif;
  O.SarifDir = OptSarifDir;
  O.BaselineFile = OptBaseline;
  O.Stats = OptStats;
  O.ExportModelFile = OptExportModel;
  O.LTO = OptLTO;
  if (!O.SarifFile.empty() && !O.SarifDir.empty())
    return createStringError(inconvertibleErrorCode(),
                             "-cancel-verify-sarif and -cancel-verify-sarif-dir "
                             "cannot be used together");
  return O;
}

} // namespace cancelverify
