; The verifier never changes the IR: opt's output is the same text with and
; without it, on a module with annotations, flags, loops and calls.
; RUN: %opt -S %s -o %t.without.ll
; RUN: %cv_opt -S %s -o %t.with.ll
; RUN: diff %t.without.ll %t.with.ll
; RUN: %opt -S -passes=verify %s -o %t.without2.ll
; RUN: %opt -S -load-pass-plugin=%plugin -passes='cancel-verify,verify' %s -o %t.with2.ll
; RUN: diff %t.without2.ll %t.with2.ll
; The output is the module itself, not an empty one.
; RUN: FileCheck %s < %t.with.ll

@g_stop = global i32 0
@.str = private unnamed_addr constant [19 x i8] c"cancel-verify:wait\00", section "llvm.metadata"
@.str.1 = private unnamed_addr constant [19 x i8] c"cancel-verify:flag\00", section "llvm.metadata"
@.str.2 = private unnamed_addr constant [7 x i8] c"user.c\00", section "llvm.metadata"
@llvm.global.annotations = appending global [2 x { ptr, ptr, ptr, i32, ptr }] [{ ptr, ptr, ptr, i32, ptr } { ptr @block, ptr @.str, ptr @.str.2, i32 1, ptr null }, { ptr, ptr, ptr, i32, ptr } { ptr @g_stop, ptr @.str.1, ptr @.str.2, i32 2, ptr null }], section "llvm.metadata"

declare i32 @block(i32)

define i32 @loop(i32 %fd) {
entry:
  br label %header
header:
  %n = phi i32 [ 0, %entry ], [ %n.next, %body ]
  %stop = load volatile i32, ptr @g_stop
  %done = icmp ne i32 %stop, 0
  br i1 %done, label %exit, label %body
body:
  %r = call i32 @block(i32 %fd)
  %n.next = add i32 %n, %r
  br label %header
exit:
  ret i32 %n
}

; CHECK: define i32 @loop(i32 %fd)
; CHECK: call i32 @block(i32 %fd)
