//===- CompileCommands.cpp - A build's compilation database as IR ---------===//
//
// Each recorded command keeps its flags (defines, include paths, language
// standard, -O level) and loses what would write something other than one
// bitcode file or would need the verifier's plugin: outputs, dependency
// files, plugins, LTO. Then -emit-llvm -Xclang -disable-llvm-passes gives
// the IR the plugin sees at the start of clang's pipeline at that -O level,
// with -g for source locations and -w since the build reports warnings
// itself. clang's -working-directory stands for the recorded directory.
//
//===----------------------------------------------------------------------===//
#include "CompileCommands.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/StringSaver.h"

using namespace llvm;

namespace cancelverify {

static Error failure(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Message);
}

/// Whether \p File is a source clang compiles to IR.
static bool isCFamilySource(StringRef File) {
  StringRef Ext = sys::path::extension(File);
  return is_contained({".c", ".cc", ".cp", ".cpp", ".cxx", ".c++", ".C", ".m",
                       ".mm", ".i", ".ii"},
                      Ext);
}

/// The recorded arguments after the program, without what writes other
/// outputs or needs a plugin.
static std::vector<std::string> keptArguments(ArrayRef<StringRef> Args) {
  std::vector<std::string> Kept;
  for (size_t I = 1; I < Args.size(); ++I) {
    StringRef A = Args[I];
    // Flags with a separate value to drop as well.
    if (is_contained({"-o", "-MF", "-MT", "-MQ"}, A)) {
      ++I;
      continue;
    }
    if (A == "-Xclang" && I + 3 < Args.size() && Args[I + 1] == "-load" &&
        Args[I + 2] == "-Xclang") {
      I += 3;
      continue;
    }
    if (A == "-mllvm" && I + 1 < Args.size() &&
        Args[I + 1].starts_with("-cancel-verify")) {
      ++I;
      continue;
    }
    if (is_contained({"-c", "-S", "-E", "-M", "-MM", "-MD", "-MMD", "-MP",
                      "-emit-llvm", "-pipe"},
                     A) ||
        A.starts_with("-o") || A.starts_with("-MF") || A.starts_with("-MT") ||
        A.starts_with("-MQ") || A.starts_with("-fpass-plugin=") ||
        A.starts_with("-fplugin=") || A.starts_with("-flto") ||
        A.starts_with("-save-temps"))
      continue;
    Kept.push_back(A.str());
  }
  return Kept;
}

Expected<std::vector<BitcodeCompile>>
readCompileCommands(StringRef DatabasePath, StringRef Clang,
                    StringRef OutputDir) {
  auto Buffer = MemoryBuffer::getFile(DatabasePath, /*IsText=*/true);
  if (!Buffer)
    return failure("cannot read '" + DatabasePath +
                   "': " + Buffer.getError().message());
  Expected<json::Value> Parsed = json::parse((*Buffer)->getBuffer());
  if (!Parsed)
    return failure("'" + DatabasePath + "' is not JSON: " +
                   toString(Parsed.takeError()));
  const json::Array *Entries = Parsed->getAsArray();
  if (!Entries)
    return failure("'" + DatabasePath +
                   "' is not a compilation database (a JSON array of "
                   "compile commands)");
  std::vector<BitcodeCompile> Out;
  BumpPtrAllocator Alloc;
  StringSaver Saver(Alloc);
  for (size_t N = 0; N < Entries->size(); ++N) {
    auto Bad = [&](const Twine &Why) {
      return failure("'" + DatabasePath + "': entry " + Twine(N + 1) + " " +
                     Why);
    };
    const json::Object *E = (*Entries)[N].getAsObject();
    if (!E)
      return Bad("is not an object");
    std::optional<StringRef> Dir = E->getString("directory");
    std::optional<StringRef> File = E->getString("file");
    if (!Dir || !File)
      return Bad("has no 'directory' or no 'file'");
    SmallVector<StringRef, 32> Args;
    if (const json::Array *A = E->getArray("arguments")) {
      for (const json::Value &V : *A) {
        std::optional<StringRef> S = V.getAsString();
        if (!S)
          return Bad("has an argument that is not a string");
        Args.push_back(*S);
      }
    } else if (std::optional<StringRef> Cmd = E->getString("command")) {
      SmallVector<const char *, 32> Tokens;
      cl::TokenizeGNUCommandLine(*Cmd, Saver, Tokens);
      for (const char *T : Tokens)
        Args.push_back(T);
    } else {
      return Bad("has neither 'arguments' nor 'command'");
    }
    if (Args.empty())
      return Bad("has an empty command");
    if (!isCFamilySource(*File))
      continue;

    BitcodeCompile C;
    C.Directory = Dir->str();
    C.File = File->str();
    SmallString<128> Output(OutputDir);
    sys::path::append(Output, Twine(N + 1) + "-" +
                                  sys::path::filename(*File) + ".bc");
    C.Output = Output.str().str();
    C.Args.push_back(Clang.str());
    for (std::string &A : keptArguments(Args))
      C.Args.push_back(std::move(A));
    for (const char *A : {"-c", "-emit-llvm", "-g", "-w", "-Xclang",
                          "-disable-llvm-passes", "-working-directory"})
      C.Args.push_back(A);
    C.Args.push_back(C.Directory);
    C.Args.push_back("-o");
    C.Args.push_back(C.Output);
    Out.push_back(std::move(C));
  }
  return Out;
}

Error runCompiles(const std::vector<BitcodeCompile> &Compiles, unsigned Jobs) {
  Jobs = std::max(1u, Jobs);
  std::string Failed;
  for (size_t Start = 0; Start < Compiles.size(); Start += Jobs) {
    size_t End = std::min(Compiles.size(), Start + Jobs);
    std::vector<sys::ProcessInfo> Running(End - Start);
    std::vector<std::string> LaunchErrors(End - Start);
    for (size_t I = Start; I < End; ++I) {
      SmallVector<StringRef, 32> Args(Compiles[I].Args.begin(),
                                      Compiles[I].Args.end());
      bool ExecFailed = false;
      Running[I - Start] =
          sys::ExecuteNoWait(Args.front(), Args, std::nullopt, {}, 0,
                             &LaunchErrors[I - Start], &ExecFailed);
      if (ExecFailed && LaunchErrors[I - Start].empty())
        LaunchErrors[I - Start] = "cannot run '" + Compiles[I].Args.front() + "'";
    }
    for (size_t I = Start; I < End; ++I) {
      std::string Why = LaunchErrors[I - Start];
      // A process that never started has nothing to wait for.
      if (Why.empty() && Running[I - Start].Pid) {
        sys::ProcessInfo Done =
            sys::Wait(Running[I - Start], std::nullopt, &Why);
        if (Why.empty() && Done.ReturnCode != 0)
          Why = "clang exited with status " + std::to_string(Done.ReturnCode);
      }
      if (!Why.empty())
        Failed += (Failed.empty() ? "" : "\n") + ("cannot compile '" +
                                                  Compiles[I].File + "': " + Why);
    }
  }
  if (!Failed.empty())
    return failure(Failed);
  return Error::success();
}

} // namespace cancelverify
