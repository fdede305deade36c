// irargN names an IR argument directly, for code whose ABI lowering cannot
// be undone without debug info; it is checked against the IR arguments only.
// REQUIRES: x86_64
// RUN: %clang_cv -c -O0 %s -o /dev/null -mllvm -cancel-verify-print-model \
// RUN:     2>&1 | FileCheck %s \
// RUN:       --implicit-check-not=warning: --implicit-check-not=error:

#define CV(s) __attribute__((annotate("cancel-verify:" s)))

struct Pair {
  long a, b;
};
typedef struct handle handle_t;

// arg1 is ambiguous here without debug info; irarg2 is not.
CV("cancel:handle=irarg2") void cancel_after_pair(struct Pair p, handle_t *h);
CV("create:handle=irarg0,parent=irarg1") void make(handle_t **out, void *p);
CV("cancel:handle=irarg3") void beyond(struct Pair p, handle_t *h);

void use(handle_t *h) {
  struct Pair p = {1, 2};
  cancel_after_pair(p, h);
  make(&h, 0);
  beyond(p, h);
}

// The diagnostics, then the printed model in module order.
// CHECK: warning: cancel-verify: {{.*}}argmap-irarg.c:18:5: invalid annotation "cancel-verify:cancel:handle=irarg3" on function 'beyond' is ignored: 'irarg3' is beyond the function's 3 IR arguments
// CHECK-LABEL: cancel-verify model of module '{{.*}}'
// CHECK-NEXT: function use: no roles
// CHECK-NEXT: function cancel_after_pair
// CHECK-NEXT:   cancel handle=irarg2 (IR arg2)  [annotation {{.*}}argmap-irarg.c:16]
// CHECK-NEXT: function make
// CHECK-NEXT:   create handle=irarg0 (IR arg0) parent=irarg1 (IR arg1) success=always  [annotation {{.*}}argmap-irarg.c:17]
// CHECK-NEXT: function beyond: no roles
// CHECK-NEXT: 1 warning generated.
// CHECK-NOT: {{.}}
