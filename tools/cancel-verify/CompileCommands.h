//===- CompileCommands.h - A build's compilation database as IR -*- C++ -*-===//
//
// CMake (CMAKE_EXPORT_COMPILE_COMMANDS) and Bear record how every file of a
// build is compiled in compile_commands.json. The verifier reads such a
// database and compiles each C, C++ or Objective-C entry to bitcode with
// the recorded flags, in the recorded directory, with the clang of the LLVM
// it was built with: the build itself is not touched.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_TOOLS_COMPILECOMMANDS_H
#define CANCELVERIFY_TOOLS_COMPILECOMMANDS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace cancelverify {

/// One compile of the database, turned into a compile to bitcode.
struct BitcodeCompile {
  std::string Directory;
  std::string File;
  /// The clang command line: program, the recorded flags, then what makes
  /// it write bitcode to Output.
  std::vector<std::string> Args;
  std::string Output;
};

/// The compiles of \p DatabasePath, each writing a bitcode file into
/// \p OutputDir, run by \p Clang. Entries that do not compile C-family
/// sources (assembler, linking) are left out. Fails on a file that cannot
/// be read or is not a compilation database, naming the problem.
llvm::Expected<std::vector<BitcodeCompile>>
readCompileCommands(llvm::StringRef DatabasePath, llvm::StringRef Clang,
                    llvm::StringRef OutputDir);

/// Runs \p Compiles, \p Jobs at a time; fails naming every compile that
/// failed (its file and clang's exit status; clang's own messages go to
/// standard error).
llvm::Error runCompiles(const std::vector<BitcodeCompile> &Compiles,
                        unsigned Jobs);

} // namespace cancelverify

#endif // CANCELVERIFY_TOOLS_COMPILECOMMANDS_H
