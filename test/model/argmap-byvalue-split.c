// x86-64 passes a 16-byte struct by value as two IR arguments, so argN after
// it is not IR argument N. Debug info gives the source signature: with -g,
// a definition maps exactly at any -O level, and so does a declaration at
// -O1 and above (clang attaches no debug info to declarations at -O0).
// Without it, clang's noundef marks show which IR arguments are whole
// scalars; where the layout is still ambiguous a warning says so and
// suggests -g or irargN, and the rest of the module is modelled. A handle
// cannot be the split struct itself.
// REQUIRES: x86_64
// RUN: %clang_cv -c -O2 -g %s -o /dev/null -mllvm -cancel-verify-print-model \
// RUN:     2>&1 | FileCheck %s --check-prefix=DEBUG \
// RUN:       --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %clang_cv -c -O0 -g %s -o /dev/null -mllvm -cancel-verify-print-model \
// RUN:     2>&1 | FileCheck %s --check-prefix=DEBUG-O0 \
// RUN:       --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %clang_cv -c -O0 %s -o /dev/null -mllvm -cancel-verify-print-model \
// RUN:     2>&1 | FileCheck %s --check-prefix=NODEBUG \
// RUN:       --implicit-check-not=warning: --implicit-check-not=error:

#define CV(s) __attribute__((annotate("cancel-verify:" s)))

struct Pair {
  long a, b;
};
struct One {
  long a;
};
typedef struct handle handle_t;

CV("cancel:handle=arg1") void cancel_def(struct Pair p, handle_t *h) {
  (void)p;
  (void)h;
}
CV("cancel:handle=arg1") void cancel_decl(struct Pair p, handle_t *h);
CV("cancel:handle=arg2")
void cancel_after_two(struct One a, struct Pair b, handle_t *h);
CV("cancel:handle=arg0") void cancel_first(handle_t *h, struct Pair p);
CV("cancel:handle=arg0") void cancel_split(struct Pair p);

void use(handle_t *h) {
  struct Pair p = {1, 2};
  struct One o = {3};
  cancel_def(p, h);
  cancel_decl(p, h);
  cancel_after_two(o, p, h);
  cancel_first(h, p);
  cancel_split(p);
}


// DEBUG: warning: cancel-verify: {{.*}}argmap-byvalue-split.c:38:5: invalid annotation "cancel-verify:cancel:handle=arg0" on function 'cancel_split' is ignored: 'arg0' is a struct passed by value and split into two IR arguments; it cannot be a handle
// DEBUG-LABEL: cancel-verify model of module '{{.*}}'
// DEBUG-NEXT: function cancel_def
// DEBUG-NEXT:   cancel handle=arg1 (IR arg2)  [annotation {{.*}}argmap-byvalue-split.c:30]
// DEBUG-NEXT: function use: no roles
// DEBUG-NEXT: function cancel_decl
// DEBUG-NEXT:   cancel handle=arg1 (IR arg2)  [annotation {{.*}}argmap-byvalue-split.c:34]
// DEBUG-NEXT: function cancel_after_two
// DEBUG-NEXT:   cancel handle=arg2 (IR arg3)  [annotation {{.*}}argmap-byvalue-split.c:36]
// DEBUG-NEXT: function cancel_first
// DEBUG-NEXT:   cancel handle=arg0 (IR arg0)  [annotation {{.*}}argmap-byvalue-split.c:37]
// DEBUG-NEXT: function cancel_split: no roles
// DEBUG-NEXT: 1 warning generated.

// DEBUG-O0: warning: cancel-verify: {{.*}}argmap-byvalue-split.c:34:5: invalid annotation "cancel-verify:cancel:handle=arg1" on function 'cancel_decl' is ignored: cannot map 'arg1' of 'cancel_decl' without debug info: a struct passed by value may occupy one or two IR arguments; compile with -g or name the IR argument with irargN
// DEBUG-O0: warning: cancel-verify: {{.*}}argmap-byvalue-split.c:35:5: invalid annotation "cancel-verify:cancel:handle=arg2" on function 'cancel_after_two' is ignored: cannot map 'arg2' of 'cancel_after_two' without debug info: a struct passed by value may occupy one or two IR arguments; compile with -g or name the IR argument with irargN
// DEBUG-O0: warning: cancel-verify: {{.*}}argmap-byvalue-split.c:38:5: invalid annotation "cancel-verify:cancel:handle=arg0" on function 'cancel_split' is ignored: cannot map 'arg0' of 'cancel_split' without debug info: a struct passed by value may occupy one or two IR arguments; compile with -g or name the IR argument with irargN
// DEBUG-O0-LABEL: cancel-verify model of module '{{.*}}'
// DEBUG-O0-NEXT: function cancel_def
// DEBUG-O0-NEXT:   cancel handle=arg1 (IR arg2)  [annotation {{.*}}argmap-byvalue-split.c:30]
// DEBUG-O0-NEXT: function use: no roles
// DEBUG-O0-NEXT: function cancel_decl: no roles
// DEBUG-O0-NEXT: function cancel_after_two: no roles
// DEBUG-O0-NEXT: function cancel_first
// DEBUG-O0-NEXT:   cancel handle=arg0 (IR arg0)  [annotation {{.*}}argmap-byvalue-split.c:37]
// DEBUG-O0-NEXT: function cancel_split: no roles
// DEBUG-O0-NEXT: 3 warnings generated.

// NODEBUG: warning: cancel-verify: {{.*}}argmap-byvalue-split.c:30:5: invalid annotation "cancel-verify:cancel:handle=arg1" on function 'cancel_def' is ignored: cannot map 'arg1' of 'cancel_def' without debug info: a struct passed by value may occupy one or two IR arguments; compile with -g or name the IR argument with irargN
// NODEBUG: warning: cancel-verify: {{.*}}argmap-byvalue-split.c:34:5: invalid annotation "cancel-verify:cancel:handle=arg1" on function 'cancel_decl' is ignored: cannot map 'arg1' of 'cancel_decl' without debug info: a struct passed by value may occupy one or two IR arguments; compile with -g or name the IR argument with irargN
// NODEBUG: warning: cancel-verify: {{.*}}argmap-byvalue-split.c:35:5: invalid annotation "cancel-verify:cancel:handle=arg2" on function 'cancel_after_two' is ignored: cannot map 'arg2' of 'cancel_after_two' without debug info: a struct passed by value may occupy one or two IR arguments; compile with -g or name the IR argument with irargN
// NODEBUG: warning: cancel-verify: {{.*}}argmap-byvalue-split.c:38:5: invalid annotation "cancel-verify:cancel:handle=arg0" on function 'cancel_split' is ignored: cannot map 'arg0' of 'cancel_split' without debug info: a struct passed by value may occupy one or two IR arguments; compile with -g or name the IR argument with irargN
// NODEBUG-LABEL: cancel-verify model of module '{{.*}}'
// NODEBUG-NEXT: function cancel_def: no roles
// NODEBUG-NEXT: function use: no roles
// NODEBUG-NEXT: function cancel_decl: no roles
// NODEBUG-NEXT: function cancel_after_two: no roles
// NODEBUG-NEXT: function cancel_first
// NODEBUG-NEXT:   cancel handle=arg0 (IR arg0)  [annotation {{.*}}argmap-byvalue-split.c:37]
// NODEBUG-NEXT: function cancel_split: no roles
// NODEBUG-NEXT: 4 warnings generated.
