#!/usr/bin/env bash
# Builds CancelVerify with AddressSanitizer and UndefinedBehaviorSanitizer
# (CANCELVERIFY_SANITIZE=ON) against one LLVM and runs its test suite, in
# which opt and clang run with the sanitizer runtime preloaded and any
# sanitizer report fails the test. See docs/hardening.md.
#
# Usage: bash tools/check-sanitized.sh [19|22]     (default: 19)
#
# Uses the build directory build-asan-N and the compiler CMake picks (set CC
# and CXX to choose one; g++ and clang++ both work). Exits non-zero if the
# build fails to configure or build, or if any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."

v=${1:-19}
case $v in
  19 | 22) ;;
  *)
    echo "usage: $0 [19|22]" >&2
    exit 2
    ;;
esac

dir=build-asan-$v
llvm_dir=/usr/lib/llvm-$v/lib/cmake/llvm
if [[ ! -f $llvm_dir/LLVMConfig.cmake ]]; then
  echo "check-sanitized: LLVM $v is not installed ($llvm_dir missing; run bash tools/install-deps.sh $v)" >&2
  exit 1
fi

cmake -S . -B "$dir" -DCANCELVERIFY_SANITIZE=ON -DLLVM_DIR="$llvm_dir"
cmake --build "$dir" -j2
ctest --test-dir "$dir" --output-on-failure
