//===- ModelSources.h - Private interfaces of the model readers -*- C++ -*-===//
//
// The pieces ApiModel::build puts together: the annotation reader and the
// mapping from source parameter positions to IR arguments.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_LIB_MODEL_MODELSOURCES_H
#define CANCELVERIFY_LIB_MODEL_MODELSOURCES_H

#include "cancelverify/ApiModel.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"

namespace llvm {
class GlobalValue;
}

namespace cancelverify {

/// A role written with __attribute__((annotate)) on a function or global.
struct AnnotatedRole {
  const llvm::GlobalValue *GV;
  RoleSpec Spec;
};

/// An annotated struct field, seen at one of its accesses
/// (llvm.ptr.annotation on a field address).
struct AnnotatedField {
  const llvm::Value *AnnotatedPtr; ///< the intrinsic's result
  std::string StructName;          ///< IR struct type name, if known
  uint64_t Offset = 0;             ///< byte offset of the field
  std::string Description;
  RoleOrigin Origin;
};

/// Finds where a bad annotation is written, for its diagnostic. The IR
/// records only the file and line of the declaration, so the column is
/// found by reading the source: the file as named, or under a compile
/// unit's directory when the name is relative. One locator serves a whole
/// model build, so each file is read at most once, and only when some
/// annotation in it is bad.
class AnnotationLocator {
public:
  explicit AnnotationLocator(const llvm::Module &M) : M(M) {}

  /// "file:line:col" of the annotation \p Text ("cancel-verify:...")
  /// recorded at \p FileLine ("file:line"), found on that line or on the
  /// attribute lines just above it; \p FileLine itself when the source is
  /// not at hand or shows no such text (a macro defined elsewhere).
  std::string where(llvm::StringRef FileLine, llvm::StringRef Text);

private:
  llvm::StringRef sourceLine(llvm::StringRef File, uint64_t LineNo);
  std::unique_ptr<llvm::MemoryBuffer> open(llvm::StringRef File);

  static constexpr uint64_t MaxLinesAbove = 8;
  const llvm::Module &M;
  struct SourceFile {
    std::unique_ptr<llvm::MemoryBuffer> Buffer;
    llvm::SmallVector<llvm::StringRef, 0> Lines;
  };
  llvm::StringMap<SourceFile> Files;
};

/// The warning for an annotation that is ignored: where it is, its text,
/// what it is on ("function 'f'"), and why.
std::string invalidAnnotation(llvm::StringRef Where, llvm::StringRef Text,
                              llvm::StringRef OnWhat, llvm::StringRef Problem);

/// Reads llvm.global.annotations and llvm.ptr.annotation calls. Strings that
/// do not start with "cancel-verify:" belong to other tools and are ignored;
/// malformed ones are reported, at \p Locator's place, and skipped.
void readAnnotations(llvm::Module &M, std::vector<AnnotatedRole> &Roles,
                     std::vector<AnnotatedField> &Fields,
                     std::vector<ModelDiagnostic> &Diags,
                     AnnotationLocator &Locator);

/// Maps a source position of \p F to its IR argument, undoing the ABI
/// lowering (sret, `this`, by-value structs split into several arguments)
/// with debug info or the mangled name. Fails with a message when the
/// position does not exist or cannot be mapped without guessing.
llvm::Expected<IRPosition> mapSourcePosition(const llvm::Function &F,
                                             const SourcePosition &P);

/// A struct member a model file names, as accesses find it.
struct ResolvedField {
  /// The IR struct type name ("struct.worker") and the member's byte
  /// offset: how -O0 accesses and alias tags name it.
  std::string IRStruct;
  uint64_t Offset = 0;
  /// For a bitfield: the struct's source name, and the member's first bit
  /// and width counted from the start of the struct. BitSize is 0 for a
  /// whole member.
  std::string SourceStruct;
  uint64_t BitOffset = 0, BitSize = 0;
};

/// Where struct member \p Member (a name, or an index) of the struct named
/// \p Struct is, using the module's IR types and debug info.
std::optional<ResolvedField>
resolveFieldEntry(llvm::Module &M, llvm::StringRef Struct,
                  llvm::StringRef Member, std::string &Error);

/// Reports the model-file entries in \p Unmatched, which matched nothing in
/// \p M. A whole program (Config.WholeProgram) warns about each; one
/// translation unit only about an exact name one typo away from a function
/// or global of \p M that \p IsModelled says has no roles, since most
/// entries of a library's model are for functions a given file never calls.
/// With Config.Strict the warnings are errors; returns false then.
bool reportUnmatchedEntries(
    const llvm::Module &M, llvm::ArrayRef<const ModelEntry *> Unmatched,
    llvm::function_ref<bool(const llvm::GlobalValue &)> IsModelled,
    const ModelConfig &Config, std::vector<ModelDiagnostic> &Diags);

} // namespace cancelverify

#endif // CANCELVERIFY_LIB_MODEL_MODELSOURCES_H
