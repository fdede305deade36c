//===- DetachedContext.h - A context derived from a root ---------*- C++ -*-===//
//
// DetachedContext: a creation whose parent is a root context (Go's
// context.Background()) although the function has a context at hand, so
// cancelling the caller does not reach the new context. Private to the
// handle check.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_LIB_DETACHEDCONTEXT_H
#define CANCELVERIFY_LIB_DETACHEDCONTEXT_H

#include <string>

namespace llvm {
class CallBase;
class Function;
} // namespace llvm

namespace cancelverify {

class ApiModel;
class HandleSummaries;
struct HandleSite;

/// The root call this creation's parent comes from, if it comes from one.
const llvm::CallBase *rootParent(const HandleSite &Site, HandleSummaries &HS);

/// The context the function could have used instead: a parameter (or a
/// field of one) used as a context, or typed like the creation's contexts
/// (the variables holding them, or the class of the creator's parent
/// parameter). Its source spelling ("ctx", "r->ctx", "parameter 1"), or empty.
std::string contextAtHand(const llvm::Function &F, const HandleSite &Site,
                          const llvm::CallBase &Root, const ApiModel &Model,
                          HandleSummaries &HS);

} // namespace cancelverify

#endif // CANCELVERIFY_LIB_DETACHEDCONTEXT_H
