// The flag role on a struct field. At -O0 clang's llvm.ptr.annotation sits on
// a struct GEP, which names the field so that every access of it is known;
// on clang -O2 output the GEP is a byte offset and the annotated accesses
// themselves are the flag reads. A field without the annotation is not one.
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --check-prefix=O0 \
// RUN:       --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --check-prefix=O2 \
// RUN:       --implicit-check-not=warning: --implicit-check-not=error:

#define CV(s) __attribute__((annotate("cancel-verify:" s)))

struct worker {
  int id;
  CV("flag") volatile int stop;
  long budget;
  CV("flag") _Atomic _Bool cancelled;
  volatile int not_a_flag;
};

int poll_worker(struct worker *w) {
  return w->stop + w->cancelled + w->not_a_flag;
}

int poll_again(struct worker *w) { return w->stop; }

// The first field is addressed by an all-zero GEP.
struct job {
  CV("flag") volatile int cancel;
  int n;
};

int poll_job(struct job *j) { return j->cancel; }

// O0-LABEL: cancel-verify model of module '{{.*}}'
// O0-NEXT: function poll_worker: no roles
// O0-NEXT: function poll_again: no roles
// O0-NEXT: function poll_job: no roles
// Fields are listed by struct name and offset.
// O0-NEXT: field struct.job+0
// O0-NEXT:   flag  [annotation {{.*}}annotation-field-flags.c:30]
// O0-NEXT: field struct.worker+4
// O0-NEXT:   flag  [annotation {{.*}}annotation-field-flags.c:16]
// O0-NEXT: field struct.worker+16
// O0-NEXT:   flag  [annotation {{.*}}annotation-field-flags.c:18]
// The model ends here; remarks may follow.
// O0-NOT: {{^(function |global |field |annotated field |  [a-z].*  \[)}}

// O2-LABEL: cancel-verify model of module '{{.*}}'
// O2-NEXT: function poll_worker: no roles
// O2-NEXT: function poll_again: no roles
// O2-NEXT: function poll_job: no roles
// O2-NEXT: annotated field accesses without a struct type: 4
// The model ends here; remarks may follow.
// O2-NOT: {{^(function |global |field |annotated field |  [a-z].*  \[)}}
