// The cxx catalog on libstdc++'s own headers: waits of condition_variable(_any),
// this_thread, future, thread, semaphore, latch, barrier and atomic, template
// instances included (they demangle with a return type); stop_requested as
// an observation; condition_variable_any waits taking a stop_token as
// cancellable waits. Nothing else: not the lambdas inside those functions,
// not classes that merely mention them in template arguments.
// The model is joined to one line per function ("function F | role | role")
// so that a function's whole role set can be checked in any order.
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-print-model > %t.model
// RUN: awk '/^function/ { if (fn != "") print fn; fn = $0 } \
// RUN:      /^  / { fn = fn " |" $0 } END { print fn }' %t.model > %t.roles
// RUN: FileCheck %s < %t.roles
// RUN: FileCheck %s --check-prefix=NOROLE < %t.roles
// RUN: FileCheck %s --check-prefix=RAW < %t.model \
// RUN:   --implicit-check-not=warning: --implicit-check-not=error:

#include <atomic>
#include <barrier>
#include <chrono>
#include <condition_variable>
#include <future>
#include <latch>
#include <mutex>
#include <semaphore>
#include <stop_token>
#include <thread>

std::mutex m;
std::condition_variable cv;
std::condition_variable_any cva;
std::counting_semaphore<4> sem(0);
std::latch done(1);
std::barrier<> phase(1);
std::atomic<int> counter;
std::atomic_flag raised;
bool ready;

int use(std::thread &t, std::jthread &jt, std::future<int> &f,
        std::shared_future<int> &sf, std::stop_token st,
        std::stop_source &ss) {
  std::unique_lock<std::mutex> l(m);
  cv.wait(l);
  cv.wait(l, [] { return ready; });
  cv.wait_for(l, std::chrono::milliseconds(1));
  cv.wait_until(l, std::chrono::steady_clock::now());
  cva.wait(l);
  cva.wait(l, [] { return ready; });
  cva.wait(l, st, [] { return ready; });
  cva.wait_for(l, st, std::chrono::milliseconds(1), [] { return ready; });
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  std::this_thread::sleep_until(std::chrono::steady_clock::now());
  f.wait();
  int r = f.get() + sf.get();
  t.join();
  jt.join();
  sem.acquire();
  r += sem.try_acquire_for(std::chrono::milliseconds(1));
  done.wait();
  done.arrive_and_wait();
  phase.arrive_and_wait();
  counter.wait(0);
  raised.wait(false);
  std::atomic_wait(&counter, 1);
  return r + st.stop_requested() + ss.stop_requested();
}

// Every standard-library function with a role, with all its roles.
// CHECK-DAG: {{^function [^ ]+ }}(std::condition_variable::wait(std::unique_lock<std::mutex>&)) |  wait  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(void std::condition_variable::wait<use({{.*}})::$_0>(std::unique_lock<std::mutex>&, use({{.*}})::$_0)) |  wait  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(std::cv_status std::condition_variable::wait_for<long, std::ratio<1l, 1000l>>(std::unique_lock<std::mutex>&, std::chrono::duration<long, std::ratio<1l, 1000l>> const&)) |  wait  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(std::cv_status std::condition_variable::wait_until<std::chrono::duration<long, std::ratio<1l, 1000000000l>>>(std::unique_lock<std::mutex>&, std::chrono::time_point<std::chrono::_V2::steady_clock, std::chrono::duration<long, std::ratio<1l, 1000000000l>>> const&)) |  wait  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(void std::_V2::condition_variable_any::wait<std::unique_lock<std::mutex>>(std::unique_lock<std::mutex>&)) |  wait  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(void std::_V2::condition_variable_any::wait<std::unique_lock<std::mutex>, use({{.*}})::$_1>(std::unique_lock<std::mutex>&, use({{.*}})::$_1)) |  wait  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(bool std::_V2::condition_variable_any::wait<std::unique_lock<std::mutex>, use({{.*}})::$_2>(std::unique_lock<std::mutex>&, std::stop_token, use({{.*}})::$_2)) |  wait  [builtin cxx] |  observe (cancellable wait)  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(bool std::_V2::condition_variable_any::wait_for<std::unique_lock<std::mutex>, long, std::ratio<1l, 1000l>, use({{.*}})::$_3>(std::unique_lock<std::mutex>&, std::stop_token, std::chrono::duration<long, std::ratio<1l, 1000l>> const&, use({{.*}})::$_3)) |  wait  [builtin cxx] |  observe (cancellable wait)  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(void std::this_thread::sleep_for<long, std::ratio<1l, 1000l>>(std::chrono::duration<long, std::ratio<1l, 1000l>> const&)) |  wait  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(void std::this_thread::sleep_until<std::chrono::_V2::steady_clock, std::chrono::duration<long, std::ratio<1l, 1000000000l>>>(std::chrono::time_point<std::chrono::_V2::steady_clock, std::chrono::duration<long, std::ratio<1l, 1000000000l>>> const&)) |  wait  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(std::__basic_future<int>::wait() const) |  wait  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(std::future<int>::get()) |  wait  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(std::shared_future<int>::get() const) |  wait  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(std::thread::join()) |  wait  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(std::jthread::join()) |  wait  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(std::counting_semaphore<4l>::acquire()) |  wait  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(bool std::counting_semaphore<4l>::try_acquire_for<long, std::ratio<1l, 1000l>>(std::chrono::duration<long, std::ratio<1l, 1000l>> const&)) |  wait  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(std::latch::wait() const) |  wait  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(std::latch::arrive_and_wait(long)) |  wait  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(std::barrier<std::__empty_completion>::arrive_and_wait()) |  wait  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(std::__atomic_base<int>::wait(int, std::memory_order) const) |  wait  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(std::atomic_flag::wait(bool, std::memory_order) const) |  wait  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(void std::atomic_wait<int>(std::atomic<int> const*, std::atomic<int>::value_type)) |  wait  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(std::stop_token::stop_requested() const) |  observe  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(std::stop_source::stop_requested() const) |  observe  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(std::counting_semaphore<1l>::acquire()) |  wait  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(bool std::_V2::condition_variable_any::wait_until<std::unique_lock<std::mutex>, std::chrono::_V2::steady_clock, std::chrono::duration<long, std::ratio<1l, 1000000000l>>, use({{.*}})::$_3>(std::unique_lock<std::mutex>&, std::stop_token, std::chrono::time_point<std::chrono::_V2::steady_clock, std::chrono::duration<long, std::ratio<1l, 1000000000l>>> const&, use({{.*}})::$_3)) |  wait  [builtin cxx] |  observe (cancellable wait)  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(void std::this_thread::sleep_for<long, std::ratio<1l, 1000000000l>>(std::chrono::duration<long, std::ratio<1l, 1000000000l>> const&)) |  wait  [builtin cxx]{{$}}
// CHECK-DAG: {{^function [^ ]+ }}(std::barrier<std::__empty_completion>::wait(std::barrier<std::__empty_completion>::arrival_token&&) const) |  wait  [builtin cxx]{{$}}
// The C functions libstdc++ calls come from the other catalogs.
// CHECK-DAG: {{^function nanosleep \|  wait  \[builtin posix\]$}}
// CHECK-DAG: {{^function pthread_cond_clockwait \|  wait  \[builtin pthread\]$}}
// CHECK-DAG: {{^function syscall \|  wait \(when the call is a futex wait\)  \[builtin posix\]}}
// Functions around the waits that are not waits themselves.
// CHECK-DAG: {{^function _ZZNKSt5latch4waitEvENKUlvE_clEv \(std::latch::wait\(\) const::'lambda'\(\)::operator\(\)\(\) const\): no roles$}}
// CHECK-DAG: {{^function _ZNSt13stop_callback[^ ]* \(.*\): no roles$}}
// CHECK-DAG: {{^function _ZNK[^ ]*__shared_ptr[^ ]*3getEv \(.*\): no roles$}}

// RAW: cancel-verify model of module '{{.*}}builtins-cxx-libstdcxx.cpp'

// No lambda or other local entity, and no class that only mentions a wait in
// a template argument, has a role.
// NOROLE-NOT: {{^function _ZZ[^ ]* .* \|  (wait|observe)}}
// NOROLE-NOT: {{^function [^ ]* \((std::stop_callback|std::__shared_ptr|std::unique_ptr)[^|]* \|  (wait|observe)}}
