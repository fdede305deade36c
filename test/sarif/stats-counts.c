// -cancel-verify-stats prints, once per module, "cancel-verify statistics
// for 'MODULE'" and the counts: creations (every handle verdict: 8 create
// calls below), blocking loops (3), each of the 9 remark names, suppressed
// findings (a `suppress:LostCancel` role: 1) and baselined ones (0 without
// a baseline; with the module's own SARIF as the baseline every recorded
// finding but the suppressed one: 7), then the time of each stage in
// seconds with 3 decimals. The counts are the same on the source at -O0
// and -O2 and on clang -O2 IR through opt. Without the option nothing is
// printed.
//
// RUN: rm -rf %t.dir && mkdir -p %t.dir && cp %s %t.dir/input.c
// RUN: cd %t.dir && %clang_cv -O0 -g -c input.c -I %examples/include -o o0.o \
// RUN:     -mllvm -cancel-verify-stats 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=SRC,COUNTS,NOBASE --implicit-check-not=statistics
// RUN: cd %t.dir && %clang_cv -O2 -g -c input.c -I %examples/include -o o2.o \
// RUN:     -mllvm -cancel-verify-stats 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=SRC,COUNTS,NOBASE --implicit-check-not=statistics
// RUN: cd %t.dir && %clang -O2 -g -S -emit-llvm input.c -I %examples/include -o o2.ll
// RUN: %cv_opt -disable-output %t.dir/o2.ll -cancel-verify-stats 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=OPT,COUNTS,NOBASE --implicit-check-not=statistics
//
// With a baseline (this module's SARIF): the same counts, 7 baselined.
// RUN: cd %t.dir && %clang_cv -O0 -g -c input.c -I %examples/include -o base.o \
// RUN:     -mllvm -cancel-verify-sarif=%t.dir/base.sarif
// RUN: cd %t.dir && %clang_cv -O0 -g -c input.c -I %examples/include -o b0.o \
// RUN:     -mllvm -cancel-verify-stats -mllvm -cancel-verify-baseline=%t.dir/base.sarif 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=SRC,COUNTS,BASE --implicit-check-not=statistics
// RUN: cd %t.dir && %clang_cv -O2 -g -c input.c -I %examples/include -o b2.o \
// RUN:     -mllvm -cancel-verify-stats -mllvm -cancel-verify-baseline=%t.dir/base.sarif 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=SRC,COUNTS,BASE --implicit-check-not=statistics
// RUN: %cv_opt -disable-output %t.dir/o2.ll -cancel-verify-stats \
// RUN:     -cancel-verify-baseline=%t.dir/base.sarif 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=OPT,COUNTS,BASE --implicit-check-not=statistics
//
// RUN: cd %t.dir && %clang_cv -O0 -g -c input.c -I %examples/include -o none.o 2>&1 | count 0
// RUN: %cv_opt -disable-output %t.dir/o2.ll 2>&1 | count 0
//
// SRC:         {{^}}cancel-verify statistics for 'input.c'{{$}}
// OPT:         {{^}}cancel-verify statistics for '{{.*}}o2.ll'{{$}}
// COUNTS-NEXT: {{^}}  creations              8{{$}}
// COUNTS-NEXT: {{^}}  blocking loops         3{{$}}
// COUNTS-NEXT: {{^}}  LostCancel             2{{$}}
// COUNTS-NEXT: {{^}}  DiscardedCancel        1{{$}}
// COUNTS-NEXT: {{^}}  OverwrittenCancel      1{{$}}
// COUNTS-NEXT: {{^}}  LoopIgnoresCancel      1{{$}}
// COUNTS-NEXT: {{^}}  LoopCancelNotActedOn   1{{$}}
// COUNTS-NEXT: {{^}}  DetachedContext        1{{$}}
// COUNTS-NEXT: {{^}}  CancelVerified         2{{$}}
// COUNTS-NEXT: {{^}}  LoopObservesCancel     1{{$}}
// COUNTS-NEXT: {{^}}  CancelEscapes          1{{$}}
// COUNTS-NEXT: {{^}}  suppressed             1{{$}}
// NOBASE-NEXT: {{^}}  baselined              0{{$}}
// BASE-NEXT:   {{^}}  baselined              7{{$}}
// COUNTS-NEXT: {{^}}  time: model            {{[0-9]+\.[0-9][0-9][0-9]}} s{{$}}
// COUNTS-NEXT: {{^}}  time: summaries        {{[0-9]+\.[0-9][0-9][0-9]}} s{{$}}
// COUNTS-NEXT: {{^}}  time: checks and output {{[0-9]+\.[0-9][0-9][0-9]}} s{{$}}
#include "cv_context.h"
#include <unistd.h>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);
void remember(cv_cancel_t *cancel);
void decode(const char *buf, long n);

int lost(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}

CV("suppress:LostCancel") int lost_quietly(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}

int discards(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_with_cancel(parent, &child);
  return work(child);
}

int overwrites(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  work(child);
  cancel = cv_with_timeout(parent, 10, &child);
  work(child);
  cv_cancel(cancel);
  return 0;
}

int detaches(cv_ctx_t *ctx) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(cv_background(), &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc + work(ctx);
}

int escapes(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  remember(cancel);
  return work(child);
}

int cancels(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_deadline(parent, 9, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

void reader(int fd) {
  char buf[64];
  long n;
  while ((n = read(fd, buf, sizeof buf)) > 0)
    decode(buf, n);
}

void poller(cv_ctx_t *ctx, int conn) {
  char buf[128];
  for (;;) {
    if (cv_done(ctx))
      decode("cancelled", 0);
    if (cv_conn_read(conn, buf, sizeof buf) <= 0)
      break;
  }
}

void watcher(cv_ctx_t *ctx, int conn) {
  char buf[128];
  while (!cv_done(ctx)) {
    if (cv_conn_read(conn, buf, sizeof buf) <= 0)
      break;
  }
}
