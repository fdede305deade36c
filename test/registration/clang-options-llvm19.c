// clang 19 parses -mllvm options before it loads -fpass-plugin, so the
// verifier's options need the same library given to -fplugin as well; the
// pass itself runs with -fpass-plugin alone.
// REQUIRES: llvm-19
// RUN: not %clang -fpass-plugin=%plugin -c %s -o /dev/null \
// RUN:     -mllvm -cancel-verify-print-model 2>&1 \
// RUN:   | FileCheck %s --check-prefix=UNKNOWN
// RUN: %clang -fplugin=%plugin -fpass-plugin=%plugin -c %s -o /dev/null \
// RUN:     -mllvm -cancel-verify-print-model 2>&1 | FileCheck %s
// RUN: %clang -fpass-plugin=%plugin -c -O2 %s -o /dev/null \
// RUN:     -Xclang -fdebug-pass-manager 2>&1 | FileCheck %s --check-prefix=RUNS

int f(int x) { return x; }

// UNKNOWN: Unknown command line argument '-cancel-verify-print-model'
// CHECK-COUNT-1: cancel-verify model of module '{{.*}}clang-options-llvm19.c'
// CHECK-NOT: cancel-verify model of module
// RUNS-COUNT-1: Running pass: cancelverify::CancelVerifyPass on [module]
// RUNS-NOT: Running pass: cancelverify::CancelVerifyPass
