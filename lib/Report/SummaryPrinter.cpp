//===- SummaryPrinter.cpp - Function summaries as text ---------------------===//
//
// One block per function with a body:
//
//   function 'NAME'
//     <fact>
//     ...
//
// Facts are printed only when present, each on one line, in a fixed order:
// wait facts, then handle facts, then the effect on each parameter path.
// Parameters are named argN (IR argument numbers) and paths spelled as
// C would: `*(arg0+8)` is the value loaded from 8 bytes into what arg0
// points to.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/SummaryPrinter.h"

#include "cancelverify/FindingText.h"
#include "cancelverify/FunctionSummaries.h"
#include "cancelverify/SourceFrames.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace cancelverify {

/// "arg0", "*(arg0)", "*(arg1+8)".
static std::string pathText(const AccessPath &P, std::string S) {
  auto Offset = [](int64_t O) {
    return O ? (O > 0 ? "+" : "") + std::to_string(O) : std::string();
  };
  S += Offset(P.Offsets.front());
  for (int64_t O : drop_begin(P.Offsets))
    S = "*(" + S + ")" + Offset(O);
  return S;
}

static std::string pathText(const AccessPath &P, unsigned ArgNo) {
  return pathText(P, "arg" + std::to_string(ArgNo));
}

/// A callee's path: rooted at a parameter, or at the function itself for
/// the object its returned pointer points to ("ret").
static std::string pathText(const AccessPath &P) {
  if (auto *A = dyn_cast<Argument>(P.Root))
    return pathText(P, A->getArgNo());
  return pathText(P, std::string("ret"));
}

static std::string witnessText(const Witness &W) {
  SmallVector<std::string, 6> Chain(W.Via.begin(), W.Via.end());
  if (!W.Leaf.empty())
    Chain.push_back(W.Leaf);
  std::string S = Chain.empty() ? std::string("a flag")
                                : "'" + join(Chain, " -> ") + "'";
  return S + " at " + sourceLocation(W.Loc);
}

static void printWaitFacts(raw_ostream &OS, const WaitSummaries &Waits,
                           const Function &F) {
  const WaitSummary *S = Waits.lookup(&F);
  if (!S)
    return;
  if (S->Blocks)
    OS << "  may block: " << witnessText(Waits.explainBlocking(*S->Blocks))
       << "\n";
  if (S->Observes)
    OS << "  observes cancellation: "
       << witnessText(
              Waits.explainObservation(*S->Observes, Observation::Passive))
       << "\n";
  if (S->Returns)
    OS << "  returns the observation: "
       << witnessText(
              Waits.explainObservation(*S->Returns.Witness, Observation::Value))
       << (S->Returns.Inferred ? " (inferred flag)" : "") << "\n";
  if (S->Leaves)
    OS << "  leaves on the observation: "
       << witnessText(
              Waits.explainObservation(*S->Leaves.Witness, Observation::Acts))
       << (S->Leaves.Inferred ? " (inferred flag)" : "") << "\n";
}

static std::string outcomeText(const HandleOutcome &O) {
  SmallVector<std::string, 4> Parts;
  if (O.LostExit)
    Parts.push_back(std::string("live at the exit ") +
                    (O.LostByThrow ? "by exception " : "") + "at " +
                    formatLocation(O.LostLoc));
  for (const DischargeEvent &D : O.Discharges)
    Parts.push_back(dischargeText(D));
  if (!O.Transfers.empty())
    Parts.push_back("handed to the caller");
  for (const EscapeEvent &E : O.Escapes)
    Parts.push_back("escapes: " + escapeText(E.Reason));
  if (!O.Overwrites.empty())
    Parts.push_back("overwritten");
  if (!O.Used && Parts.empty())
    Parts.push_back("never used");
  if (Parts.empty())
    Parts.push_back("no exit reached with it");
  return join(Parts, "; ");
}

static std::string effectText(const CalleeEffect &E) {
  std::string S;
  switch (E.Discharge) {
  case CalleeEffect::All:
    S = "discharges on every path";
    if (E.How.At)
      S += " (" + leafText(E.How) + ")";
    break;
  case CalleeEffect::Some:
    S = "discharges on some paths";
    break;
  case CalleeEffect::None:
    S = "does not discharge";
    break;
  }
  if (E.Escape)
    S += "; lets it escape: " + escapeText(*E.Escape);
  if (E.Returned)
    S += "; returns it";
  for (const AccessPath &M : E.MovedTo)
    S += (isa<Argument>(M.Root) ? "; stores it for the caller in "
                                : "; returns it inside ") +
         pathText(M);
  if (E.ClearsSlot)
    S += "; takes it out of where it was given";
  if (E.DischargedBeforeThrow)
    S += "; discharges it before any exception leaves";
  return S;
}

static void printHandleFacts(raw_ostream &OS, HandleSummaries &HS,
                             const Function &F) {
  if (HS.knownToThrow(F))
    OS << "  known to throw\n";
  if (std::optional<ReturnedArgument> R = HS.returnedArgument(F)) {
    AccessPath Arg = AccessPath::rootOf(F.getArg(R->ArgNo));
    if (R->Rest.size() == 1)
      OS << "  returns a pointer into " << pathText(Arg, R->ArgNo)
         << (R->Rest[0] ? " + " + std::to_string(R->Rest[0]) : "") << "\n";
    else
      OS << "  returns " << pathText(Arg.then(R->Rest), R->ArgNo) << "\n";
  }
  for (const ArgumentStore &AS : HS.argumentStores(F)) {
    AccessPath Dest = AccessPath::rootOf(F.getArg(AS.DestArg));
    Dest.Offsets.assign(AS.DestOffsets.begin(), AS.DestOffsets.end());
    OS << "  stores "
       << (AS.SrcFunction ? "function '" + demangle(AS.SrcFunction->getName().str()) + "'"
                          : "arg" + std::to_string(AS.SrcArg))
       << " at " << pathText(Dest, AS.DestArg) << "\n";
  }
  if (HS.returnsRoot(F))
    OS << "  returns a root context\n";
  if (const HandleSite *Fresh = HS.freshHandle(F)) {
    OS << "  hands a fresh handle to its caller: ";
    if (Fresh->CalleeExpr)
      OS << "in " << pathText(*Fresh->CalleeExpr);
    else
      OS << "returned";
    OS << " (created at line " << lineOf(*Fresh->WrapperCreation) << ")\n";
  }
  for (const HandleSummaries::Creation &C : HS.creationsIn(F))
    OS << "  creation at line " << lineOf(*C.Site.Call) << " by "
       << creatorText(C.Site) << ": " << outcomeText(C.Outcome) << "\n";
  // What it does to a handle passed in a pointer parameter, or pointed to
  // by one.
  for (const Argument &A : F.args())
    if (A.getType()->isPointerTy()) {
      AccessPath P = AccessPath::rootOf(&A);
      HS.effectOf(F, P);
      HS.effectOf(F, P.deref());
    }
  SmallVector<std::pair<AccessPath, CalleeEffect>, 4> Effects;
  HS.knownEffects(F, Effects);
  for (const auto &[P, E] : Effects)
    OS << "  handle at " << pathText(P, cast<Argument>(P.Root)->getArgNo())
       << ": " << effectText(E) << "\n";
}

void printSummaries(raw_ostream &OS, FunctionSummaries &Summaries) {
  Module &M = Summaries.module();
  OS << "cancel-verify summaries of module '" << M.getModuleIdentifier()
     << "'\n";
  for (const Function &F : M) {
    if (F.isDeclaration())
      continue;
    OS << "function '" << demangle(F.getName().str()) << "'\n";
    printWaitFacts(OS, Summaries.waits(), F);
    if (HandleSummaries *HS = Summaries.handles())
      printHandleFacts(OS, *HS, F);
  }
}

} // namespace cancelverify
