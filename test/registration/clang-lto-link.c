// Compiling and linking two modules with -flto=thin or -flto through lld:
// each module is verified once, in its pre-link pipeline, and the link step
// does not verify them again.
// REQUIRES: lld
// RUN: %clang_cv -O2 -flto=thin -fuse-ld=lld %s %S/Inputs/second-module.c \
// RUN:     -o %t.thin -mllvm -cancel-verify-print-model > %t.thin.txt 2>&1
// RUN: FileCheck %s < %t.thin.txt
// RUN: FileCheck %s --check-prefix=EACH < %t.thin.txt
// RUN: %clang_cv -O2 -flto -fuse-ld=lld %s %S/Inputs/second-module.c \
// RUN:     -o %t.full -mllvm -cancel-verify-print-model > %t.full.txt 2>&1
// RUN: FileCheck %s < %t.full.txt
// RUN: FileCheck %s --check-prefix=EACH < %t.full.txt

__attribute__((annotate("cancel-verify:observe"))) int is_done(void);

int main(void) { return is_done(); }

// CHECK-COUNT-2: cancel-verify model of module
// CHECK-NOT: cancel-verify model of module

// EACH-DAG: cancel-verify model of module '{{.*}}clang-lto-link.c'
// EACH-DAG: cancel-verify model of module '{{.*}}second-module.c'
