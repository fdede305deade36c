// C++ loops: a stop_token checked and acted on by throwing; a sleep_for
// retry loop that never checks (standard waits are templates called at -O0
// and inlined into nanosleep at -O2: the message names the standard call
// either way); a loop whose throw is caught inside the loop, which does not
// leave it.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark
#include <chrono>
#include <stdexcept>
#include <stop_token>
#include <thread>
#include <unistd.h>

struct Cancelled : std::runtime_error {
  Cancelled() : std::runtime_error("cancelled") {}
};

void pump(std::stop_token Stop, int Fd) {
  char Buf[64];
  for (;;) {
    if (Stop.stop_requested())
      throw Cancelled();
    if (read(Fd, Buf, sizeof Buf) <= 0)
      return;
  }
}
// CHECK: cxx-exceptions-and-sleep.cpp:21:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}cxx-exceptions-and-sleep.cpp:22 (std::stop_token::stop_requested) and leaves the loop on it

bool tryConnect();

void connectWithBackoff() {
  while (!tryConnect())
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
}
// CHECK: cxx-exceptions-and-sleep.cpp:33:3: remark: LoopIgnoresCancel: loop can block in 'std::this_thread::sleep_for<long, std::ratio<1l, 1000l>>' at {{.*}}cxx-exceptions-and-sleep.cpp:34 and never observes cancellation

void process(int Fd);

void serveSwallowing(std::stop_token Stop, int Fd) {
  char Buf[64];
  while (read(Fd, Buf, sizeof Buf) > 0) {
    try {
      if (Stop.stop_requested())
        throw Cancelled();
      process(Fd);
    } catch (const Cancelled &) {
      // Swallowed: the loop reads on.
    }
  }
}
// CHECK: cxx-exceptions-and-sleep.cpp:42:3: remark: LoopCancelNotActedOn: loop observes cancellation at {{.*}}cxx-exceptions-and-sleep.cpp:44 (std::stop_token::stop_requested) but the result never leads out of the loop{{$}}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s | FileCheck %s --implicit-check-not=remark
