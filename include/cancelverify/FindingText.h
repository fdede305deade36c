//===- FindingText.h - The words of every finding ---------------*- C++ -*-===//
//
// The one place findings are put into words: the message of a remark or
// diagnostic, and what each related location is. Everything else handles
// findings as data.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_FINDINGTEXT_H
#define CANCELVERIFY_FINDINGTEXT_H

#include "cancelverify/Finding.h"

#include <string>

namespace cancelverify {

/// The message of \p F, without the remark name.
std::string findingMessage(const Finding &F);

/// What a related location is: "the function returns here without
/// cancelling", "the blocking call", "calls 'read_frame'".
std::string relatedText(const RelatedLocation &R);

/// The location to show for a related location: where the call is written
/// for the call chain of a loop (as the loop messages name it), the
/// outermost inlined call for the rest (as the handle messages do).
llvm::DebugLoc relatedDisplayLoc(const RelatedLocation &R);

/// A branch decision on the way to a lost handle's exit: "taking the true
/// branch", "taking case 3", "taking the default case".
std::string stepText(const PathStep &S);

/// What a remark kind means, for rule metadata (SARIF): a one-line
/// summary, a fuller description, and how to fix what it reports.
struct RuleText {
  std::string Short, Full, Help;
};
RuleText ruleText(FindingKind K);

/// "the handle created at line 12 by 'cv_with_cancel'" and the like, for
/// the summary printer.
std::string creatorText(const HandleSite &Site);
std::string dischargeText(const DischargeEvent &D,
                          const llvm::DILocation *Frame = nullptr);
std::string leafText(const DischargeWitness &W,
                     const llvm::DILocation *Frame = nullptr);
std::string escapeText(const EscapeReason &R);

} // namespace cancelverify

#endif // CANCELVERIFY_FINDINGTEXT_H
