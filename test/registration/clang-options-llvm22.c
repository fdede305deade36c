// clang 22 loads -fpass-plugin before it parses -mllvm options: the
// verifier's options work with -fpass-plugin alone, and giving the library
// to -fplugin as well (as clang 19 needs) still runs the verifier once.
// REQUIRES: llvm-22
// RUN: %clang -fpass-plugin=%plugin -c %s -o /dev/null \
// RUN:     -mllvm -cancel-verify-print-model 2>&1 | FileCheck %s
// RUN: %clang -fplugin=%plugin -fpass-plugin=%plugin -c %s -o /dev/null \
// RUN:     -mllvm -cancel-verify-print-model 2>&1 | FileCheck %s

int f(int x) { return x; }

// CHECK-COUNT-1: cancel-verify model of module '{{.*}}clang-options-llvm22.c'
// CHECK-NOT: cancel-verify model of module
