//===- HostVersionCheck.cpp - Refuse to load into another LLVM -------------===//
//
// The plugin does not link LLVM: it binds to the LLVM of the process that
// loads it (clang, opt, lld). Loaded into another LLVM major, its classes no
// longer match the host's and the first call crashes with a stack dump that
// asks the user to report an LLVM bug. So before any of the plugin's static
// constructors runs (they register command-line options with the host's
// LLVM), find out which LLVM the host is and stop with one line naming both
// versions when it is not ours.
//
// Nothing here may call into LLVM: the check runs before LLVM's objects are
// safe to touch. The host's version comes from LLVM's C API function
// LLVMGetVersion when the host exports it (LLVM 16 and later), else from the
// file name of a loaded libLLVM (Debian's libLLVM-14.so.1,
// libLLVM.so.22.1). A host that offers neither is let through.
//
//===----------------------------------------------------------------------===//
#include "llvm/Config/llvm-config.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <link.h>
#include <unistd.h>

namespace {

using GetVersionFn = void (*)(unsigned *, unsigned *, unsigned *);

/// The major version in a libLLVM file name: "libLLVM-14.so.1" and
/// "libLLVM-22.so" carry it after the dash, "libLLVM.so.22.1" after ".so.".
/// 0 when the name is not a libLLVM or carries no version.
unsigned majorFromLibraryName(const char *Path) {
  const char *Base = std::strrchr(Path, '/');
  Base = Base ? Base + 1 : Path;
  if (std::strncmp(Base, "libLLVM", 7) != 0)
    return 0;
  const char *P = Base + 7;
  if (*P == '-')
    ++P;
  else if (std::strncmp(P, ".so.", 4) == 0)
    P += 4;
  else
    return 0;
  if (!std::isdigit(static_cast<unsigned char>(*P)))
    return 0;
  return static_cast<unsigned>(std::strtoul(P, nullptr, 10));
}

int findLoadedLLVM(struct dl_phdr_info *Info, size_t, void *Data) {
  unsigned Major = Info->dlpi_name ? majorFromLibraryName(Info->dlpi_name) : 0;
  if (Major == 0)
    return 0;
  *static_cast<unsigned *>(Data) = Major;
  return 1;
}

/// The LLVM major of the process, or 0 when it cannot be told.
unsigned hostLLVMMajor() {
  if (void *Sym = dlsym(RTLD_DEFAULT, "LLVMGetVersion")) {
    unsigned Major = 0, Minor = 0, Patch = 0;
    reinterpret_cast<GetVersionFn>(Sym)(&Major, &Minor, &Patch);
    return Major;
  }
  unsigned Major = 0;
  dl_iterate_phdr(findLoadedLLVM, &Major);
  return Major;
}

// Priority 101 runs this before the plugin's own C++ static constructors,
// which have the default priority.
__attribute__((constructor(101))) void refuseForeignLLVM() {
  unsigned Host = hostLLVMMajor();
  if (Host == 0 || Host == LLVM_VERSION_MAJOR)
    return;
  std::fprintf(stderr,
               "CancelVerify: this plugin was built for LLVM %u and cannot "
               "run in LLVM %u; load CancelVerify-%u.so or rebuild against "
               "LLVM %u\n",
               static_cast<unsigned>(LLVM_VERSION_MAJOR), Host, Host, Host);
  std::fflush(stderr);
  // Not exit(): the host's atexit handlers would run LLVM code with the
  // plugin half loaded.
  _exit(1);
}

} // namespace
