//===- cancel-verify.cpp - The command-line verifier ----------------------===//
//
// cancel-verify reads LLVM IR files (text or bitcode), links them into one
// module, so that a handle created in one translation unit and cancelled
// by a helper in another is followed across them, runs the verifier on it
// and reports the findings as compiler-style text, SARIF or remark YAML.
// The exit status says what it found: 0 no warning reported, 1 warnings
// reported, 2 bad input.
//
// The analysis is the library's (runVerifier); this file only reads the
// inputs, maps its own options onto VerifierOptions and chooses the output.
//
//===----------------------------------------------------------------------===//
#include "CompileCommands.h"
#include "FindingOutput.h"

#include "cancelverify/ApiModel.h"
#include "cancelverify/FindingSinks.h"
#include "cancelverify/ModelExport.h"
#include "cancelverify/Options.h"
#include "cancelverify/SarifWriter.h"
#include "cancelverify/Verifier.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/IR/DiagnosticHandler.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/IRReader/IRReader.h"
#include "llvm/Linker/Linker.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>

#ifndef CANCELVERIFY_VERSION
#define CANCELVERIFY_VERSION "0.1.0"
#endif

using namespace llvm;
using namespace cancelverify;

enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitBadInput = 2 };

enum class OutputFormat { Text, Sarif, Yaml };

static cl::OptionCategory ToolCategory("cancel-verify options");

static cl::list<std::string> InputFiles(cl::Positional, cl::ZeroOrMore,
                                        cl::desc("<input .ll or .bc files>"),
                                        cl::cat(ToolCategory));

static cl::list<std::string>
    ModelFiles("model",
               cl::desc("Read an API model from this YAML file; repeatable, "
                        "earlier files win over later ones"),
               cl::value_desc("file"), cl::cat(ToolCategory));

static cl::opt<std::string>
    Builtins("builtins", cl::init("all"),
             cl::desc("Built-in catalogs to use: a comma-separated list of "
                      "posix, pthread, cxx; 'all' (default) or 'none'"),
             cl::value_desc("list"), cl::cat(ToolCategory));

static cl::opt<bool> Strict("strict",
                            cl::desc("Report handles that escape the analysis "
                                     "(CancelEscapes) as LostCancel, and make "
                                     "an empty model file or a model entry "
                                     "that matches nothing an error"),
                            cl::cat(ToolCategory));

static cl::opt<FlagInference> InferFlags(
    "infer-flags", cl::init(FlagInference::VolatileAtomic),
    cl::desc("Which loads count as cancel flags without a model"),
    flagInferenceValues(),
    cl::cat(ToolCategory));

static cl::opt<LoopScope> Loops(
    "loops", cl::init(LoopScope::All),
    cl::desc("Which blocking loops the loop check reports"),
    loopScopeValues(),
    cl::cat(ToolCategory));

static cl::opt<std::string>
    BaselineFile("baseline",
                 cl::desc("Do not report findings this SARIF file of an "
                          "earlier run (--format=sarif) holds"),
                 cl::value_desc("file"), cl::cat(ToolCategory));

static cl::opt<bool> PrintModel(
    "print-model",
    cl::desc("Print to standard error the resolved roles of every function "
             "and global the program references, with where each role came "
             "from"),
    cl::cat(ToolCategory));

static cl::opt<OutputFormat>
    Format("format", cl::init(OutputFormat::Text),
           cl::desc("How to write the findings"),
           cl::values(clEnumValN(OutputFormat::Text, "text",
                                 "one line per finding, as compilers print "
                                 "diagnostics (default)"),
                      clEnumValN(OutputFormat::Sarif, "sarif",
                                 "SARIF 2.1.0, with suppressed and baselined "
                                 "findings marked"),
                      clEnumValN(OutputFormat::Yaml, "yaml",
                                 "LLVM's optimization remark YAML")),
           cl::cat(ToolCategory));

static cl::opt<std::string>
    OutputFile("o",
               cl::desc("Write the findings to this file "
                        "(default: standard output)"),
               cl::value_desc("file"), cl::init("-"), cl::cat(ToolCategory));

static cl::opt<std::string> ExportModel(
    "export-model",
    cl::desc("Write what the summaries learned about the program's externally "
             "visible functions, globals and struct members to this file, in "
             "the model-file format"),
    cl::value_desc("file"), cl::cat(ToolCategory));

static cl::opt<std::string> CompileCommands(
    "compile-commands",
    cl::desc("Also check the files of this compilation database "
             "(compile_commands.json, or a directory holding one): each is "
             "compiled to bitcode with its recorded flags by --clang and "
             "linked with the other inputs"),
    cl::value_desc("path"), cl::cat(ToolCategory));

static cl::opt<std::string> ClangPath(
    "clang",
    cl::desc("The clang that compiles --compile-commands entries (default: "
             "the clang of the LLVM this tool was built with)"),
    cl::value_desc("path"), cl::init(CANCELVERIFY_CLANG), cl::cat(ToolCategory));

static cl::opt<unsigned>
    Jobs("j",
         cl::desc("Compile this many --compile-commands entries at once "
                  "(default 1)"),
         cl::value_desc("n"), cl::init(1), cl::cat(ToolCategory));

static cl::opt<bool> MergeModels(
    "merge-models",
    cl::desc("Read the inputs as model files (exported ones, say) and write "
             "them as one to -o, the first entry for each name winning; no "
             "IR is read"),
    cl::cat(ToolCategory));

static cl::opt<bool> Summary(
    "summary",
    cl::desc("After the findings, print how many were reported of each "
             "remark name, and the total (with --format=sarif or yaml, to "
             "standard error)"),
    cl::cat(ToolCategory));

static cl::opt<bool>
    Verbose("verbose",
            cl::desc("With --format=text, also show what was verified "
                     "(CancelVerified, LoopObservesCancel)"),
            cl::cat(ToolCategory));

static const char *const Overview =
    "checks cancellation chains in LLVM IR, across translation units\n"
    "\n"
    "  Reads the IR files given (.ll or .bc, e.g. from clang -g -S "
    "-emit-llvm),\n"
    "  links them into one program and reports cancel handles that are "
    "lost,\n"
    "  discarded or overwritten, detached contexts, and blocking loops "
    "that\n"
    "  ignore cancellation.\n"
    "\n"
    "  Exit status: 0 when no warning is reported, 1 when one is, 2 on bad\n"
    "  input (an unreadable file, invalid IR, a link error, a bad option "
    "value,\n"
    "  model file or baseline).\n";

namespace {
/// Prints the LLVMContext's diagnostics (bad model files, bad annotations,
/// a bad baseline, linker problems) as this tool's own messages and counts
/// the errors. Handling them keeps LLVM from printing them itself and
/// exiting with status 1 on an error, which would read as "findings".
class ToolDiagnosticHandler final : public DiagnosticHandler {
public:
  bool handleDiagnostics(const DiagnosticInfo &DI) override {
    StringRef Severity;
    switch (DI.getSeverity()) {
    case DS_Error:
      Severity = "error";
      ++Errors;
      break;
    case DS_Warning:
      Severity = "warning";
      break;
    case DS_Note:
      Severity = "note";
      break;
    case DS_Remark:
      // The verifier's remarks are off; nothing else here emits any.
      return true;
    }
    std::string Text;
    raw_string_ostream OS(Text);
    DiagnosticPrinterRawOStream DP(OS);
    DI.print(DP);
    // The library names itself in its messages, for clang's output.
    StringRef Message = Text;
    Message.consume_front("cancel-verify: ");
    // Several errors of a model file come as one diagnostic, one
    // "error: cancel-verify: " line each, as clang prints them; here each
    // reads as this tool's own.
    std::string Lines = join(split(Message, "\nerror: cancel-verify: "),
                             "\ncancel-verify: error: ");
    errs() << "cancel-verify: " << Severity << ": " << Context << Lines << "\n";
    return true;
  }

  /// Said before every message: what the tool is doing ("cannot link
  /// 'b.ll': "), for the messages that do not say which file they are about.
  std::string Context;
  unsigned Errors = 0;
};
} // namespace

static void error(const Twine &Message) {
  errs() << "cancel-verify: error: " << Message << "\n";
}

/// Reads one IR file into \p Ctx. Reports why not, naming the file.
static std::unique_ptr<Module> readInput(StringRef Path, LLVMContext &Ctx) {
  SMDiagnostic Err;
  std::unique_ptr<Module> M = parseIRFile(Path, Err, Ctx);
  if (!M) {
    // "FILE:LINE:COL: MESSAGE", then the line and a caret when the parser
    // knows where.
    errs() << "cancel-verify: error: ";
    Err.print(nullptr, errs(), /*ShowColors=*/false, /*ShowKindLabel=*/false);
    return nullptr;
  }
  // The analysis assumes well-formed IR; the parser checks only part of
  // it. Broken debug info was already dropped with a warning by the reader.
  std::string Problems;
  raw_string_ostream OS(Problems);
  bool BrokenDebugInfo = false;
  if (verifyModule(*M, &OS, &BrokenDebugInfo)) {
    error(Path + ": invalid IR:\n" + StringRef(Problems).rtrim());
    return nullptr;
  }
  return M;
}

/// Reads every input and links them into one module; nothing after
/// reporting why not.
static std::unique_ptr<Module> readProgram(ArrayRef<std::string> Inputs,
                                           LLVMContext &Ctx,
                                           ToolDiagnosticHandler &Diags) {
  std::unique_ptr<Module> Program;
  for (const std::string &Path : Inputs) {
    std::unique_ptr<Module> M = readInput(Path, Ctx);
    if (!M)
      return nullptr;
    if (!Program) {
      Program = std::move(M);
      continue;
    }
    unsigned ErrorsBefore = Diags.Errors;
    Diags.Context = "cannot link '" + Path + "': ";
    bool Failed = Linker::linkModules(*Program, std::move(M));
    Diags.Context.clear();
    if (Failed) {
      if (Diags.Errors == ErrorsBefore)
        error("cannot link '" + Path + "'");
      return nullptr;
    }
  }
  // Statistics name the module; with several inputs, name them all.
  if (Inputs.size() > 1)
    Program->setModuleIdentifier(join(Inputs, ", "));
  return Program;
}

/// The VerifierOptions the command line asks for; nothing after reporting
/// a bad value.
static std::optional<VerifierOptions> verifierOptions(bool Stats) {
  VerifierOptions Opts;
  Opts.Analysis.Model.ModelFiles.assign(ModelFiles.begin(), ModelFiles.end());
  Expected<CatalogSelection> Catalogs = parseCatalogList(Builtins);
  if (!Catalogs) {
    error("--builtins: " + toString(Catalogs.takeError()));
    return std::nullopt;
  }
  Opts.Analysis.Model.Catalogs = *Catalogs;
  Opts.Analysis.Strict = Strict;
  Opts.Analysis.Model.Strict = Strict;
  // The inputs are linked into one program: a model entry matching nothing
  // in it is dead or misspelt.
  Opts.Analysis.Model.WholeProgram = true;
  Opts.Analysis.InferFlags = InferFlags;
  Opts.Analysis.Loops = Loops;
  Opts.PrintModel = PrintModel;
  Opts.BaselineFile = BaselineFile;
  Opts.Stats = Stats;
  Opts.ExportModelFile = ExportModel;
  return Opts;
}

namespace {
/// A directory removed with everything in it when the run ends.
struct TemporaryDirectory {
  SmallString<128> Path;
  ~TemporaryDirectory() {
    if (!Path.empty())
      sys::fs::remove_directories(Path);
  }
};
} // namespace

/// Compiles the entries of --compile-commands into \p Scratch and adds the
/// bitcode files to \p Inputs; false after saying why not.
static bool compileDatabase(TemporaryDirectory &Scratch,
                            std::vector<std::string> &Inputs) {
  if (!sys::fs::can_execute(ClangPath)) {
    error("--clang: '" + ClangPath + "' is not a program that can be run");
    return false;
  }
  SmallString<128> Database(CompileCommands);
  if (sys::fs::is_directory(Database))
    sys::path::append(Database, "compile_commands.json");
  if (std::error_code EC =
          sys::fs::createUniqueDirectory("cancel-verify", Scratch.Path)) {
    error("cannot create a directory for the compiled files: " + EC.message());
    return false;
  }
  Expected<std::vector<BitcodeCompile>> Compiles =
      readCompileCommands(Database, ClangPath, Scratch.Path);
  if (!Compiles) {
    error(toString(Compiles.takeError()));
    return false;
  }
  if (Compiles->empty()) {
    error("'" + Database + "' has no C or C++ file to check");
    return false;
  }
  if (Error E = runCompiles(*Compiles, Jobs)) {
    std::string Messages = toString(std::move(E));
    for (StringRef Line : split(Messages, '\n'))
      error(Line);
    return false;
  }
  for (const BitcodeCompile &C : *Compiles)
    Inputs.push_back(C.Output);
  return true;
}

/// --merge-models: the inputs are model files, merged into -o.
static int mergeModels() {
  if (InputFiles.empty()) {
    error("--merge-models: no model files given");
    return ExitBadInput;
  }
  Expected<std::vector<ModelEntry>> Merged = mergeModelFiles(InputFiles);
  if (!Merged) {
    std::string Messages = toString(Merged.takeError());
    for (StringRef Line : split(Messages, '\n'))
      error(Line);
    return ExitBadInput;
  }
  std::error_code EC;
  ToolOutputFile Out(OutputFile, EC, sys::fs::OF_Text);
  if (EC) {
    error("cannot write '" + OutputFile + "': " + EC.message());
    return ExitBadInput;
  }
  writeModelFile(Out.os(), *Merged,
                 "cancel-verify model merged from " + join(InputFiles, ", "));
  Out.os().flush();
  if (Out.os().has_error()) {
    error("cannot write '" + OutputFile + "': " + Out.os().error().message());
    Out.os().clear_error();
    return ExitBadInput;
  }
  Out.keep();
  return ExitClean;
}

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);

  // LLVM registers a -stats of its own (its statistics counters) before
  // main runs; here --stats means the verifier's counts and times, so the
  // tool takes the name over. The option must be created after that,
  // hence not with the others.
  if (cl::Option *LLVMStats = cl::getRegisteredOptions().lookup("stats"))
    LLVMStats->removeArgument();
  static cl::opt<bool> Stats(
      "stats",
      cl::desc("Print to standard error counts (creations, verdicts, "
               "loops, suppressed and baselined findings) and the time of "
               "each stage"),
      cl::cat(ToolCategory));

  cl::HideUnrelatedOptions(ToolCategory);
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "cancel-verify " CANCELVERIFY_VERSION " (LLVM " LLVM_VERSION_STRING
          ")\n";
  });
  // With an error stream, a bad option is reported here and we decide the
  // exit status: a bad option is bad input, not a finding.
  if (!cl::ParseCommandLineOptions(argc, argv, Overview, &errs()))
    return ExitBadInput;

  if (MergeModels)
    return mergeModels();

  std::optional<VerifierOptions> Opts = verifierOptions(Stats);
  if (!Opts)
    return ExitBadInput;

  LLVMContext Ctx;
  auto Handler = std::make_unique<ToolDiagnosticHandler>();
  ToolDiagnosticHandler &Diags = *Handler;
  Ctx.setDiagnosticHandler(std::move(Handler));

  // The files of a compilation database, compiled to bitcode in a
  // directory of our own that goes away with the run.
  std::vector<std::string> Inputs(InputFiles.begin(), InputFiles.end());
  TemporaryDirectory Scratch;
  if (!CompileCommands.empty()) {
    if (!compileDatabase(Scratch, Inputs))
      return ExitBadInput;
  }
  if (Inputs.empty()) {
    error("no input: give IR files or --compile-commands");
    return ExitBadInput;
  }

  std::unique_ptr<Module> Program = readProgram(Inputs, Ctx, Diags);
  if (!Program || Diags.Errors)
    return ExitBadInput;

  std::error_code EC;
  ToolOutputFile Out(OutputFile, EC, sys::fs::OF_Text);
  if (EC) {
    error("cannot write '" + OutputFile + "': " + EC.message());
    return ExitBadInput;
  }

  // runVerifier hands every finding to Output, silenced ones marked: SARIF
  // records them all; the text and YAML outputs and the summary see only
  // those reported.
  SarifSink Sarif(*Program, /*AsErrors=*/false,
                  /*WithBaseline=*/!BaselineFile.empty());
  TextSink Text(Out.os());
  std::unique_ptr<YamlRemarkSink> Yaml;
  SummarySink Counts;
  FindingFanOut Reported;
  FindingFanOut Output;
  switch (Format) {
  case OutputFormat::Text:
    Reported.add(Text);
    break;
  case OutputFormat::Sarif:
    Output.add(Sarif);
    break;
  case OutputFormat::Yaml: {
    Expected<std::unique_ptr<YamlRemarkSink>> Y =
        YamlRemarkSink::create(Out.os());
    if (!Y) {
      error("cannot write remark YAML: " + toString(Y.takeError()));
      return ExitBadInput;
    }
    Yaml = std::move(*Y);
    Reported.add(*Yaml);
    break;
  }
  }
  Reported.add(Counts);
  // SARIF leaves passed findings out and YAML keeps them, as the plugin's
  // outputs do; text shows them on request.
  bool WithPassed =
      Format == OutputFormat::Yaml || (Format == OutputFormat::Text && Verbose);
  ReportedFilter Filter(WithPassed, Reported);
  Output.add(Filter);

  VerifierRun Run = runVerifier(*Program, *Opts, /*Remarks=*/false, &Output);
  if (!Run.Analysed || Diags.Errors)
    return ExitBadInput;

  if (Format == OutputFormat::Sarif)
    Sarif.write(Out.os());
  if (Summary)
    Counts.print(Format == OutputFormat::Text ? Out.os() : errs());
  Out.os().flush();
  if (Out.os().has_error()) {
    error("cannot write '" + OutputFile + "': " + Out.os().error().message());
    Out.os().clear_error();
    return ExitBadInput;
  }
  Out.keep();
  return Run.Counts.ReportedMissed ? ExitFindings : ExitClean;
}
