; opt knows the verifier as the module pass 'cancel-verify' once the plugin is
; loaded, alone or inside a larger pipeline, and not without the plugin.
; RUN: %cv_opt -disable-output -cancel-verify-print-model %s 2>&1 \
; RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
; RUN: %opt -load-pass-plugin=%plugin -disable-output -cancel-verify-print-model \
; RUN:     -passes='function(instcombine),cancel-verify,globaldce' %s 2>&1 \
; RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
; RUN: %opt -load-pass-plugin=%plugin -disable-output -debug-pass-manager \
; RUN:     -passes=cancel-verify %s 2>&1 | FileCheck %s --check-prefix=PASS
; RUN: not %opt -disable-output -passes=cancel-verify %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=NOPLUGIN

define i32 @f(i32 %x) {
  ret i32 %x
}

; CHECK: cancel-verify model of module '{{.*}}opt-pass-name.ll'
; CHECK-NEXT: function f: no roles
; CHECK-NOT: {{.}}

; It is a module pass.
; PASS: Running pass: cancelverify::CancelVerifyPass on [module]

; NOPLUGIN: unknown pass name 'cancel-verify'
