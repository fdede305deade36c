//===- FindingPrinter.cpp - Findings as facts, one per line ----------------===//
//
// The format, per finding:
//
//   finding KIND at FILE:LINE:COL in 'FUNCTION'
//     <key>: <value>
//     related <ROLE> at FILE:LINE:COL
//
// Keys appear only when they have a value. Names are demangled; locations
// are the outermost inlined call for handles and the source position for
// loops, as in the remarks.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/FindingSinks.h"

#include "cancelverify/SourceFrames.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace cancelverify {

static std::string name(const Function *F) {
  return F ? "'" + demangle(F->getName().str()) + "'" : std::string("-");
}

static std::string where(const DebugLoc &DL) {
  return DL ? formatLocation(DL, /*WithColumn=*/true) : std::string("-");
}

static StringRef roleName(RelatedRole R) {
  switch (R) {
  case RelatedRole::Creation:
    return "creation";
  case RelatedRole::LostExit:
    return "lost-exit";
  case RelatedRole::Overwrite:
    return "overwrite";
  case RelatedRole::Escape:
    return "escape";
  case RelatedRole::Discharge:
    return "discharge";
  case RelatedRole::Transfer:
    return "transfer";
  case RelatedRole::RootContext:
    return "root-context";
  case RelatedRole::CallHop:
    return "call-hop";
  case RelatedRole::BlockingCall:
    return "blocking-call";
  case RelatedRole::Observation:
    return "observation";
  }
  return "?";
}

static StringRef verifiedName(VerifiedHow H) {
  switch (H) {
  case VerifiedHow::NoExitWithHandle:
    return "no-exit-with-handle";
  case VerifiedHow::MainReturn:
    return "main-return";
  case VerifiedHow::Discharged:
    return "discharged";
  case VerifiedHow::Guarded:
    return "guarded";
  case VerifiedHow::Transferred:
    return "transferred";
  }
  return "?";
}

static StringRef dischargeName(const DischargeWitness &W) {
  if (!W.At)
    return "unnamed";
  switch (W.Kind) {
  case DischargeKind::Cancelled:
    return "cancel";
  case DischargeKind::Deferred:
    return "defer";
  case DischargeKind::Taken:
    return "take";
  case DischargeKind::Called:
    return "call";
  }
  return "?";
}

static StringRef escapeName(EscapeReason::KindTy K) {
  switch (K) {
  case EscapeReason::Global:
    return "global";
  case EscapeReason::Heap:
    return "heap";
  case EscapeReason::UnknownMemory:
    return "unknown-memory";
  case EscapeReason::UnknownCallee:
    return "unknown-callee";
  case EscapeReason::IndirectCall:
    return "indirect-call";
  case EscapeReason::UnknownDeleter:
    return "unknown-deleter";
  case EscapeReason::VariableIndex:
    return "variable-index";
  }
  return "?";
}

static std::string chain(const Witness &W) {
  SmallVector<std::string, 6> Parts(W.Via.begin(), W.Via.end());
  if (!W.Leaf.empty())
    Parts.push_back(W.Leaf);
  return (Parts.empty() ? std::string("-") : join(Parts, " -> ")) + " at " +
         where(W.Loc);
}

static void printHandle(raw_ostream &OS, const Finding &F) {
  const HandleDetails &H = F.Handle;
  OS << "  creator: " << name(H.Site.Creator);
  if (H.Site.WrapperCreation)
    OS << " wrapping "
       << name(dyn_cast<Function>(
              H.Site.WrapperCreation->getCalledOperand()->stripPointerCasts()));
  OS << "\n";
  if (!H.Variable.empty())
    OS << "  variable: " << H.Variable << "\n";
  switch (F.Kind) {
  case FindingKind::LostCancel:
    if (H.Escape)
      break;
    OS << "  exit: " << where(H.LostLoc)
       << (H.LostByThrow ? " (exception)" : "") << "\n";
    for (const Function *P : H.PartialHelpers)
      OS << "  partial-helper: " << name(P) << "\n";
    break;
  case FindingKind::OverwrittenCancel:
    OS << "  overwrite: "
       << (H.Overwrite->Kind == OverwriteEvent::CreatedAgain ? "created-again"
                                                             : "overwritten")
       << "\n";
    break;
  case FindingKind::CancelVerified:
    OS << "  how: " << verifiedName(H.How) << "\n";
    for (const DischargeEvent &D : H.Discharges) {
      OS << "  discharge: " << dischargeName(D.Leaf) << " "
         << name(D.Leaf.Callee);
      if (D.Through)
        OS << " through " << name(D.Through);
      OS << "\n";
    }
    if (!H.Destructor.empty())
      OS << "  destructor: '" << H.Destructor << "'\n";
    break;
  case FindingKind::DetachedContext:
    OS << "  context-at-hand: '" << H.ContextAtHand << "'\n";
    break;
  default:
    break;
  }
  if (H.Escape) {
    OS << "  escape: " << escapeName(H.Escape->Reason.Kind);
    for (const Function *T : H.Escape->Reason.Through)
      OS << " through " << name(T);
    OS << "\n";
  }
}

static void printLoop(raw_ostream &OS, const Finding &F) {
  const LoopDetails &L = F.Loop;
  OS << "  blocks: " << chain(L.Blocking) << "\n";
  if (L.Observed)
    OS << "  observes: " << chain(*L.Observed)
       << (L.Inferred ? " (inferred)" : "") << "\n";
  if (L.NoExit)
    OS << "  no-exit\n";
}

void FindingPrinter::consume(const Finding &F) {
  OS << "finding " << findingName(F.Kind) << " at " << where(F.location())
     << " in " << name(F.F) << "\n";
  switch (F.Kind) {
  case FindingKind::LoopIgnoresCancel:
  case FindingKind::LoopCancelNotActedOn:
  case FindingKind::LoopObservesCancel:
    printLoop(OS, F);
    break;
  default:
    printHandle(OS, F);
    break;
  }
  for (const RelatedLocation &R : F.Related) {
    OS << "  related " << roleName(R.Role) << " at " << where(R.Loc);
    if (!R.Callee.empty())
      OS << " '" << R.Callee << "'";
    OS << "\n";
  }
}

} // namespace cancelverify
