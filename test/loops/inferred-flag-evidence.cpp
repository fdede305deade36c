// Evidence for inferred flags in C++: a std::atomic written on a
// std::thread (at -O2 the lambda is inlined into the thread's entry), a
// member written by a member function that says it stops, and a statistic
// that only ever holds computed values.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark
#include <atomic>
#include <thread>
#include <unistd.h>

std::atomic<int> g_stage{0};

std::thread start_watcher() {
  return std::thread([] {
    sleep(1);
    g_stage.store(1);
  });
}

void pump(int fd) {
  char buf[64];
  while (g_stage.load() == 0) {
    if (read(fd, buf, sizeof buf) <= 0)
      break;
  }
}
// CHECK: inferred-flag-evidence.cpp:[[@LINE-5]]:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}inferred-flag-evidence.cpp:[[@LINE-5]] (std::__atomic_base<int>::load, inferred flag: atomic global 'g_stage', written {{(by the lambda in 'start_watcher\(\)' )?}}on a std::thread) and leaves the loop on it{{$}}

class Pump {
public:
  void run();
  void halt();

private:
  int Fd = -1;
  std::atomic<bool> Go{true};
};

void Pump::halt() { Go = false; }

void Pump::run() {
  char buf[64];
  while (Go)
    read(Fd, buf, sizeof buf);
}
// CHECK: inferred-flag-evidence.cpp:[[@LINE-3]]:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}inferred-flag-evidence.cpp:[[@LINE-3]] (std::atomic<bool>::operator bool, inferred flag: atomic member of 'this', written by 'Pump::halt') and leaves the loop on it{{$}}

struct Stats {
  std::atomic<long> Peak{0};
};
void note_peak(Stats &S, long V) { S.Peak = V * 2; }

void drain(Stats &S, int fd) {
  char buf[64];
  while (S.Peak.load() < 100)
    read(fd, buf, sizeof buf);
}
// CHECK: inferred-flag-evidence.cpp:[[@LINE-3]]:3: remark: LoopIgnoresCancel: loop can block in 'read' at {{.*}}inferred-flag-evidence.cpp:[[@LINE-2]] and never observes cancellation{{$}}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s | FileCheck %s --implicit-check-not=remark
