// When sources disagree on a role, an annotation overrides a model file,
// which overrides the built-in catalogs, and an earlier model file overrides
// a later one; roles of different kinds from different sources combine.
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-print-model \
// RUN:     -mllvm -cancel-verify-model=%S/Inputs/precedence.yaml \
// RUN:     -mllvm -cancel-verify-model=%S/Inputs/precedence-second.yaml \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx_t;

long read(int fd, void *buf, unsigned long n);
long recv(int fd, void *buf, unsigned long n, int flags);
CV("wait") unsigned sleep(unsigned seconds);
CV("observe") int ctx_done(ctx_t *c);
CV("create:handle=arg0") void make_ctx(ctx_t **out, ctx_t **unused);
void ctx_cancel(ctx_t *a, ctx_t *b);
void ctx_release(ctx_t *c);
long write(int fd, const void *buf, unsigned long n);
CV("flag") volatile int g_stop;
struct worker {
  int id;
  CV("flag") volatile int stop;
};

long use(struct worker *w, ctx_t *c) {
  char buf[8];
  ctx_t *a, *b;
  long r = read(0, buf, 8) + recv(0, buf, 8, 0) + sleep(1) + ctx_done(c);
  make_ctx(&a, &b);
  ctx_cancel(a, b);
  ctx_release(a);
  r += write(1, buf, 8);
  return r + g_stop + w->stop;
}

// The printed model, in module order.
// CHECK-LABEL: cancel-verify model of module '{{.*}}'
// CHECK-NEXT: function use: no roles
// CHECK-NEXT: function read
// CHECK-NEXT:   wait  [model {{.*}}/precedence.yaml:3:5]
// CHECK-NEXT: function recv
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT:   observe (cancellable wait)  [model {{.*}}/precedence.yaml:5:5]
// CHECK-NEXT: function sleep
// CHECK-NEXT:   wait  [annotation {{.*}}model-precedence.c:14]
// CHECK-NEXT: function ctx_done
// CHECK-NEXT:   observe  [annotation {{.*}}model-precedence.c:15]
// CHECK-NEXT: function make_ctx
// CHECK-NEXT:   create handle=arg0 (IR arg0) success=always  [annotation {{.*}}model-precedence.c:16]
// CHECK-NEXT: function ctx_cancel
// CHECK-NEXT:   cancel handle=arg0 (IR arg0)  [model {{.*}}/precedence.yaml:13:5]
// CHECK-NEXT: function ctx_release
// CHECK-NEXT:   cancel handle=arg0 (IR arg0)  [model {{.*}}precedence-second.yaml:5:5]
// CHECK-NEXT: function write: no roles
// CHECK-NEXT: global g_stop
// CHECK-NEXT:   flag  [annotation {{.*}}model-precedence.c:20]
// CHECK-NEXT: field struct.worker+4
// CHECK-NEXT:   flag  [annotation {{.*}}model-precedence.c:23]
// The model ends here; remarks may follow.
// CHECK-NOT: {{^(function |global |field |annotated field |  [a-z].*  \[)}}
