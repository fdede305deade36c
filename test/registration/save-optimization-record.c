// -fsave-optimization-record writes the YAML remark file with the verifier
// loaded, at -O0 and at -O2 (where other passes' records show it is the
// ordinary remark stream); opt writes one with -pass-remarks-output.
// RUN: rm -f %t.O0.yaml %t.O2.yaml %t.opt.yaml
// RUN: %clang_cv -c -O0 %s -o %t.o -fsave-optimization-record \
// RUN:     -foptimization-record-file=%t.O0.yaml
// RUN: test -f %t.O0.yaml
// RUN: %clang_cv -c -O2 %s -o %t.o -fsave-optimization-record \
// RUN:     -foptimization-record-file=%t.O2.yaml
// RUN: FileCheck %s < %t.O2.yaml
// RUN: %clang -S -emit-llvm -O0 %s -o %t.ll
// RUN: %cv_opt %t.ll -disable-output -pass-remarks-output=%t.opt.yaml
// RUN: test -f %t.opt.yaml

int sum(const int *v, int n) {
  int s = 0;
  for (int i = 0; i < n; ++i)
    s += v[i];
  return s;
}

// CHECK: --- !{{Passed|Missed|Analysis}}
// CHECK: Pass:
// CHECK: Function: sum
