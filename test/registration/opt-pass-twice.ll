; The verifier reports a module once, however often a pipeline names it, even
; with a transformation in between: it preserves every analysis, and the
; second instance finds the module marked verified.
; RUN: %opt -load-pass-plugin=%plugin -disable-output -cancel-verify-print-model \
; RUN:     -passes=cancel-verify,cancel-verify %s 2>&1 | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -disable-output -cancel-verify-print-model \
; RUN:     -passes='cancel-verify,function(instcombine),cancel-verify' %s 2>&1 \
; RUN:   | FileCheck %s

define i32 @f(i32 %x) {
  %y = add i32 %x, 0
  ret i32 %y
}

; CHECK-COUNT-1: cancel-verify model of module
; CHECK-NOT: cancel-verify model of module
