// On a compiler without the annotate attribute the CV_* macros expand to
// nothing and the header still compiles cleanly: clang with __has_attribute
// answering 0 stands in for such a compiler, and GCC, where present, is one.
// RUN: %clang -E -P '-D__has_attribute(x)=0' -Wno-builtin-macro-redefined \
// RUN:     -I%include %S/Inputs/header-uses.h \
// RUN:   | FileCheck %s --implicit-check-not=annotate \
// RUN:       --implicit-check-not=cancel-verify --implicit-check-not=CV_
// RUN: %clang -fsyntax-only -std=c99 -pedantic -Wall -Wextra -Werror \
// RUN:     '-D__has_attribute(x)=0' -Wno-builtin-macro-redefined \
// RUN:     -I%include -x c %S/Inputs/header-uses.h
// RUN: %if gcc %{ %gcc -E -P -I%include %S/Inputs/header-uses.h \
// RUN:   | FileCheck %s --implicit-check-not=annotate \
// RUN:       --implicit-check-not=cancel-verify --implicit-check-not=CV_ %}
// RUN: %if gcc %{ %gcc -fsyntax-only -std=c99 -pedantic -Wall -Wextra -Werror \
// RUN:     -I%include -x c %S/Inputs/header-uses.h %}

// CHECK: {{^ *}}ctx_t *ctx_background(void);
// CHECK: {{^ *}}int ctx_with_cancel(ctx_t *parent, ctx_t **child, cancel_t **cancel);
// CHECK: {{^ *}}cancel_t *new_cancel(void);
// CHECK: {{^ *}}void cancel_call(cancel_t *c);
// CHECK: {{^ *}}void defer_in(ctx_t *scope, cancel_t *c);
// CHECK: {{^ *}}int ctx_wait(ctx_t *c);
// CHECK: {{^ *}}volatile int g_stop;
// CHECK: {{^ *}}volatile int stop;
// CHECK: {{^ *}}void quiet_some(void);
