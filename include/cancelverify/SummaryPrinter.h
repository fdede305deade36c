//===- SummaryPrinter.h - Function summaries as text -------------*- C++ -*-===//
//
// The stable text form of the function summaries that
// `opt -passes='print<cancel-verify-summaries>'` prints: what tests pin, as
// LLVM's tests pin the attributes FunctionAttrs infers.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_SUMMARYPRINTER_H
#define CANCELVERIFY_SUMMARYPRINTER_H

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace cancelverify {

class FunctionSummaries;

/// Prints the summary of every function with a body, in module order. Also
/// asks each function what it does with a handle passed as each pointer
/// parameter, or pointed to by one, so the effects show without callers.
void printSummaries(llvm::raw_ostream &OS, FunctionSummaries &Summaries);

} // namespace cancelverify

#endif // CANCELVERIFY_SUMMARYPRINTER_H
