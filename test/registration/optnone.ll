; Every function is optnone at -O0, and opt-bisect skips what it may: the
; verifier is a required pass and still sees the whole module.
; RUN: %opt -load-pass-plugin=%plugin -disable-output -cancel-verify-print-model \
; RUN:     -passes=cancel-verify -opt-bisect-limit=0 %s 2>&1 \
; RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
; RUN: %opt -load-pass-plugin=%plugin -disable-output -debug-pass-manager \
; RUN:     -passes=cancel-verify -opt-bisect-limit=0 %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=PM

@.str = private unnamed_addr constant [21 x i8] c"cancel-verify:cancel\00", section "llvm.metadata"
@.str.1 = private unnamed_addr constant [10 x i8] c"optnone.c\00", section "llvm.metadata"
@llvm.global.annotations = appending global [1 x { ptr, ptr, ptr, i32, ptr }] [{ ptr, ptr, ptr, i32, ptr } { ptr @cancel_call, ptr @.str, ptr @.str.1, i32 3, ptr null }], section "llvm.metadata"

declare void @cancel_call(ptr)

define void @f(ptr %c) #0 {
  call void @cancel_call(ptr %c)
  ret void
}

attributes #0 = { noinline optnone }

; CHECK: cancel-verify model of module '{{.*}}optnone.ll'
; CHECK-NEXT: function cancel_call
; CHECK-NEXT:   cancel handle=arg0 (IR arg0)  [annotation optnone.c:3]
; CHECK-NEXT: function f: no roles
; CHECK-NOT: {{.}}

; PM: Running pass: cancelverify::CancelVerifyPass on [module]
; PM-NOT: Skipping pass{{.*}}CancelVerifyPass
