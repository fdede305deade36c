//===- DeclaredParameters.h - Pointer-to-const parameters -------*- C++ -*-===//
//
// A parameter declared as a pointer or reference to const borrows what it
// is given. Optimized code built with -g describes the declarations it
// calls; at -O0 clang describes none, so the same call would borrow at -O2
// and let the handle escape at -O0. This recovers the declared parameter
// types where the debug info does not have them: from the mangled name of
// a C++ function, and from the prototype in the translation unit's own
// sources (the main file and the headers it includes with quotes, found
// beside their includer or in the nearest directory above it) for C.
// Private to lib/Analysis.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_LIB_DECLAREDPARAMETERS_H
#define CANCELVERIFY_LIB_DECLAREDPARAMETERS_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"

#include <optional>
#include <string>

namespace llvm {
class Function;
class Module;
} // namespace llvm

namespace cancelverify {

class DeclaredParameters {
public:
  explicit DeclaredParameters(const llvm::Module &M) : M(M) {}

  /// Whether argument \p ArgNo of the declaration \p F is declared a
  /// pointer or reference to const. False when the declaration cannot be
  /// found, is ambiguous, or does not match the IR's arguments.
  bool pointsToConst(const llvm::Function &F, unsigned ArgNo);

  /// Whether the text of one parameter declares a pointer or reference to
  /// const (`const char *s`, `char const*`, `const T &`), not a const
  /// pointer (`char *const p`) nor a pointer to pointer.
  static bool isPointerToConst(llvm::StringRef Param);

private:
  using ConstFlags = llvm::SmallVector<bool, 4>;
  std::optional<ConstFlags> fromMangledName(const llvm::Function &F);
  static bool isConstQualified(llvm::StringRef Demangled);
  std::optional<ConstFlags> fromSource(const llvm::Function &F);
  void scanSources();
  void scanFile(const std::string &Path, unsigned Depth);
  std::optional<std::string> resolveInclude(llvm::StringRef Dir,
                                            llvm::StringRef Name);
  void addPrototypes(llvm::StringRef Text);

  const llvm::Module &M;
  bool Scanned = false;
  llvm::StringSet<> FilesSeen;
  uint64_t BytesRead = 0;
  /// Prototypes by name; nullopt when two of them disagree.
  llvm::StringMap<std::optional<ConstFlags>> Prototypes;
  llvm::StringMap<std::optional<ConstFlags>> Cache;
  /// resolveInclude's answers, by directory and name.
  llvm::StringMap<std::optional<std::string>> Resolved;
};

} // namespace cancelverify

#endif // CANCELVERIFY_LIB_DECLAREDPARAMETERS_H
