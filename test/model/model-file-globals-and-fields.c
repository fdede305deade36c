// A YAML model file names cancel flags: globals by name (an extern one too,
// which clang would not annotate), struct fields by member name (read from
// debug info) or by index (no debug info needed). Only the named fields are
// flags.
// RUN: %clang_cv -c -O0 -g %s -o /dev/null \
// RUN:     -mllvm -cancel-verify-model=%S/Inputs/flags.yaml \
// RUN:     -mllvm -cancel-verify-print-model 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
//
// Without debug info a member name cannot be resolved: a warning names the
// entry, and the entries given by index still apply.
// RUN: %clang_cv -c -O0 %s -o /dev/null \
// RUN:     -mllvm -cancel-verify-model=%S/Inputs/flags.yaml \
// RUN:     -mllvm -cancel-verify-print-model 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NODEBUG --implicit-check-not=error:
//
// An index beyond the fields and an unknown member are warnings too.
// RUN: %clang_cv -c -O0 -g %s -o /dev/null \
// RUN:     -mllvm -cancel-verify-model=%S/Inputs/bad-fields.yaml \
// RUN:     -mllvm -cancel-verify-print-model > %t.bad.out 2>&1
// RUN: FileCheck %s --check-prefix=BAD --implicit-check-not=error: < %t.bad.out
// --implicit-check-not does not look between or after BAD-DAG matches.
// RUN: not grep error: %t.bad.out

struct worker {
  int id;
  volatile int stop;
  volatile int paused;
  volatile int not_a_flag;
};
struct job {
  volatile int cancelled;
  int n;
};
extern volatile int g_shutdown;
volatile int g_other;

int poll_flags(struct worker *w, struct job *j) {
  return w->stop + w->paused + w->not_a_flag + j->cancelled + g_shutdown +
         g_other;
}

// CHECK-LABEL: cancel-verify model of module '{{.*}}'
// CHECK-NEXT: function poll_flags: no roles
// CHECK-NEXT: global g_shutdown
// CHECK-NEXT:   flag  [model {{.*}}flags.yaml:3:5]
// CHECK-NEXT: field struct.job+0 (field job::0)
// CHECK-NEXT:   flag  [model {{.*}}flags.yaml:14:5]
// CHECK-NEXT: field struct.worker+4 (field worker::stop)
// CHECK-NEXT:   flag  [model {{.*}}flags.yaml:8:5]
// CHECK-NEXT: field struct.worker+8 (field worker::2)
// CHECK-NEXT:   flag  [model {{.*}}flags.yaml:11:5]
// CHECK-NOT: {{.}}

// NODEBUG: warning: cancel-verify: {{.*}}flags.yaml:8:5: field 'stop' of 'worker' cannot be found without debug info; compile with -g or give the field index; the entry is ignored
// NODEBUG-LABEL: cancel-verify model of module '{{.*}}'
// NODEBUG-NEXT: function poll_flags: no roles
// NODEBUG-NEXT: global g_shutdown
// NODEBUG-NEXT:   flag  [model {{.*}}flags.yaml:3:5]
// NODEBUG-NEXT: field struct.job+0 (field job::0)
// NODEBUG-NEXT:   flag  [model {{.*}}flags.yaml:14:5]
// NODEBUG-NEXT: field struct.worker+8 (field worker::2)
// NODEBUG-NEXT:   flag  [model {{.*}}flags.yaml:11:5]
// NODEBUG-NEXT: 1 warning generated.
// NODEBUG-NOT: {{.}}

// BAD-DAG: warning: cancel-verify: {{.*}}bad-fields.yaml:3:5: field index 7 is beyond the 4 fields of 'struct.worker'; the entry is ignored
// BAD-DAG: warning: cancel-verify: {{.*}}bad-fields.yaml:6:5: struct 'worker' has no member 'no_such_member'; the entry is ignored
// BAD-LABEL: cancel-verify model of module '{{.*}}'
// BAD-NEXT: function poll_flags: no roles
// BAD-NEXT: field struct.job+0 (field job::0)
// BAD-NEXT:   flag  [model {{.*}}bad-fields.yaml:9:5]
// BAD-NEXT: 2 warnings generated.
// BAD-NOT: {{.}}

// Optimized IR without debug info has no struct types left; the accesses'
// alias tags still show the struct is used, so the entry is not dropped in
// silence.
// RUN: %clang -c -O2 -S -emit-llvm %s -o %t.O2.ll
// RUN: %cv_opt -disable-output %t.O2.ll -cancel-verify-model=%S/Inputs/flags.yaml 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NODEBUG-O2 --implicit-check-not=error:
// NODEBUG-O2: warning: cancel-verify: {{.*}}flags.yaml:8:5: field 'stop' of 'worker' cannot be found without debug info; compile with -g; the entry is ignored
