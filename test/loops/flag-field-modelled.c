// A field flag named by member in a model file: resolved through debug
// info even where the struct is first seen forward-declared (the pointer
// in `struct pool` comes before the definition), and recognised in
// optimized code, where the accesses are byte offsets and only their
// type-based alias tags name the struct.
//
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-model=%S/Inputs/field-flags.yaml | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-model=%S/Inputs/field-flags.yaml | FileCheck %s --implicit-check-not=remark
#include <unistd.h>

struct worker;
struct pool {
  struct worker *first;
  int size;
};

struct worker {
  int fd;
  int stop;
  long served;
};
void serve(struct worker *w, const char *req, ssize_t n);

void worker_loop(struct worker *w) {
  char req[256];
  while (!w->stop) {
    ssize_t n = read(w->fd, req, sizeof req);
    if (n > 0)
      serve(w, req, n);
  }
}
// CHECK: flag-field-modelled.c:[[@LINE-6]]:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}flag-field-modelled.c:[[@LINE-6]] (flag field) and leaves the loop on it{{$}}

// Positive: another field of the same struct is not the flag.
void worker_loop_served(struct worker *w) {
  char req[256];
  while (w->served < 100) {
    ssize_t n = read(w->fd, req, sizeof req);
    if (n > 0)
      serve(w, req, n);
  }
}
// CHECK: flag-field-modelled.c:[[@LINE-6]]:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}flag-field-modelled.c:[[@LINE-5]] and never observes cancellation{{$}}

int pool_size(struct pool *p) { return p->size; }

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -mllvm -cancel-verify-model=%S/Inputs/field-flags.yaml | FileCheck %s --implicit-check-not=remark
