; The verifier only reads the IR and preserves every analysis: a function
; analysis computed before it is not computed again after it.
; RUN: %opt -load-pass-plugin=%plugin -disable-output -debug-pass-manager \
; RUN:     -passes='function(require<domtree>),cancel-verify,function(require<domtree>)' \
; RUN:     %s 2>&1 | FileCheck %s

define i32 @f(i32 %x) {
entry:
  %c = icmp eq i32 %x, 0
  br i1 %c, label %a, label %b
a:
  ret i32 1
b:
  ret i32 %x
}

; CHECK: Running analysis: DominatorTreeAnalysis on f
; CHECK: Running pass: cancelverify::CancelVerifyPass on [module]
; CHECK-NOT: Invalidating analysis
; CHECK-NOT: Running analysis: DominatorTreeAnalysis on f
; CHECK: Running pass: RequireAnalysisPass<{{.*}}DominatorTreeAnalysis{{.*}}> on f
; CHECK-NOT: Running analysis: DominatorTreeAnalysis on f
