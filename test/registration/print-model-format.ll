; The format of -cancel-verify-print-model, line by line: a header naming
; the module; each function the module has, in module order, by symbol (and
; demangled name), with "no roles" or one indented line per role and its
; origin in brackets (annotation file:line, model file:line:col, builtin
; catalog); the calls of syscall with the answer for each; flag globals;
; flag fields by IR struct name and byte offset; and a count of annotated
; field accesses whose struct the IR no longer names.
; RUN: %cv_opt -disable-output %s -cancel-verify-print-model \
; RUN:     -cancel-verify-model=%S/Inputs/format.yaml 2>&1 \
; RUN:   | FileCheck %s --strict-whitespace --match-full-lines \
; RUN:       --implicit-check-not=warning: --implicit-check-not=error:

target triple = "x86_64-pc-linux-gnu"

%struct.job = type { i32, i32 }
%struct.big = type { [4 x i64] }

@g_stop = global i32 0
@g_plain = global i32 0
@s.create = private unnamed_addr constant [60 x i8] c"cancel-verify:create:handle=arg1,parent=arg0,success=ret==0\00", section "llvm.metadata"
@s.ret = private unnamed_addr constant [21 x i8] c"cancel-verify:create\00", section "llvm.metadata"
@s.cancel = private unnamed_addr constant [21 x i8] c"cancel-verify:cancel\00", section "llvm.metadata"
@s.defer = private unnamed_addr constant [32 x i8] c"cancel-verify:defer:handle=arg1\00", section "llvm.metadata"
@s.wait = private unnamed_addr constant [19 x i8] c"cancel-verify:wait\00", section "llvm.metadata"
@s.observe = private unnamed_addr constant [22 x i8] c"cancel-verify:observe\00", section "llvm.metadata"
@s.root = private unnamed_addr constant [19 x i8] c"cancel-verify:root\00", section "llvm.metadata"
@s.supall = private unnamed_addr constant [23 x i8] c"cancel-verify:suppress\00", section "llvm.metadata"
@s.supsome = private unnamed_addr constant [50 x i8] c"cancel-verify:suppress:LostCancel,DiscardedCancel\00", section "llvm.metadata"
@s.flag = private unnamed_addr constant [19 x i8] c"cancel-verify:flag\00", section "llvm.metadata"
@s.file = private unnamed_addr constant [7 x i8] c"user.c\00", section "llvm.metadata"
@llvm.global.annotations = appending global [12 x { ptr, ptr, ptr, i32, ptr }] [
  { ptr, ptr, ptr, i32, ptr } { ptr @ctx_with_cancel, ptr @s.create, ptr @s.file, i32 1, ptr null },
  { ptr, ptr, ptr, i32, ptr } { ptr @new_cancel, ptr @s.ret, ptr @s.file, i32 2, ptr null },
  { ptr, ptr, ptr, i32, ptr } { ptr @make_big, ptr @s.ret, ptr @s.file, i32 3, ptr null },
  { ptr, ptr, ptr, i32, ptr } { ptr @cancel_call, ptr @s.cancel, ptr @s.file, i32 4, ptr null },
  { ptr, ptr, ptr, i32, ptr } { ptr @defer_cancel, ptr @s.defer, ptr @s.file, i32 5, ptr null },
  { ptr, ptr, ptr, i32, ptr } { ptr @ctx_wait, ptr @s.wait, ptr @s.file, i32 6, ptr null },
  { ptr, ptr, ptr, i32, ptr } { ptr @ctx_wait, ptr @s.observe, ptr @s.file, i32 6, ptr null },
  { ptr, ptr, ptr, i32, ptr } { ptr @ctx_done, ptr @s.observe, ptr @s.file, i32 7, ptr null },
  { ptr, ptr, ptr, i32, ptr } { ptr @ctx_background, ptr @s.root, ptr @s.file, i32 8, ptr null },
  { ptr, ptr, ptr, i32, ptr } { ptr @quiet_all, ptr @s.supall, ptr @s.file, i32 9, ptr null },
  { ptr, ptr, ptr, i32, ptr } { ptr @quiet_some, ptr @s.supsome, ptr @s.file, i32 10, ptr null },
  { ptr, ptr, ptr, i32, ptr } { ptr @g_stop, ptr @s.flag, ptr @s.file, i32 11, ptr null }
], section "llvm.metadata"

declare i32 @ctx_with_cancel(ptr noundef, ptr noundef)
declare ptr @new_cancel()
declare void @make_big(ptr sret(%struct.big), i32 noundef)
declare void @cancel_call(ptr noundef)
declare void @defer_cancel(ptr noundef, ptr noundef)
declare i32 @ctx_wait(ptr noundef)
declare i32 @ctx_done(ptr noundef)
declare ptr @ctx_background()
declare void @quiet_all()
declare void @quiet_some()
declare void @_ZN2ns6Worker4stopEv(ptr noundef)
declare i64 @read(i32 noundef, ptr noundef, i64 noundef)
declare i64 @syscall(i64 noundef, ...)
declare ptr @llvm.ptr.annotation.p0.p0(ptr, ptr, ptr, i32, ptr)

define i32 @scan(ptr %j, ptr %addr) {
  %a = getelementptr inbounds i8, ptr %j, i64 4
  %p = call ptr @llvm.ptr.annotation.p0.p0(ptr %a, ptr @s.flag, ptr @s.file, i32 12, ptr null)
  %v = load volatile i32, ptr %p
  %w = call i64 (i64, ...) @syscall(i64 202, ptr %addr, i32 128, i32 1, ptr null)
  %k = call i64 (i64, ...) @syscall(i64 202, ptr %addr, i32 129, i32 1)
  %q = getelementptr inbounds %struct.job, ptr %j, i32 0, i32 1
  %x = load volatile i32, ptr %q
  ret i32 %v
}

; CHECK:cancel-verify model of module '{{.*}}print-model-format.ll'
; CHECK-NEXT:function ctx_with_cancel
; CHECK-NEXT:  create handle=arg1 (IR arg1) parent=arg0 (IR arg0) success=ret==0  [annotation user.c:1]
; CHECK-NEXT:function new_cancel
; CHECK-NEXT:  create handle=ret (ret) success=always  [annotation user.c:2]
; CHECK-NEXT:function make_big
; CHECK-NEXT:  create handle=ret (sret arg0) success=always  [annotation user.c:3]
; CHECK-NEXT:function cancel_call
; CHECK-NEXT:  cancel handle=arg0 (IR arg0)  [annotation user.c:4]
; CHECK-NEXT:function defer_cancel
; CHECK-NEXT:  defer handle=arg1 (IR arg1)  [annotation user.c:5]
; CHECK-NEXT:function ctx_wait
; CHECK-NEXT:  wait  [annotation user.c:6]
; CHECK-NEXT:  observe (cancellable wait)  [annotation user.c:6]
; CHECK-NEXT:function ctx_done
; CHECK-NEXT:  observe  [annotation user.c:7]
; CHECK-NEXT:function ctx_background
; CHECK-NEXT:  root  [annotation user.c:8]
; CHECK-NEXT:function quiet_all
; CHECK-NEXT:  suppress all  [annotation user.c:9]
; CHECK-NEXT:function quiet_some
; CHECK-NEXT:  suppress LostCancel,DiscardedCancel  [annotation user.c:10]
; CHECK-NEXT:function _ZN2ns6Worker4stopEv (ns::Worker::stop())
; CHECK-NEXT:  cancel handle=this (IR arg0)  [model {{.*}}format.yaml:3:5]
; CHECK-NEXT:function read
; CHECK-NEXT:  wait  [builtin posix]
; CHECK-NEXT:function syscall
; CHECK-NEXT:  wait (when the call is a futex wait)  [builtin posix]
; CHECK-NEXT:    call in 'scan': wait (futex wait)
; CHECK-NEXT:    call in 'scan': no role
; CHECK-NEXT:function scan: no roles
; CHECK-NEXT:global g_stop
; CHECK-NEXT:  flag  [annotation user.c:11]
; CHECK-NEXT:field struct.job+4 (field job::1)
; CHECK-NEXT:  flag  [model {{.*}}format.yaml:6:5]
; CHECK-NEXT:annotated field accesses without a struct type: 1
; CHECK-NOT:{{.}}
