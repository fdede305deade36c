#!/usr/bin/env bash
# Builds CancelVerify against each LLVM version and runs its test suite:
# configures build-N with that LLVM, builds with two jobs, runs ctest. Then
# builds the fuzz targets with the first version's clang (build-fuzz-N) and
# runs the suite's fuzz tests, which the g++ builds cannot.
#
# Usage: bash tools/check-all.sh [19] [22]     (default: 19 22)
#
# Ends with one summary line per version and a total; exits non-zero if any
# version fails to configure, build or pass its tests. Install the packages
# first with tools/install-deps.sh.
set -uo pipefail
cd "$(dirname "$0")/.."

versions=("$@")
[[ ${#versions[@]} -gt 0 ]] || versions=(19 22)

summary=()
total_passed=0
total_failed=0
total_skipped=0
status=0

# The lit suite's own counts, read from ctest's log of the last run.
lit_count() { # KIND LOGFILE
  sed -n "s/^ *$1 *: *\([0-9][0-9]*\).*/\1/p" "$2" 2>/dev/null | tail -1
}

# One line per test lit skipped (from its "Unsupported Tests" list), with the
# test's REQUIRES/UNSUPPORTED line, so a skip is never just a number.
skipped_tests() { # LOGFILE
  sed -n '/^Unsupported Tests (/,/^$/s/^  *CancelVerify :: //p' "$1" 2>/dev/null |
    while read -r t; do
      why=$(grep -h -m1 -o '\(REQUIRES\|UNSUPPORTED\):.*' "test/$t" 2>/dev/null)
      echo "  skipped $t (${why:-no REQUIRES line})"
    done
}

for v in "${versions[@]}"; do
  dir=build-$v
  llvm_dir=/usr/lib/llvm-$v/lib/cmake/llvm
  echo "=== LLVM $v: $dir"
  if [[ ! -f $llvm_dir/LLVMConfig.cmake ]]; then
    summary+=("LLVM $v: FAILED, not installed ($llvm_dir missing; run bash tools/install-deps.sh $v)")
    status=1
    continue
  fi
  if ! cmake -S . -B "$dir" -DLLVM_DIR="$llvm_dir"; then
    summary+=("LLVM $v: FAILED to configure ($dir)")
    status=1
    continue
  fi
  if ! cmake --build "$dir" -j2; then
    summary+=("LLVM $v: FAILED to build ($dir)")
    status=1
    continue
  fi
  rm -f "$dir/Testing/Temporary/LastTest.log"
  ctest --test-dir "$dir" --output-on-failure
  rc=$?
  log=$dir/Testing/Temporary/LastTest.log
  passed=$(lit_count Passed "$log")
  failed=$(lit_count Failed "$log")
  xfailed=$(lit_count 'Expectedly Failed' "$log")
  unsupported=$(lit_count Unsupported "$log")
  passed=$((${passed:-0} + ${xfailed:-0}))
  failed=${failed:-0}
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  total_skipped=$((total_skipped + ${unsupported:-0}))
  counts="$passed passed, $failed failed"
  [[ -z $unsupported ]] || counts+=", $unsupported unsupported"
  if [[ $rc -eq 0 ]]; then
    summary+=("LLVM $v: ok, lit $counts ($dir)")
  elif [[ $passed -eq 0 && $failed -eq 0 ]]; then
    summary+=("LLVM $v: FAILED tests, lit ran no test ($dir)")
    status=1
  else
    summary+=("LLVM $v: FAILED tests, lit $counts ($dir)")
    status=1
  fi
  skipped=$(skipped_tests "$log")
  [[ -z $skipped ]] || summary+=("$skipped")
done

# The fuzz targets need clang: one extra build, of the model readers only.
v=${versions[0]}
dir=build-fuzz-$v
echo "=== fuzz targets (clang $v): $dir"
if [[ ! -x /usr/lib/llvm-$v/bin/clang ]]; then
  summary+=("fuzz: FAILED, clang $v not installed")
  status=1
elif ! CC=/usr/lib/llvm-$v/bin/clang CXX=/usr/lib/llvm-$v/bin/clang++ \
    cmake -S . -B "$dir" -DLLVM_DIR=/usr/lib/llvm-$v/lib/cmake/llvm \
    -DCANCELVERIFY_FUZZ=ON >/dev/null; then
  summary+=("fuzz: FAILED to configure ($dir)")
  status=1
elif ! cmake --build "$dir" -j2 --target cv-fuzz-role-spec cv-fuzz-model-file; then
  summary+=("fuzz: FAILED to build ($dir)")
  status=1
else
  lit=$(ls /usr/lib/llvm-$v/build/utils/lit/lit.py /usr/lib/llvm-$v/bin/lit 2>/dev/null | head -1)
  out=$(python3 "$lit" -sv "$dir/test" --filter '^CancelVerify :: fuzz/' 2>&1)
  rc=$?
  echo "$out"
  passed=$(sed -n 's/^ *Passed *: *\([0-9][0-9]*\).*/\1/p' <<<"$out" | tail -1)
  failed=$(sed -n 's/^ *Failed *: *\([0-9][0-9]*\).*/\1/p' <<<"$out" | tail -1)
  total_passed=$((total_passed + ${passed:-0}))
  total_failed=$((total_failed + ${failed:-0}))
  if [[ $rc -eq 0 && ${passed:-0} -gt 0 ]]; then
    summary+=("fuzz: ok, lit ${passed:-0} passed ($dir)")
  else
    summary+=("fuzz: FAILED, lit ${passed:-0} passed, ${failed:-0} failed ($dir)")
    status=1
  fi
fi

echo
echo "=== summary"
printf '%s\n' "${summary[@]}"
totals="$total_passed passed, $total_failed failed"
[[ $total_skipped -eq 0 ]] || totals+=", $total_skipped skipped"
echo "check-all: $totals"
exit $status
