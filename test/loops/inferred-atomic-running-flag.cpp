// A `std::atomic<bool>` running flag, the usual C++ stop switch: without
// any model, an atomic load of memory the function does not own that
// decides the loop exit is an inferred cancel flag. At -O0 the load sits in
// std::atomic's members, at -O2 it is inlined; the remark is the same.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark
#include <atomic>
#include <unistd.h>

std::atomic<bool> running{true};

void pump(int fd) {
  char buf[64];
  while (running) {
    if (read(fd, buf, sizeof buf) <= 0)
      break;
  }
}
// CHECK: inferred-atomic-running-flag.cpp:15:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}inferred-atomic-running-flag.cpp:15 (std::atomic<bool>::operator bool, inferred flag: atomic global 'running', by its name) and leaves the loop on it

class Worker {
public:
  void run();

private:
  int Fd = -1;
  std::atomic<bool> Stop{false};
};

void Worker::run() {
  char buf[64];
  while (!Stop.load(std::memory_order_acquire))
    read(Fd, buf, sizeof buf);
}
// CHECK: inferred-atomic-running-flag.cpp:33:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}inferred-atomic-running-flag.cpp:33 (std::atomic<bool>::load, inferred flag: atomic member of 'this', named 'Stop') and leaves the loop on it

// A local atomic is not shared with anyone who could cancel.
void pump_local(int fd) {
  char buf[64];
  std::atomic<bool> done{false};
  while (!done) {
    if (read(fd, buf, sizeof buf) <= 0)
      done = true;
  }
}
// CHECK: inferred-atomic-running-flag.cpp:42:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}inferred-atomic-running-flag.cpp:43 and never observes cancellation

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s | FileCheck %s --implicit-check-not=remark
