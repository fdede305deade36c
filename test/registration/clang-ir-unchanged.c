// Through clang too the verifier leaves the IR as it is: the IR clang emits
// with the plugin is the same text as without it, at -O0 and at -O2.
// RUN: %clang -S -emit-llvm -O0 -g %s -o %t.O0.without.ll
// RUN: %clang_cv -S -emit-llvm -O0 -g %s -o %t.O0.with.ll
// RUN: diff %t.O0.without.ll %t.O0.with.ll
// RUN: %clang -S -emit-llvm -O2 -g %s -o %t.O2.without.ll
// RUN: %clang_cv -S -emit-llvm -O2 -g %s -o %t.O2.with.ll
// RUN: diff %t.O2.without.ll %t.O2.with.ll
// RUN: FileCheck %s < %t.O2.with.ll

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct cancel cancel_t;

CV("create:handle=arg0,success=ret==0") int new_cancel(cancel_t **out);
CV("cancel") void cancel_call(cancel_t *c);
CV("wait") int block(int fd);
CV("flag") volatile int g_stop;

int serve(int fd) {
  cancel_t *c;
  if (new_cancel(&c) != 0)
    return -1;
  int n = 0;
  while (!g_stop)
    n += block(fd);
  cancel_call(c);
  return n;
}

// CHECK: define {{.*}}i32 @serve(
