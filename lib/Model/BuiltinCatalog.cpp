//===- BuiltinCatalog.cpp - What POSIX, pthread and C++ waits look like ----===//
//
// Most users never write a model: these catalogs make the verifier useful on
// plain C and C++ code. C++ entries are globs over demangled names so that one
// line covers libstdc++ (std::, std::_V2::) and libc++ (std::__1::) spellings
// and every template instantiation.
//
//===----------------------------------------------------------------------===//
#include "cancelverify/ApiModel.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace cancelverify {

namespace {
struct CatalogLine {
  const char *Symbol;  ///< exact symbol, or null
  const char *Pattern; ///< demangled-name glob, or null
  const char *Roles;   ///< comma-separated role words
  /// A glob some top-level parameter type must match, or null.
  const char *Param = nullptr;
};
} // namespace

// Blocking system calls and library functions of POSIX.
static const CatalogLine PosixCatalog[] = {
    {"read", nullptr, "wait"},
    {"readv", nullptr, "wait"},
    {"pread", nullptr, "wait"},
    {"pread64", nullptr, "wait"},
    {"recv", nullptr, "wait"},
    {"recvfrom", nullptr, "wait"},
    {"recvmsg", nullptr, "wait"},
    {"accept", nullptr, "wait"},
    {"accept4", nullptr, "wait"},
    {"connect", nullptr, "wait"},
    {"poll", nullptr, "wait"},
    {"ppoll", nullptr, "wait"},
    {"select", nullptr, "wait"},
    {"pselect", nullptr, "wait"},
    {"epoll_wait", nullptr, "wait"},
    {"epoll_pwait", nullptr, "wait"},
    {"sleep", nullptr, "wait"},
    {"usleep", nullptr, "wait"},
    {"nanosleep", nullptr, "wait"},
    {"clock_nanosleep", nullptr, "wait"},
    {"pause", nullptr, "wait"},
    {"sigwait", nullptr, "wait"},
    {"sigwaitinfo", nullptr, "wait"},
    {"sigtimedwait", nullptr, "wait"},
    {"sigsuspend", nullptr, "wait"},
    {"wait", nullptr, "wait"},
    {"waitpid", nullptr, "wait"},
    {"waitid", nullptr, "wait"},
    {"msgrcv", nullptr, "wait"},
    {"mq_receive", nullptr, "wait"},
    {"mq_timedreceive", nullptr, "wait"},
    {"sem_wait", nullptr, "wait"},
    {"sem_timedwait", nullptr, "wait"},
    {"sem_clockwait", nullptr, "wait"},
    {"flock", nullptr, "wait"},
    {"lockf", nullptr, "wait"},
    {"lockf64", nullptr, "wait"},
    // syscall(SYS_futex, addr, FUTEX_WAIT...): the entry applies only when
    // the call's constant arguments say so (see ApiModel::rolesOfCall).
    {"syscall", nullptr, "wait"},
};

static const CatalogLine PthreadCatalog[] = {
    {"pthread_cond_wait", nullptr, "wait"},
    {"pthread_cond_timedwait", nullptr, "wait"},
    {"pthread_cond_clockwait", nullptr, "wait"},
    {"pthread_join", nullptr, "wait"},
    // Returns only if the thread was not cancelled: it acts by itself.
    {"pthread_testcancel", nullptr, "observe"},
};

// Globs over demangled names. The namespace is spelled out, `std::` for
// libstdc++ (`std::_V2::` for its condition_variable_any) and `std::__1::`
// (or `std::__2::`, ABI v2) for libc++, so a pattern cannot match a standard
// class that merely mentions a waiting function in a template argument.
#define CV_STD "std::{,__1::,__2::,_V2::}"
static const CatalogLine CxxCatalog[] = {
    {nullptr, CV_STD "condition_variable::wait*", "wait"},
    {nullptr, CV_STD "condition_variable_any::wait*", "wait"},
    // The overloads taking a stop_token return when a stop is requested:
    // cancellable waits. The parameter list is checked, not the name, which
    // may mention stop_token inside a template argument.
    {nullptr, CV_STD "condition_variable_any::wait*", "wait,observe",
     "std::{,__1::,__2::}stop_token"},
    {nullptr, CV_STD "this_thread::sleep_{for,until}*", "wait"},
    {nullptr,
     CV_STD "{future,shared_future,__basic_future}<*>::"
            "{wait,wait_for,wait_until,get}(*",
     "wait"},
    {nullptr, CV_STD "{thread,jthread}::join(*", "wait"},
    {nullptr,
     CV_STD "counting_semaphore<*>::"
            "{acquire,try_acquire_for,try_acquire_until}*",
     "wait"},
    {nullptr, CV_STD "latch::{wait,arrive_and_wait}(*", "wait"},
    {nullptr, CV_STD "barrier<*>::{wait,arrive_and_wait}(*", "wait"},
    {nullptr,
     CV_STD "{atomic<*>,atomic_ref<*>,__atomic_base<*>,"
            "__atomic_float<*>,__atomic_ref<*>,atomic_flag}::wait(*",
     "wait"},
    {nullptr, CV_STD "atomic{,_flag}_wait{,_explicit}{<*>,}(*", "wait"},
    {nullptr, CV_STD "{stop_token,stop_source}::stop_requested(*", "observe"},
};
#undef CV_STD

static void addCatalog(ArrayRef<CatalogLine> Lines, StringRef Name,
                       std::vector<ModelEntry> &Out) {
  for (const CatalogLine &L : Lines) {
    ModelEntry E;
    E.Target = ModelEntry::Function;
    if (L.Symbol)
      E.Name = L.Symbol;
    if (L.Pattern)
      E.Pattern = L.Pattern;
    E.FutexOnly = E.Name == "syscall";
    if (L.Param)
      E.ParamPattern = L.Param;
    SmallVector<StringRef, 2> Words;
    StringRef(L.Roles).split(Words, ',');
    for (StringRef W : Words) {
      // The catalog is part of the program: a parse failure is a bug here.
      RoleSpec Spec = cantFail(parseRoleSpec(W));
      Spec.Origin = {RoleOrigin::Builtin, Name.str()};
      E.Roles.push_back(Spec);
    }
    Out.push_back(std::move(E));
  }
}

std::vector<ModelEntry> builtinCatalog(const CatalogSelection &Selection) {
  std::vector<ModelEntry> Entries;
  if (Selection.Posix)
    addCatalog(PosixCatalog, "posix", Entries);
  if (Selection.Pthread)
    addCatalog(PthreadCatalog, "pthread", Entries);
  if (Selection.Cxx)
    addCatalog(CxxCatalog, "cxx", Entries);
  return Entries;
}

Expected<CatalogSelection> parseCatalogList(StringRef List) {
  CatalogSelection Sel{false, false, false};
  SmallVector<StringRef, 4> Items;
  List.split(Items, ',', -1, /*KeepEmpty=*/false);
  if (Items.empty())
    return createStringError(inconvertibleErrorCode(),
                             "empty catalog list (use 'none' to disable the "
                             "built-in catalogs)");
  for (StringRef Item : Items) {
    Item = Item.trim();
    if (Item == "all")
      Sel = CatalogSelection{};
    else if (Item == "none")
      continue;
    else if (Item == "posix")
      Sel.Posix = true;
    else if (Item == "pthread")
      Sel.Pthread = true;
    else if (Item == "cxx")
      Sel.Cxx = true;
    else
      return createStringError(inconvertibleErrorCode(),
                               "unknown built-in catalog '" + Item +
                                   "' (expected posix, pthread, cxx, all "
                                   "or none)");
  }
  return Sel;
}

} // namespace cancelverify
