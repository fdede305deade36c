//===- FlagEvidence.cpp - Why an unmodelled load means "stop" -------------===//
//
// One walk over the module indexes every write to memory a flag could live
// in (a global and offset, a struct member), who makes it and what it
// stores; the signal handlers and thread start routines are found from the
// calls that register them, and what each reaches from the call graph.
// A question about one read is then a few lookups.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/FlagEvidence.h"

#include "cancelverify/ApiModel.h"
#include "cancelverify/CallTarget.h"
#include "cancelverify/DebugTypes.h"
#include "cancelverify/SourceFrames.h"
#include "cancelverify/SummaryCallGraph.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"

#include <cctype>

using namespace llvm;

namespace cancelverify {

/// What the module writes to one place.
struct FlagEvidence::Writes {
  /// The functions that write it, in module order.
  SmallVector<const Function *, 4> Writers;
  /// Some write stores a constant or a truth value; some stores anything
  /// else (a measured size, a pointer-sized result of a call).
  bool Switched = false, Computed = false;
  /// Some write is volatile or atomic: shared on purpose.
  bool Shared = false;
  /// The member's source name, for members.
  std::string Member;
};

/// One way to name the memory a read reads.
struct FlagEvidence::Place {
  const Writes *W = nullptr;
  std::string Name;
  const DIType *Type = nullptr;
  /// The name is the variable's own, already in the remark.
  bool Shown = false;
};

bool isCounterStep(const Value *V, const Value *Addr) {
  auto *BO = dyn_cast<BinaryOperator>(V);
  if (!BO || (BO->getOpcode() != Instruction::Add &&
              BO->getOpcode() != Instruction::Sub))
    return false;
  for (const Value *Op : BO->operands())
    if (auto *L = dyn_cast<LoadInst>(Op);
        L && L->getPointerOperand()->stripPointerCasts() ==
                 Addr->stripPointerCasts())
      return true;
  return false;
}

FlagEvidence::FlagEvidence(const Module &M, const ApiModel &Model,
                           const SummaryCallGraph &Graph)
    : M(M), Model(Model), Graph(Graph) {}

FlagEvidence::~FlagEvidence() = default;

/// The words of an identifier, lower case: `isRunning` and `is_running`
/// both give {is, running}.
static SmallVector<std::string, 4> wordsOf(StringRef Name) {
  SmallVector<std::string, 4> Words;
  std::string Cur;
  auto Flush = [&] {
    if (!Cur.empty())
      Words.push_back(Cur);
    Cur.clear();
  };
  for (size_t I = 0; I < Name.size(); ++I) {
    char C = Name[I];
    if (!isalnum(static_cast<unsigned char>(C))) {
      Flush();
      continue;
    }
    bool Upper = isupper(static_cast<unsigned char>(C));
    if (Upper && I > 0 && islower(static_cast<unsigned char>(Name[I - 1])))
      Flush();
    Cur += static_cast<char>(tolower(static_cast<unsigned char>(C)));
  }
  Flush();
  return Words;
}

/// Whether a variable or member named \p Name reads as a stop switch.
static bool namedLikeStopFlag(StringRef Name) {
  static const StringSet<> Words = {
      "stop",      "stops",       "stopped",    "stopping",    "quit",
      "quitting",  "exit",        "exiting",    "shutdown",    "shutting",
      "cancel",    "canceled",    "cancelled",  "canceling",   "cancelling",
      "cancellation", "terminate", "terminated", "terminating", "termination",
      "interrupt", "interrupted", "abort",      "aborted",     "aborting",
      "halt",      "halted",      "halting",    "kill",        "killed",
      "running",   "alive",       "done",       "finished",    "closing",
      "sigint",    "sigterm",     "sighup",     "signaled",    "signalled"};
  for (const std::string &W : wordsOf(Name))
    if (Words.contains(W))
      return true;
  return false;
}

/// Whether a function named \p Name (its unqualified source name) reads
/// as one that stops something.
static bool namedLikeStopFunction(StringRef Name) {
  static const StringSet<> Words = {
      "stop",      "cancel",    "shutdown", "quit",  "terminate",
      "interrupt", "interrupted", "abort",  "halt",  "kill"};
  for (const std::string &W : wordsOf(Name))
    if (Words.contains(W))
      return true;
  return false;
}

/// `Worker::stop` -> `stop`; templates and parameter lists are gone already
/// from sourceName().
static StringRef unqualified(StringRef Name) {
  size_t Colon = Name.rfind("::");
  return Colon == StringRef::npos ? Name : Name.substr(Colon + 2);
}

/// A function as a user knows it, quoted: "the lambda in 'start()'" for a
/// lambda's call operator `start()::$_0::operator()`, "'stop'" otherwise.
static std::string callableName(const Function &F) {
  std::string Name = sourceName(F);
  StringRef N(Name);
  if (N.consume_back("::operator()")) {
    size_t Colon = N.rfind("::");
    StringRef Closure = Colon == StringRef::npos ? N : N.substr(Colon + 2);
    if (Closure.starts_with("$_") || Closure.starts_with("{lambda"))
      return Colon == StringRef::npos
                 ? std::string("a lambda")
                 : "the lambda in '" + N.substr(0, Colon).str() + "'";
  }
  return "'" + Name + "'";
}

/// Whether \p T is spelled `sig_atomic_t` (under qualifiers and other
/// typedefs).
static bool isSigAtomic(const DIType *T) {
  for (unsigned Depth = 0; T && Depth < 32; ++Depth) {
    auto *DT = dyn_cast<DIDerivedType>(T);
    if (!DT)
      return false;
    if (DT->getTag() == dwarf::DW_TAG_typedef && DT->getName() == "sig_atomic_t")
      return true;
    T = DT->getBaseType();
  }
  return false;
}

std::optional<MemberKey> FlagEvidence::memberAt(const DIType *T,
                                                int64_t Offset) const {
  std::optional<MemberKey> Found;
  for (unsigned Depth = 0; T && Depth < 32; ++Depth) {
    T = stripQualifiers(T);
    auto *CT = dyn_cast_or_null<DICompositeType>(T);
    if (!CT)
      break;
    if (CT->isForwardDecl()) {
      auto It = Structs.find(qualifiedName(CT));
      if (It == Structs.end())
        break;
      CT = It->second;
    }
    if (CT->getTag() == dwarf::DW_TAG_array_type) {
      const DIType *Elem = CT->getBaseType();
      uint64_t Size = Elem ? stripQualifiers(Elem)->getSizeInBits() / 8 : 0;
      if (!Size)
        break;
      Offset %= Size;
      T = Elem;
      continue;
    }
    const DIDerivedType *Hit = nullptr;
    for (const DINode *E : CT->getElements()) {
      auto *DT = dyn_cast<DIDerivedType>(E);
      if (!DT || DT->isStaticMember() ||
          (DT->getTag() != dwarf::DW_TAG_member &&
           DT->getTag() != dwarf::DW_TAG_inheritance))
        continue;
      uint64_t Bits = DT->getSizeInBits();
      if (!Bits && DT->getBaseType())
        Bits = stripQualifiers(DT->getBaseType())->getSizeInBits();
      uint64_t Start = DT->getOffsetInBits();
      if (uint64_t(Offset) * 8 >= Start && uint64_t(Offset) * 8 < Start + Bits) {
        Hit = DT;
        break;
      }
    }
    if (!Hit)
      break;
    int64_t Inner = Offset - int64_t(Hit->getOffsetInBits() / 8);
    // The innermost member the program declared: inside a std::atomic it
    // is the atomic, not the library's own storage.
    if (Hit->getTag() == dwarf::DW_TAG_member &&
        !isImplementationName(qualifiedName(CT)))
      Found = MemberKey{qualifiedName(CT), Offset, Hit->getName().str(),
                        Hit->getBaseType()};
    T = Hit->getBaseType();
    Offset = Inner;
  }
  return Found;
}

std::optional<MemberKey> FlagEvidence::memberOfStruct(StringRef Struct,
                                                      int64_t Offset) const {
  if (Struct.empty())
    return std::nullopt;
  auto It = Structs.find(Struct);
  if (It == Structs.end())
    It = Structs.find(unqualified(Struct));
  if (It != Structs.end())
    if (std::optional<MemberKey> K = memberAt(It->second, Offset))
      return K;
  // Without debug info the struct and offset still name the member.
  return MemberKey{Struct.str(), Offset, "", nullptr};
}

std::optional<MemberKey>
FlagEvidence::memberAccessed(const Instruction &I, const Value *Ptr) const {
  index();
  const DataLayout &DL = M.getDataLayout();
  if (auto *GEP = dyn_cast<GEPOperator>(Ptr)) {
    APInt Off(DL.getIndexTypeSizeInBits(GEP->getType()), 0);
    StringRef Struct = sourceStructName(GEP->getSourceElementType());
    if (!Struct.empty() && GEP->accumulateConstantOffset(DL, Off))
      return memberOfStruct(Struct, Off.getSExtValue());
  }
  if (isa<LoadInst>(I) || isa<StoreInst>(I) || isa<AtomicRMWInst>(I) ||
      isa<AtomicCmpXchgInst>(I))
    if (std::optional<std::pair<std::string, int64_t>> F = aliasTagField(I))
      return memberOfStruct(F->first, F->second);
  return std::nullopt;
}

/// A constant, or a truth value (a compare, widened): what a switch is set
/// to, as opposed to a measured or computed quantity.
static bool isSwitchValue(const Value *V, unsigned Depth = 0) {
  if (!V || isa<Constant>(V))
    return true;
  if (Depth > 4)
    return false;
  // -O0 code passes atomic_store()'s value through a stack temporary.
  if (auto *LI = dyn_cast<LoadInst>(V))
    if (auto *Slot = dyn_cast<AllocaInst>(LI->getPointerOperand())) {
      bool Stored = false;
      for (const User *U : Slot->users()) {
        if (isa<LoadInst>(U))
          continue;
        auto *SI = dyn_cast<StoreInst>(U);
        if (!SI || SI->getPointerOperand() != Slot ||
            !isSwitchValue(SI->getValueOperand(), Depth + 1))
          return false;
        Stored = true;
      }
      return Stored;
    }
  if (V->getType()->isIntegerTy(1))
    return true;
  if (auto *Cast = dyn_cast<CastInst>(V))
    return isSwitchValue(Cast->getOperand(0), Depth + 1);
  if (auto *Sel = dyn_cast<SelectInst>(V))
    return isa<Constant>(Sel->getTrueValue()) &&
           isa<Constant>(Sel->getFalseValue());
  return false;
}

void FlagEvidence::indexWrite(const Instruction &I, const Value *Ptr,
                              const Value *Stored,
                              ObjectRootFinder &Roots) const {
  const Function &Fn = *I.getFunction();
  const auto *SI = dyn_cast<StoreInst>(&I);
  bool Shared = !SI || SI->isVolatile() || SI->isAtomic();
  auto Record = [&](Writes &W) {
    if (W.Writers.empty() || W.Writers.back() != &Fn)
      if (!is_contained(W.Writers, &Fn))
        W.Writers.push_back(&Fn);
    (isSwitchValue(Stored) ? W.Switched : W.Computed) = true;
    W.Shared |= Shared;
  };
  ObjectRoot Root = Roots.find(Ptr);
  std::optional<MemberKey> Member = memberAccessed(I, Ptr);
  if (auto *GV = dyn_cast_or_null<GlobalVariable>(Root.Base);
      GV && Root.Kind == ObjectRoot::Global && Root.Offset) {
    Record(GlobalWrites[{GV, *Root.Offset}]);
    if (!Member)
      Member = memberAt(globalType(*GV), *Root.Offset);
  }
  if (auto *A = dyn_cast_or_null<Argument>(Root.Base);
      !Member && A && Root.Kind == ObjectRoot::Argument && Root.Offset)
    Member = memberAt(parameterPointee(Fn, A->getArgNo()), *Root.Offset);
  if (Member && !isImplementationName(Member->Owner)) {
    Writes &W = MemberWrites[{Member->Owner, Member->Offset}];
    Record(W);
    if (W.Member.empty())
      W.Member = Member->Member;
  }
}

/// The base name of a standard library member function that writes the
/// object it is called on: std::atomic's store(), exchange(), operator=.
static bool isStandardWriter(const Function &Callee) {
  if (!isStandardLibraryName(Callee.getName()))
    return false;
  StringRef Base = unqualified(sourceName(Callee));
  return Base == "store" || Base == "exchange" || Base == "operator=" ||
         Base == "test_and_set" || Base.starts_with("compare_exchange") ||
         Base == "fetch_or" || Base == "fetch_and" || Base == "fetch_xor";
}

/// A signal handler's type: void(int) or void(int, siginfo_t *, void *).
static bool hasHandlerType(const Function &F) {
  FunctionType *FT = F.getFunctionType();
  return FT->getReturnType()->isVoidTy() &&
         (FT->getNumParams() == 1 || FT->getNumParams() == 3) &&
         FT->getParamType(0)->isIntegerTy();
}

void FlagEvidence::findThreadsAndHandlers() const {
  SetVector<const Function *> HandlerSet, ThreadSet;
  for (const Function &F : M) {
    if (F.isDeclaration())
      continue;
    // libstdc++'s and libc++'s std::thread run the callable from these.
    std::string Name = sourceName(F);
    if ((StringRef(Name).starts_with("std::thread::_State_impl") &&
         unqualified(Name) == "_M_run") ||
        StringRef(Name).contains("__thread_proxy"))
      ThreadSet.insert(&F);
    bool RegistersAction = false;
    SmallVector<const Function *, 4> StoredFunctions;
    for (const Instruction &I : instructions(F)) {
      if (auto *SI = dyn_cast<StoreInst>(&I)) {
        if (auto *Fn = dyn_cast<Function>(
                SI->getValueOperand()->stripPointerCasts()))
          StoredFunctions.push_back(Fn);
        continue;
      }
      auto *CB = dyn_cast<CallBase>(&I);
      const Function *Callee = CB ? calledFunction(*CB) : nullptr;
      if (!Callee)
        continue;
      StringRef N = Callee->getName();
      auto ArgFunction = [&](unsigned No) -> const Function * {
        return No < CB->arg_size()
                   ? dyn_cast<Function>(CB->getArgOperand(No)->stripPointerCasts())
                   : nullptr;
      };
      if (N == "signal" || N == "sigset" || N == "bsd_signal" ||
          N == "sysv_signal" || N == "__sysv_signal") {
        if (const Function *H = ArgFunction(1); H && !H->isDeclaration())
          HandlerSet.insert(H);
      } else if (N == "sigaction") {
        RegistersAction = true;
      } else if (N == "pthread_create") {
        if (const Function *T = ArgFunction(2); T && !T->isDeclaration())
          ThreadSet.insert(T);
      } else if (N == "thrd_create") {
        if (const Function *T = ArgFunction(1); T && !T->isDeclaration())
          ThreadSet.insert(T);
      }
    }
    // struct sigaction names its handler by a store into the struct.
    if (RegistersAction)
      for (const Function *Fn : StoredFunctions)
        if (!Fn->isDeclaration() && hasHandlerType(*Fn))
          HandlerSet.insert(Fn);
  }
  Handlers.assign(HandlerSet.begin(), HandlerSet.end());
  Threads.assign(ThreadSet.begin(), ThreadSet.end());

  // What each root reaches, down direct calls and resolved indirect ones.
  auto Reach = [&](const std::vector<const Function *> &Roots,
                   DenseMap<const Function *, uint64_t> &Out) {
    for (unsigned R = 0; R < Roots.size(); ++R) {
      uint64_t Bit = uint64_t(1) << std::min(R, 63u);
      SmallVector<const Function *, 16> Work{Roots[R]};
      while (!Work.empty()) {
        const Function *F = Work.pop_back_val();
        uint64_t &Mask = Out[F];
        if (Mask & Bit)
          continue;
        Mask |= Bit;
        for (const Instruction &I : instructions(*F)) {
          auto *CB = dyn_cast<CallBase>(&I);
          if (!CB)
            continue;
          if (const Function *Callee = calledFunction(*CB)) {
            if (!Callee->isDeclaration())
              Work.push_back(Callee);
            continue;
          }
          for (const Function *T : Graph.indirectTargets(*CB))
            Work.push_back(T);
        }
      }
    }
  };
  Reach(Handlers, HandlerReach);
  Reach(Threads, ThreadReach);
}

void FlagEvidence::index() const {
  if (Indexed)
    return;
  Indexed = true;
  DebugInfoFinder Finder;
  Finder.processModule(M);
  for (const DIType *T : Finder.types())
    if (auto *CT = dyn_cast<DICompositeType>(T);
        CT && !CT->isForwardDecl() && !CT->getName().empty() &&
        (CT->getTag() == dwarf::DW_TAG_structure_type ||
         CT->getTag() == dwarf::DW_TAG_class_type ||
         CT->getTag() == dwarf::DW_TAG_union_type)) {
      Structs.try_emplace(qualifiedName(CT), CT);
      Structs.try_emplace(CT->getName(), CT);
    }

  const DataLayout &DL = M.getDataLayout();
  for (const Function &F : M) {
    if (F.isDeclaration())
      continue;
    ObjectRootFinder Roots(DL);
    for (const Instruction &I : instructions(F)) {
      if (auto *SI = dyn_cast<StoreInst>(&I)) {
        // A counter's steps say nothing about stopping.
        if (!isCounterStep(SI->getValueOperand(), SI->getPointerOperand()))
          indexWrite(I, SI->getPointerOperand(), SI->getValueOperand(), Roots);
      } else if (auto *RMW = dyn_cast<AtomicRMWInst>(&I)) {
        switch (RMW->getOperation()) {
        case AtomicRMWInst::Add:
        case AtomicRMWInst::Sub:
        case AtomicRMWInst::FAdd:
        case AtomicRMWInst::FSub:
        case AtomicRMWInst::UIncWrap:
        case AtomicRMWInst::UDecWrap:
          break;
        default:
          indexWrite(I, RMW->getPointerOperand(), RMW->getValOperand(), Roots);
        }
      } else if (auto *CX = dyn_cast<AtomicCmpXchgInst>(&I)) {
        indexWrite(I, CX->getPointerOperand(), CX->getNewValOperand(), Roots);
      } else if (auto *CB = dyn_cast<CallBase>(&I)) {
        // At -O0 std::atomic's writes are calls of its members.
        const Function *Callee = calledFunction(*CB);
        if (Callee && CB->arg_size() > 0 &&
            CB->getArgOperand(0)->getType()->isPointerTy() &&
            isStandardWriter(*Callee))
          indexWrite(I, CB->getArgOperand(0),
                     CB->arg_size() > 1 ? CB->getArgOperand(1) : nullptr,
                     Roots);
      }
    }
  }
  findThreadsAndHandlers();
}

SmallVector<FlagEvidence::Place, 2>
FlagEvidence::placesOf(const ObjectRoot &Root,
                       const std::optional<MemberKey> &Member,
                       const Function &Fn) const {
  SmallVector<Place, 2> Places;
  auto AddMember = [&](const std::optional<MemberKey> &K) {
    if (!K || isImplementationName(K->Owner))
      return;
    for (const Place &P : Places)
      if (P.Name == K->Member && !P.Name.empty())
        return;
    auto It = MemberWrites.find({K->Owner, K->Offset});
    Places.push_back({It == MemberWrites.end() ? nullptr : &It->second,
                      K->Member, K->Type});
  };
  if (auto *GV = dyn_cast_or_null<GlobalVariable>(Root.Base);
      GV && Root.Kind == ObjectRoot::Global && Root.Offset) {
    auto It = GlobalWrites.find({GV, *Root.Offset});
    Places.push_back({It == GlobalWrites.end() ? nullptr : &It->second,
                      sourceName(*GV), *Root.Offset ? nullptr : globalType(*GV),
                      /*Shown=*/true});
    AddMember(memberAt(globalType(*GV), *Root.Offset));
  }
  if (auto *A = dyn_cast_or_null<Argument>(Root.Base);
      A && Root.Kind == ObjectRoot::Argument && Root.Offset)
    AddMember(memberAt(parameterPointee(Fn, A->getArgNo()), *Root.Offset));
  AddMember(Member);
  return Places;
}

std::optional<std::string>
FlagEvidence::writerEvidence(const Writes &W, const Function *Reader) const {
  auto FirstBit = [](uint64_t Mask) {
    unsigned B = 0;
    while (!(Mask & 1)) {
      Mask >>= 1;
      ++B;
    }
    return B;
  };
  auto By = [](const Function *Writer, const Function *Root,
               StringRef Role) -> std::string {
    // std::thread's own entry is no name a user knows: say where it runs.
    std::string RootName = sourceName(*Root);
    bool Library = isImplementationName(RootName);
    if (Writer == Root)
      return Library ? "written on a std::thread"
                     : ("written by " + Role + " '" + RootName + "'").str();
    std::string S = "written by " + callableName(*Writer);
    return S + (Library ? " on a std::thread"
                        : (" from " + Role + " '" + RootName + "'").str());
  };
  for (const Function *Writer : W.Writers)
    if (uint64_t Mask = HandlerReach.lookup(Writer))
      return By(Writer, Handlers[FirstBit(Mask)], "signal handler");
  // Another thread: the writer runs on a thread the reader does not.
  uint64_t ReaderThreads = Reader ? ThreadReach.lookup(Reader) : 0;
  for (const Function *Writer : W.Writers)
    if (uint64_t Mask = ThreadReach.lookup(Writer) & ~ReaderThreads)
      return By(Writer, Threads[FirstBit(Mask)], "thread function");
  for (const Function *Writer : W.Writers) {
    const FunctionRoles *R = Model.rolesOf(Writer);
    if ((R && (R->Cancel || R->Take)) ||
        namedLikeStopFunction(unqualified(sourceName(*Writer))))
      return "written by " + callableName(*Writer);
  }
  return std::nullopt;
}

std::optional<std::string>
FlagEvidence::explain(const ObjectRoot &Root,
                      const std::optional<MemberKey> &Member,
                      const Function &Reader) const {
  index();
  SmallVector<Place, 2> Places = placesOf(Root, Member, Reader);
  // Every write stores a computed quantity: a cache or a statistic.
  for (const Place &P : Places)
    if (P.W && P.W->Computed && !P.W->Switched)
      return std::nullopt;
  for (const Place &P : Places)
    if (P.W)
      if (std::optional<std::string> E = writerEvidence(*P.W, &Reader))
        return E;
  for (const Place &P : Places)
    if (isSigAtomic(P.Type))
      return std::string("declared sig_atomic_t");
  for (const Place &P : Places)
    if (!P.Name.empty() && namedLikeStopFlag(P.Name))
      return P.Shown ? std::string("by its name") : "named '" + P.Name + "'";
  return std::nullopt;
}

std::vector<FlagEvidence::WrittenFlag> FlagEvidence::flagsWritten() const {
  index();
  auto IsSwitch = [&](const Writes &W) {
    return W.Shared && W.Switched && !W.Computed &&
           writerEvidence(W, nullptr).has_value();
  };
  std::vector<WrittenFlag> Out;
  for (const auto &[Key, W] : GlobalWrites)
    if (Key.second == 0 && !Key.first->hasLocalLinkage() &&
        Key.first->getValueType()->isIntegerTy() && IsSwitch(W))
      Out.push_back({Key.first, "", ""});
  for (const auto &[Key, W] : MemberWrites)
    if (!W.Member.empty() && IsSwitch(W))
      Out.push_back({nullptr, Key.first, W.Member});
  // GlobalWrites is ordered by address: put globals in module order.
  DenseMap<const GlobalVariable *, unsigned> Order;
  for (const GlobalVariable &GV : M.globals())
    Order.try_emplace(&GV, Order.size());
  llvm::stable_sort(Out, [&](const WrittenFlag &A, const WrittenFlag &B) {
    if (!A.Global || !B.Global)
      return A.Global && !B.Global;
    return Order.lookup(A.Global) < Order.lookup(B.Global);
  });
  return Out;
}

} // namespace cancelverify
