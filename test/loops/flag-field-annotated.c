// A struct field annotated as a cancel flag: every load of that field of any
// `struct worker` observes cancellation, also through a helper that returns
// it and through a local copy set inside the loop.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark
#include <unistd.h>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))
struct worker {
  int fd;
  CV("flag") int stop;
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
// CHECK: flag-field-annotated.c:19:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}flag-field-annotated.c:19 (flag field) and leaves the loop on it

int stopping(struct worker *w) { return w->stop; }

void worker_loop_helper(struct worker *w) {
  char req[256];
  do {
    ssize_t n = read(w->fd, req, sizeof req);
    if (n > 0)
      serve(w, req, n);
  } while (!stopping(w));
}
// CHECK: flag-field-annotated.c:31:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}flag-field-annotated.c:27 (stopping -> flag field) and leaves the loop on it

// The other fields are no flags.
void worker_loop_counts(struct worker *w) {
  char req[256];
  while (w->served < 1000) {
    ssize_t n = read(w->fd, req, sizeof req);
    if (n > 0)
      serve(w, req, n);
  }
}
// CHECK: flag-field-annotated.c:42:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}flag-field-annotated.c:43 and never observes cancellation

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s | FileCheck %s --implicit-check-not=remark
