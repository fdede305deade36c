// With -fpass-plugin, clang runs the verifier by itself exactly once per
// module at every optimization level, at the start of the pipeline: before
// inlining, so a static helper is still there to be modelled.
// RUN: %clang_cv -c -O0 %s -o /dev/null -mllvm -cancel-verify-print-model \
// RUN:     2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %clang_cv -c -O1 %s -o /dev/null -mllvm -cancel-verify-print-model \
// RUN:     2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %clang_cv -c -O2 %s -o /dev/null -mllvm -cancel-verify-print-model \
// RUN:     2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %clang_cv -c -O3 %s -o /dev/null -mllvm -cancel-verify-print-model \
// RUN:     2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %clang_cv -c -Os %s -o /dev/null -mllvm -cancel-verify-print-model \
// RUN:     2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %clang_cv -c -Oz %s -o /dev/null -mllvm -cancel-verify-print-model \
// RUN:     2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

__attribute__((annotate("cancel-verify:wait"))) int block(int fd);

static int helper(int fd) { return block(fd) + 1; }

int entry(int fd) { return helper(fd); }

// CHECK-COUNT-1: cancel-verify model of module '{{.*}}clang-opt-levels.c'
// CHECK-NEXT: function entry: no roles
// CHECK-NEXT: function helper: no roles
// CHECK-NEXT: function block
// CHECK-NEXT:   wait  [annotation {{.*}}clang-opt-levels.c:17]
// CHECK-NOT: cancel-verify model of module
