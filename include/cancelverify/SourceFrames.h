//===- SourceFrames.h - Instructions as the source wrote them --*- C++ -*-===//
//
// The bottom layer of location and name helpers every other layer uses.
//
// After inlining, a call to read() written in read_frame() may sit in the
// loop of worker(); its debug location still says which functions it was
// inlined through. The loop check explains findings with those functions, so
// that a message reads the same for -O0 code (real calls) and -O2 code
// (inlined calls). Names are the ones users write: demangled, without
// parameter lists.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_SOURCEFRAMES_H
#define CANCELVERIFY_SOURCEFRAMES_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/IR/DebugLoc.h"
#include "llvm/IR/Instruction.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace llvm {
class DISubprogram;
class Function;
class GlobalVariable;
} // namespace llvm

namespace cancelverify {

/// A function whose code was inlined where an instruction is.
struct InlinedFrame {
  const llvm::DISubprogram *Callee;
  /// Where it was called, in its caller's code.
  llvm::DebugLoc CallSite;
};

/// The location in the function being analysed: code inlined from a callee
/// is reported at the call that was inlined.
llvm::DebugLoc outermostLoc(const llvm::DebugLoc &DL);
/// Where a finding about \p DL is placed: its outermost location, or, for
/// code optimization left without a line (line 0), the start of its
/// enclosing block or function, so that a finding always has a line.
llvm::DebugLoc reportedLoc(const llvm::DebugLoc &DL);

/// The source line of \p I ("?" without debug info or with line 0), at its
/// outermost inlined-at location.
std::string lineOf(const llvm::Instruction &I);
/// The line of \p DL as it stands ("?" when there is none or it is 0).
std::string lineOf(const llvm::DebugLoc &DL);

/// "file:line" (or "file:line:col" with \p WithColumn) of a debug location,
/// at its outermost inlined-at location; "<unknown>" without one.
std::string formatLocation(const llvm::DebugLoc &DL, bool WithColumn = false);

/// The functions code at \p DL was inlined through, outermost (called from
/// the function the code is in) first. Empty for code written in its own
/// function or without debug info.
llvm::SmallVector<InlinedFrame, 4> inlinedFrames(const llvm::DebugLoc &DL);
inline llvm::SmallVector<InlinedFrame, 4>
inlinedFrames(const llvm::Instruction &I) {
  return inlinedFrames(I.getDebugLoc());
}

/// The location of \p I, or, when an optimization merged copies of it and
/// dropped the location, that of an identical copy in the same function (a
/// load of the same address, a call of the same function): the loop
/// rotation's copy in the preheader still knows the line.
llvm::DebugLoc locationOrTwin(const llvm::Instruction &I);

/// Where optimized code inlined the function that owns the value \p Def
/// computes: the deepest inlined frame of \p Def that holds every use of
/// the value (through phis, selects and casts), at least one of them.
/// Returns \p Def's location as that frame sees it, or null when the
/// owner is the function itself (not inlined, a use outside every frame,
/// the value stored to memory, or not used at all).
const llvm::DILocation *owningFrameLocation(const llvm::Instruction &Def);

/// \p DL as the frame \p Frame (a location owningFrameLocation returned)
/// sees it: the call inside that frame that leads to \p DL, or \p DL
/// itself; null when \p DL is not inside that frame.
const llvm::DILocation *locationInFrame(const llvm::DebugLoc &DL,
                                        const llvm::DILocation *Frame);

/// A location with \p L's line, column and scope that is not inlined
/// anywhere: what a finding placed in an inlined frame reports.
llvm::DebugLoc detachedLocation(const llvm::DILocation *L);

/// The struct and byte offset an access's type-based alias tag says it is
/// to, the struct by its source spelling: `ops` for C's
/// `!{!"ops", !"any pointer", i64 8}`, `ns::ops` for C++'s type info name
/// `_ZTSN2ns3opsE`. Optimized code keeps no struct type on its accesses
/// (byte offsets); the tag still names the field.
std::optional<std::pair<std::string, int64_t>>
aliasTagField(const llvm::Instruction &I);

/// The top-level parameter types of an Itanium demangled parameter list
/// "(int, Pair, Ctx*)"; a trailing "..." is dropped.
std::optional<llvm::SmallVector<std::string, 8>>
splitDemangledParams(llvm::StringRef Params);

/// Whether \p Mangled names a function of the C++ standard library
/// (namespace std, libc++'s std::__1, libstdc++'s __gnu_cxx).
bool isStandardLibraryName(llvm::StringRef Mangled);

/// Whether \p F is a C++ constructor or destructor, by its Itanium name.
bool isConstructor(const llvm::Function &F);
bool isDestructor(const llvm::Function &F);

/// Whether the code \p I belongs to is the standard library's: the
/// innermost function inlined at \p I, or else the function holding it.
bool inStandardLibrary(const llvm::Instruction &I);

/// Line and column of \p I in its function's own code (at the outermost
/// inlined call), then in each inlined function down to its own code: the
/// order of the source, whatever the block order. Unlocated instructions
/// come last.
using SourceOrderKey = llvm::SmallVector<std::pair<unsigned, unsigned>, 4>;
SourceOrderKey sourceOrderKey(const llvm::Instruction &I);

/// Stable-sorts \p Items by the source order of the instruction \p InstOf
/// gives for each, computing each key once.
template <typename T, typename InstOfT>
void sortBySourceOrder(std::vector<T> &Items, InstOfT InstOf) {
  std::vector<std::pair<SourceOrderKey, size_t>> Keys;
  Keys.reserve(Items.size());
  for (size_t I = 0; I < Items.size(); ++I)
    Keys.push_back({sourceOrderKey(*InstOf(Items[I])), I});
  std::stable_sort(Keys.begin(), Keys.end());
  std::vector<T> Sorted;
  Sorted.reserve(Items.size());
  for (const auto &Entry : Keys)
    Sorted.push_back(std::move(Items[Entry.second]));
  Items = std::move(Sorted);
}

/// The function whose source code \p DL points into (the innermost inlined
/// one), or null without debug info.
const llvm::DISubprogram *sourceFunctionOf(const llvm::DebugLoc &DL);

/// "file:line" of the code \p DL points at itself, even when it was inlined
/// (Finding's formatLocation names the outermost call instead); "<unknown>"
/// without a location.
std::string sourceLocation(const llvm::DebugLoc &DL);

/// \p DL without its inlining history: the place in the source.
llvm::DebugLoc withoutInlining(const llvm::DebugLoc &DL);

/// "read", "Worker::step", "std::condition_variable::wait".
std::string sourceName(const llvm::Function &F);
std::string sourceName(const llvm::DISubprogram &SP);
std::string sourceName(const llvm::GlobalVariable &GV);

/// True for standard library and compiler runtime code (std::, __gnu_cxx::,
/// reserved identifiers): its internals are the catalogs' business, so its
/// loops are not judged and call chains stop at its entry.
bool isImplementationName(llvm::StringRef SourceName);

} // namespace cancelverify

#endif // CANCELVERIFY_SOURCEFRAMES_H
