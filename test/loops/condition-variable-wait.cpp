// Condition-variable wait loops in C++. A consumer that waits until the
// queue has work never notices a shutdown; one that also waits for a stop
// flag, and leaves when it is set, does. std::condition_variable_any's
// stop_token overload is a cancellable wait, recognised also at -O2, where
// the template is inlined and its instance deleted.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark
#include <condition_variable>
#include <deque>
#include <mutex>
#include <stop_token>

#define CV(s) __attribute__((annotate("cancel-verify:" s)))

struct Queue {
  std::mutex M;
  std::condition_variable Ready;
  std::deque<int> Items;
  CV("flag") bool Closed = false;

  int popIgnoringClose();
  int pop();
};

int Queue::popIgnoringClose() {
  std::unique_lock<std::mutex> Lock(M);
  while (Items.empty())
    Ready.wait(Lock);
  int V = Items.front();
  Items.pop_front();
  return V;
}
// CHECK: condition-variable-wait.cpp:28:3: remark: LoopIgnoresCancel: loop can block in 'std::condition_variable::wait' at {{.*}}condition-variable-wait.cpp:29 and never observes cancellation

int Queue::pop() {
  std::unique_lock<std::mutex> Lock(M);
  while (Items.empty()) {
    if (Closed)
      return -1;
    Ready.wait(Lock);
  }
  int V = Items.front();
  Items.pop_front();
  return V;
}
// CHECK: condition-variable-wait.cpp:38:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}condition-variable-wait.cpp:39 (flag field) and leaves the loop on it

std::mutex M;
std::condition_variable_any Cv;
int Pending;
void process(int);

void worker(std::stop_token Stop) {
  std::unique_lock<std::mutex> Lock(M);
  for (;;) {
    if (!Cv.wait(Lock, Stop, [] { return Pending > 0; }))
      return;
    process(Pending--);
  }
}
// CHECK: condition-variable-wait.cpp:56:3: remark: LoopObservesCancel: loop observes cancellation at {{.*}}condition-variable-wait.cpp:57 (std::_V2::condition_variable_any::wait<std::unique_lock<std::mutex>, worker(std::stop_token)::$_0>) and leaves the loop on it

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s | FileCheck %s --implicit-check-not=remark
