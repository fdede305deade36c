// -cancel-verify-sarif=FILE writes a SARIF 2.1.0 log. Inputs/check-sarif.py
// asserts the properties the SARIF 2.1.0 schema requires (and that no
// object holds one SARIF does not define), CancelVerify's shape (one run,
// 9 rules in remark-name order, ruleIndex naming the rule of ruleId, one
// location with the function, related locations numbered 1..n, 16-hex-digit
// fingerprints) and that each relative uri, resolved against SRCROOT, is
// the compiled file; FileCheck pins every value: $schema, version, the tool,
// each rule's descriptions and default level, and per result its level,
// message, location (relative to the compilation directory, uriBaseId
// SRCROOT), function, related locations, code flow and fingerprint.
// Passes (CancelVerified, LoopObservesCancel) are not results; CancelEscapes
// is a note. The same log from clang -O0, clang -O2 and opt on clang -O2 IR
// (run from another directory: SRCROOT is the compile unit's directory).
// A branch decision is located where clang puts the branch: the start of
// the condition (clang 19, column 7) or its operator (clang 22, column 19).
//
// RUN: rm -rf %t.dir && mkdir -p %t.dir && cp %s %t.dir/input.c
// RUN: cd %t.dir && %clang_cv -O0 -g -c input.c -I %examples/include -o o0.o \
// RUN:     -mllvm -cancel-verify-sarif=%t.dir/o0.sarif
// RUN: %python %S/Inputs/check-sarif.py %t.dir/o0.sarif --srcroot %t.dir \
// RUN:   | FileCheck %s --implicit-check-not='{{^result }}' --implicit-check-not=related \
// RUN:       --implicit-check-not=flow: --implicit-check-not=suppression: --implicit-check-not=baseline:
// RUN: cd %t.dir && %clang_cv -O2 -g -c input.c -I %examples/include -o o2.o \
// RUN:     -mllvm -cancel-verify-sarif=%t.dir/o2.sarif
// RUN: %python %S/Inputs/check-sarif.py %t.dir/o2.sarif --srcroot %t.dir \
// RUN:   | FileCheck %s --implicit-check-not='{{^result }}' --implicit-check-not=related \
// RUN:       --implicit-check-not=flow: --implicit-check-not=suppression: --implicit-check-not=baseline:
// RUN: cd %t.dir && %clang -O2 -g -S -emit-llvm input.c -I %examples/include -o o2.ll
// RUN: cd / && %cv_opt -disable-output %t.dir/o2.ll -cancel-verify-sarif=%t.dir/opt.sarif
// RUN: %python %S/Inputs/check-sarif.py %t.dir/opt.sarif --srcroot %t.dir \
// RUN:   | FileCheck %s --implicit-check-not='{{^result }}' --implicit-check-not=related \
// RUN:       --implicit-check-not=flow: --implicit-check-not=suppression: --implicit-check-not=baseline:
//
// CHECK:      {{^}}sarif 2.1.0 schema=https://json.schemastore.org/sarif-2.1.0.json runs=1{{$}}
// CHECK-NEXT: {{^}}tool CancelVerify version={{[0-9]+\.[0-9]+\.[0-9]+}} rules=9{{$}}
// CHECK-NEXT: {{^}}srcroot file:///{{.+}}/{{$}}
// CHECK-NEXT: {{^}}rule[0] LostCancel level=warning{{$}}
// CHECK-NEXT: {{^}}  short: A cancel handle is not cancelled on some path to a return.{{$}}
// CHECK-NEXT: {{^}}  full: A handle created by a create call is owed a cancel on every path to the function's exits; on the path reported the function returns (or an exception leaves it) with the handle still owed, so the child context and what waits on it live until the parent is cancelled.{{$}}
// CHECK-NEXT: {{^}}  help: Cancel the handle on that path, or defer the cancel right after the creation (a defer registration, a guard object, __attribute__((cleanup))), or hand it to the caller.{{$}}
// CHECK-NEXT: {{^}}rule[1] DiscardedCancel level=warning{{$}}
// CHECK-NEXT: {{^}}  short: A cancel handle is never used.{{$}}
// CHECK-NEXT: {{^}}  full: The handle a create call returns is never cancelled, deferred, stored or passed on, so nothing can cancel the child context.{{$}}
// CHECK-NEXT: {{^}}  help: Keep the handle and cancel it when the work is done, or defer its cancel.{{$}}
// CHECK-NEXT: {{^}}rule[2] OverwrittenCancel level=warning{{$}}
// CHECK-NEXT: {{^}}  short: A cancel handle is overwritten before it is cancelled.{{$}}
// CHECK-NEXT: {{^}}  full: The storage holding an owed handle is given another value (or the creation runs again), and the old handle can no longer be cancelled.{{$}}
// CHECK-NEXT: {{^}}  help: Cancel the old handle before reusing its variable, or use a variable per handle.{{$}}
// CHECK-NEXT: {{^}}rule[3] LoopIgnoresCancel level=warning{{$}}
// CHECK-NEXT: {{^}}  short: A loop can block and never observes cancellation.{{$}}
// CHECK-NEXT: {{^}}  full: The loop calls something that may block (directly or through the call chain given) and never checks whether its context is cancelled, so cancelling cannot stop it.{{$}}
// CHECK-NEXT: {{^}}  help: Check cancellation in the loop (an observer call, a cancel flag) and leave the loop on it, or use a wait that returns when the context is cancelled.{{$}}
// CHECK-NEXT: {{^}}rule[4] LoopCancelNotActedOn level=warning{{$}}
// CHECK-NEXT: {{^}}  short: A loop observes cancellation but never leaves on it.{{$}}
// CHECK-NEXT: {{^}}  full: The loop can block and reads cancellation state, but the result never leads out of the loop.{{$}}
// CHECK-NEXT: {{^}}  help: Leave the loop (break, return) when the observation says the context is cancelled.{{$}}
// CHECK-NEXT: {{^}}rule[5] DetachedContext level=warning{{$}}
// CHECK-NEXT: {{^}}  short: A context derives from a root although one is at hand.{{$}}
// CHECK-NEXT: {{^}}  full: The parent of the new context is a root context (never cancelled) although the function has a context of its caller; cancelling the caller does not reach this work.{{$}}
// CHECK-NEXT: {{^}}  help: Derive the new context from the context the function was given.{{$}}
// CHECK-NEXT: {{^}}rule[6] CancelVerified level=none{{$}}
// CHECK-NEXT: {{^}}  short: A cancel handle is discharged on every path.{{$}}
// CHECK-NEXT: {{^}}  full: The handle is cancelled, deferred, guarded or handed to the caller on every path to the function's exits.{{$}}
// CHECK-NEXT: {{^}}  help: Nothing to fix.{{$}}
// CHECK-NEXT: {{^}}rule[7] LoopObservesCancel level=none{{$}}
// CHECK-NEXT: {{^}}  short: A blocking loop observes cancellation and leaves on it.{{$}}
// CHECK-NEXT: {{^}}  full: The loop can block and leaves when its context is cancelled.{{$}}
// CHECK-NEXT: {{^}}  help: Nothing to fix.{{$}}
// CHECK-NEXT: {{^}}rule[8] CancelEscapes level=note{{$}}
// CHECK-NEXT: {{^}}  short: A cancel handle goes where the verifier cannot follow it.{{$}}
// CHECK-NEXT: {{^}}  full: The handle is stored in a global or heap memory, or passed to a function without a body or model, so whether it is cancelled is not known.{{$}}
// CHECK-NEXT: {{^}}  help: Model the function it is passed to (an annotation or a model file entry), or keep the handle local; -cancel-verify-strict reports these as LostCancel.{{$}}
#include "cv_context.h"
#include <unistd.h>

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);
void remember(cv_cancel_t *cancel);

int read_frame(int fd, char *frame) {
  return (int)read(fd, frame, 64);
}

void worker(int fd) {
  char frame[64];
  while (read_frame(fd, frame) > 0) {
  }
}
// CHECK-NEXT: {{^}}result LoopIgnoresCancel ruleIndex=3 level=warning{{$}}
// CHECK-NEXT: {{^}}  message: loop can block in 'read' at input.c:[[@LINE-9]] (via read_frame -> read) and never observes cancellation{{$}}
// CHECK-NEXT: {{^}}  at: SRCROOT:input.c:[[@LINE-5]]:3 in worker{{$}}
// CHECK-NEXT: {{^}}  related[1]: SRCROOT:input.c:[[@LINE-6]]:10: calls 'read_frame'{{$}}
// CHECK-NEXT: {{^}}  related[2]: SRCROOT:input.c:[[@LINE-12]]:15: 'read' can block here{{$}}
// CHECK-NEXT: {{^}}  fingerprint: {{[0-9a-f]+}}{{$}}

// A pass: no result.
void watcher(cv_ctx_t *ctx, int conn) {
  char buf[128];
  while (!cv_done(ctx)) {
    if (cv_conn_read(conn, buf, sizeof buf) <= 0)
      break;
  }
}

int early_return(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}
// CHECK-NEXT: {{^}}result LostCancel ruleIndex=0 level=warning{{$}}
// CHECK-NEXT: {{^}}  message: returns at input.c:[[@LINE-5]] without cancelling the handle created at line [[@LINE-7]] by 'cv_with_cancel'{{$}}
// CHECK-NEXT: {{^}}  at: SRCROOT:input.c:[[@LINE-8]]:25 in early_return{{$}}
// CHECK-NEXT: {{^}}  related[1]: SRCROOT:input.c:[[@LINE-7]]:5: the function returns here without cancelling{{$}}
// CHECK-NEXT: {{^}}  flow: SRCROOT:input.c:[[@LINE-10]]:25: the handle is created here{{$}}
// CHECK-NEXT: {{^}}  flow: SRCROOT:input.c:[[@LINE-10]]:{{(7|19)}}: taking the true branch{{$}}
// CHECK-NEXT: {{^}}  flow: SRCROOT:input.c:[[@LINE-10]]:5: the function returns here without cancelling{{$}}
// CHECK-NEXT: {{^}}  fingerprint: {{[0-9a-f]+}}{{$}}

// A pass: no result.
int cancels(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_timeout(parent, 100, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

int escapes(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  remember(cancel);
  return work(child);
}
// CHECK-NEXT: {{^}}result CancelEscapes ruleIndex=8 level=note{{$}}
// CHECK-NEXT: {{^}}  message: the handle created at line [[@LINE-5]] by 'cv_with_cancel' escapes: passed to 'remember', which has no model and no body here at line [[@LINE-4]]; it cannot be followed{{$}}
// CHECK-NEXT: {{^}}  at: SRCROOT:input.c:[[@LINE-6]]:25 in escapes{{$}}
// CHECK-NEXT: {{^}}  related[1]: SRCROOT:input.c:[[@LINE-6]]:3: the handle escapes here{{$}}
// CHECK-NEXT: {{^}}  fingerprint: {{[0-9a-f]+}}{{$}}

int discards(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_with_deadline(parent, 7, &child);
  return work(child);
}
// CHECK-NEXT: {{^}}result DiscardedCancel ruleIndex=1 level=warning{{$}}
// CHECK-NEXT: {{^}}  message: the cancel handle from 'cv_with_deadline' is never used, so nothing can cancel it; its context lives until the parent is cancelled{{$}}
// CHECK-NEXT: {{^}}  at: SRCROOT:input.c:[[@LINE-5]]:3 in discards{{$}}
// CHECK-NEXT: {{^}}  fingerprint: {{[0-9a-f]+}}{{$}}
// CHECK-NEXT: {{^}}results 4{{$}}
