// The flag role on global variable definitions (plain, static, _Atomic), at
// -O0 and on clang -O2 output. A global without the annotation is not a flag.
// clang emits no annotation for an extern declaration; model files name
// such globals (model-file-globals-and-fields.c).
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#define CV(s) __attribute__((annotate("cancel-verify:" s)))

CV("flag") volatile int g_stop;
static CV("flag") volatile _Bool s_quit;
CV("flag") _Atomic int g_cancelled;
volatile int g_not_a_flag;

int poll_all(void) {
  return g_stop + s_quit + g_cancelled + g_not_a_flag;
}

// The printed model, in module order.
// CHECK-LABEL: cancel-verify model of module '{{.*}}'
// CHECK-NEXT: function poll_all: no roles
// CHECK-NEXT: global g_stop
// CHECK-NEXT:   flag  [annotation {{.*}}annotation-global-flags.c:12]
// CHECK-NEXT: global s_quit
// CHECK-NEXT:   flag  [annotation {{.*}}annotation-global-flags.c:13]
// CHECK-NEXT: global g_cancelled
// CHECK-NEXT:   flag  [annotation {{.*}}annotation-global-flags.c:14]
// The model ends here; remarks may follow.
// CHECK-NOT: {{^(function |global |field |annotated field |  [a-z].*  \[)}}
