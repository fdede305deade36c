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

/// "the handle created at line 12 by 'cv_with_cancel'" and the like, for
/// the summary printer.
std::string creatorText(const HandleSite &Site);
std::string dischargeText(const DischargeEvent &D);
std::string leafText(const DischargeWitness &W);
std::string escapeText(const EscapeReason &R);

} // namespace cancelverify

#endif // CANCELVERIFY_FINDINGTEXT_H
