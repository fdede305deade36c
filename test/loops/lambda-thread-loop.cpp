// Loops in lambdas run by std::jthread. At -O2 the lambda is inlined into
// the standard library's thread entry and deleted; the loop is still judged
// at its own line, and explained from inside the lambda.
//
// RUN: %cv-remarks O0 %s > %t.O0.out && FileCheck %s --implicit-check-not=remark < %t.O0.out
// RUN: %cv-remarks O2 %s > %t.O2.out && FileCheck %s --implicit-check-not=remark < %t.O2.out
#include <stop_token>
#include <thread>
#include <unistd.h>

void startReaders(int Fd) {
  std::jthread Checked([Fd](std::stop_token Stop) {
    char Buf[16];
    while (!Stop.stop_requested())
      read(Fd, Buf, sizeof Buf);
  });
  std::jthread Unchecked([Fd] {
    char Buf[16];
    while (read(Fd, Buf, sizeof Buf) > 0) {
    }
  });
}
// CHECK-DAG: lambda-thread-loop.cpp:14:5: remark: LoopObservesCancel: loop observes cancellation at {{.*}}lambda-thread-loop.cpp:14 (std::stop_token::stop_requested) and leaves the loop on it
// CHECK-DAG: lambda-thread-loop.cpp:19:5: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}lambda-thread-loop.cpp:19 and never observes cancellation

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s > %t.clang-O2.out
// RUN: FileCheck %s --implicit-check-not=remark < %t.clang-O2.out

// --implicit-check-not does not look between or after CHECK-DAG matches;
// counting the remarks makes "no other remark" hold there too.
// RUN: grep remark %t.O0.out | count 2
// RUN: grep remark %t.O2.out | count 2
// RUN: grep remark %t.clang-O2.out | count 2
