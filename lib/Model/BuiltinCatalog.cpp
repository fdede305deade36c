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

// Globs over demangled names. `std::*` also covers `std::__1::` (libc++) and
// `std::_V2::` (libstdc++'s condition_variable_any).
static const CatalogLine CxxCatalog[] = {
    {nullptr, "std::*condition_variable::wait*", "wait"},
    {nullptr, "std::*condition_variable_any::wait*", "wait"},
    // The stop_token-taking overloads return when a stop is requested.
    {nullptr, "std::*condition_variable_any::wait*stop_token*",
     "wait,observe"},
    {nullptr, "std::*this_thread::sleep_for*", "wait"},
    {nullptr, "std::*this_thread::sleep_until*", "wait"},
    {nullptr, "std::*future*::wait(*", "wait"},
    {nullptr, "std::*future*::wait_for*", "wait"},
    {nullptr, "std::*future*::wait_until*", "wait"},
    {nullptr, "std::*future*::get(*", "wait"},
    {nullptr, "std::*thread::join(*", "wait"},
    {nullptr, "std::*counting_semaphore*::acquire(*", "wait"},
    {nullptr, "std::*latch::wait(*", "wait"},
    {nullptr, "std::*latch::arrive_and_wait(*", "wait"},
    {nullptr, "std::*barrier*::arrive_and_wait(*", "wait"},
    {nullptr, "std::*atomic*::wait(*", "wait"},
    {nullptr, "std::*atomic_flag::wait(*", "wait"},
    {nullptr, "std::*atomic_wait*", "wait"},
    {nullptr, "std::*stop_token::stop_requested(*", "observe"},
    {nullptr, "std::*stop_source::stop_requested(*", "observe"},
};

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
