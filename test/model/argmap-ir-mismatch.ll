; IR whose arguments no source signature explains (here a C++ function whose
; mangled name says one pointer parameter, declared with two IR arguments):
; the role is ignored with a warning that says so and suggests irargN; the
; role of another function that maps is kept.
; RUN: %cv_opt -disable-output -cancel-verify-print-model %s 2>&1 \
; RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

@s.cancel = private unnamed_addr constant [21 x i8] c"cancel-verify:cancel\00", section "llvm.metadata"
@s.irarg = private unnamed_addr constant [35 x i8] c"cancel-verify:cancel:handle=irarg1\00", section "llvm.metadata"
@s.file = private unnamed_addr constant [6 x i8] c"api.h\00", section "llvm.metadata"
@llvm.global.annotations = appending global [3 x { ptr, ptr, ptr, i32, ptr }] [
  { ptr, ptr, ptr, i32, ptr } { ptr @_Z6cancelPv, ptr @s.cancel, ptr @s.file, i32 3, ptr null },
  { ptr, ptr, ptr, i32, ptr } { ptr @_Z7cancel2Pv, ptr @s.irarg, ptr @s.file, i32 4, ptr null },
  { ptr, ptr, ptr, i32, ptr } { ptr @_Z7cancel3Pv, ptr @s.cancel, ptr @s.file, i32 5, ptr null }
], section "llvm.metadata"

declare void @_Z6cancelPv(ptr noundef, ptr noundef)
declare void @_Z7cancel2Pv(ptr noundef, ptr noundef)
declare void @_Z7cancel3Pv(ptr noundef)

; CHECK: warning: cancel-verify: api.h:3: invalid annotation "cancel-verify:cancel" on function 'cancel(void*)' is ignored: cannot map 'arg0': 'cancel(void*)' has 1 parameter in the source but 2 IR arguments in the IR, and no lowering of by-value structs explains it; compile with -g or name the IR argument with irargN
; CHECK-LABEL: cancel-verify model of module '{{.*}}'
; CHECK-NEXT: function _Z6cancelPv (cancel(void*)): no roles
; CHECK-NEXT: function _Z7cancel2Pv (cancel2(void*))
; CHECK-NEXT:   cancel handle=irarg1 (IR arg1)  [annotation api.h:4]
; CHECK-NEXT: function _Z7cancel3Pv (cancel3(void*))
; CHECK-NEXT:   cancel handle=arg0 (IR arg0)  [annotation api.h:5]
; CHECK-NOT: {{.}}
