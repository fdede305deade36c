// Under -flto and -flto=thin the verifier runs in the pre-link pipeline of
// each module, exactly once, at -O0 and at -O2; the output is still the
// bitcode LTO links.
// RUN: %clang_cv -c -O2 -flto=thin %s -o %t.thin.o \
// RUN:     -mllvm -cancel-verify-print-model 2>&1 | FileCheck %s
// RUN: %clang_cv -c -O2 -flto %s -o %t.full.o \
// RUN:     -mllvm -cancel-verify-print-model 2>&1 | FileCheck %s
// RUN: %clang_cv -c -O0 -flto=thin %s -o %t.thin0.o \
// RUN:     -mllvm -cancel-verify-print-model 2>&1 | FileCheck %s
// RUN: %clang_cv -c -O0 -flto %s -o %t.full0.o \
// RUN:     -mllvm -cancel-verify-print-model 2>&1 | FileCheck %s
// RUN: llvm-bcanalyzer -dump %t.thin.o | FileCheck %s --check-prefix=BITCODE
// RUN: llvm-bcanalyzer -dump %t.full.o | FileCheck %s --check-prefix=BITCODE

__attribute__((annotate("cancel-verify:wait"))) int block(int fd);

int entry(int fd) { return block(fd); }

// CHECK-COUNT-1: cancel-verify model of module '{{.*}}clang-lto.c'
// CHECK-NEXT: function entry: no roles
// CHECK-NEXT: function block
// CHECK-NEXT:   wait  [annotation {{.*}}clang-lto.c:15]
// CHECK-NOT: cancel-verify model of module

// BITCODE: <MODULE_BLOCK
