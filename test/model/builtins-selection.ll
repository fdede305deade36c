; -cancel-verify-builtins selects the catalogs: all by default or with 'all',
; none with 'none', or a comma-separated list. An unknown or empty list is an
; error that stops the run with a non-zero status, under opt and under clang.
; RUN: %cv_opt -disable-output -cancel-verify-print-model %s 2>&1 \
; RUN:   | FileCheck %s --check-prefixes=CHECK,POSIX,PTHREAD,CXX
; RUN: %cv_opt -disable-output -cancel-verify-print-model %s 2>&1 \
; RUN:     -cancel-verify-builtins=all \
; RUN:   | FileCheck %s --check-prefixes=CHECK,POSIX,PTHREAD,CXX
; RUN: %cv_opt -disable-output -cancel-verify-print-model %s 2>&1 \
; RUN:     -cancel-verify-builtins=none \
; RUN:   | FileCheck %s --check-prefixes=CHECK,NO-POSIX,NO-PTHREAD,NO-CXX
; RUN: %cv_opt -disable-output -cancel-verify-print-model %s 2>&1 \
; RUN:     -cancel-verify-builtins=posix \
; RUN:   | FileCheck %s --check-prefixes=CHECK,POSIX,NO-PTHREAD,NO-CXX
; RUN: %cv_opt -disable-output -cancel-verify-print-model %s 2>&1 \
; RUN:     -cancel-verify-builtins=pthread,cxx \
; RUN:   | FileCheck %s --check-prefixes=CHECK,NO-POSIX,PTHREAD,CXX
; RUN: %clang_cv -c -x ir %s -o /dev/null -mllvm -cancel-verify-print-model \
; RUN:     -mllvm -cancel-verify-builtins=cxx 2>&1 \
; RUN:   | FileCheck %s --check-prefixes=CHECK,NO-POSIX,NO-PTHREAD,CXX
;
; RUN: not %cv_opt -disable-output -cancel-verify-print-model %s 2>&1 \
; RUN:     -cancel-verify-builtins=posix,bogus \
; RUN:   | FileCheck %s --check-prefix=BAD --implicit-check-not="model of"
; RUN: not %clang_cv -c -x ir %s -o /dev/null -mllvm -cancel-verify-print-model \
; RUN:     -mllvm -cancel-verify-builtins=posix,bogus 2>&1 \
; RUN:   | FileCheck %s --check-prefix=BAD --implicit-check-not="model of"
; RUN: not %cv_opt -disable-output -cancel-verify-print-model %s 2>&1 \
; RUN:     -cancel-verify-builtins= \
; RUN:   | FileCheck %s --check-prefix=EMPTY --implicit-check-not="model of"

target triple = "x86_64-pc-linux-gnu"

declare i64 @read(i32, ptr, i64)
declare i32 @pthread_join(i64, ptr)
declare void @pthread_testcancel()
declare void @_ZNSt6thread4joinEv(ptr)

; CHECK-LABEL: cancel-verify model of module '{{.*}}'
; POSIX-NEXT: function read
; POSIX-NEXT:   wait  [builtin posix]
; NO-POSIX-NEXT: function read: no roles
; PTHREAD-NEXT: function pthread_join
; PTHREAD-NEXT:   wait  [builtin pthread]
; PTHREAD-NEXT: function pthread_testcancel
; PTHREAD-NEXT:   observe  [builtin pthread]
; NO-PTHREAD-NEXT: function pthread_join: no roles
; NO-PTHREAD-NEXT: function pthread_testcancel: no roles
; CXX-NEXT: function _ZNSt6thread4joinEv (std::thread::join())
; CXX-NEXT:   wait  [builtin cxx]
; NO-CXX-NEXT: function _ZNSt6thread4joinEv (std::thread::join()): no roles
; CHECK-NOT: {{.}}

; BAD: error: cancel-verify: -cancel-verify-builtins: unknown built-in catalog 'bogus' (expected posix, pthread, cxx, all or none)
; EMPTY: error: cancel-verify: -cancel-verify-builtins: empty catalog list (use 'none' to disable the built-in catalogs)
