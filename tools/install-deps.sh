#!/usr/bin/env bash
# Installs what a Debian bookworm machine needs to build and test CancelVerify:
# the build tools and, for each LLVM version asked for, its development
# package, clang, clang's runtime libraries (libFuzzer) and the test tools
# (FileCheck, lit).
#
# Usage: bash tools/install-deps.sh [19|22|all]     (default: all)
#
# Runs apt-get as root, or through sudo when run by another user. Installs only
# what is missing, so a second run changes nothing and needs no network.
set -euo pipefail

case "${1:-all}" in
  19 | 22) versions=("$1") ;;
  all) versions=(19 22) ;;
  *)
    echo "usage: $0 [19|22|all]" >&2
    exit 2
    ;;
esac

# zlib1g-dev and libzstd-dev: LLVM's CMake package makes LLVMSupport link
# against ZLIB::ZLIB and zstd::libzstd_shared, which exist only when their
# headers and libraries are installed; llvm-N-dev does not pull them in.
# lld-N: the linker of the LTO tests (link-time verification).
# libclang-rt-N-dev: libFuzzer and the sanitizer runtimes, for the fuzz
# targets the test suite runs (tools/fuzz).
# dpkg-dev and file: cpack computes the .deb's library dependencies with
# dpkg-shlibdeps, which needs both.
packages=(cmake make g++ python3 git zlib1g-dev libzstd-dev dpkg-dev file)
for v in "${versions[@]}"; do
  packages+=("llvm-$v-dev" "clang-$v" "llvm-$v-tools" "libclang-rt-$v-dev" "lld-$v")
done

missing=()
for p in "${packages[@]}"; do
  if [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) != "install ok installed" ]]; then
    missing+=("$p")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: everything is installed (LLVM ${versions[*]})"
  exit 0
fi

as_root=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null; then
    as_root=(sudo)
  else
    echo "install-deps: missing ${missing[*]}; run this script as root (sudo is not installed)" >&2
    exit 1
  fi
fi
run_apt() {
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y \
    -o Dpkg::Use-Pty=0 "$@"
}

echo "install-deps: installing ${missing[*]}"
log=$(mktemp "${TMPDIR:-/tmp}/cv-install-deps.XXXXXX")
trap 'rm -f "$log"' EXIT
if ! run_apt update >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-deps: apt-get update failed" >&2
  exit 1
fi
# Say which package the apt sources lack before apt-get fails on it: LLVM 22
# comes from bookworm-security, LLVM 19 from bookworm itself.
for p in "${missing[@]}"; do
  policy=$(LC_ALL=C apt-cache policy "$p" 2>/dev/null)
  if [[ $policy != *"Candidate: "[0-9]* ]]; then
    echo "install-deps: no package '$p' in this machine's apt sources" \
      "(Debian bookworm has llvm-19 in bookworm and llvm-22 in bookworm-security)" >&2
    exit 1
  fi
done
if ! run_apt install --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-deps: apt-get install failed" >&2
  exit 1
fi
echo "install-deps: done (LLVM ${versions[*]})"
