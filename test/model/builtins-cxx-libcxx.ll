; The cxx catalog on libc++'s symbol forms (std::__1::, and std::__2:: of its
; ABI v2), written as the declarations clang emits for libc++ headers, which
; are not needed to run this test. The same waits, observations and
; cancellable waits as with libstdc++; notify_one, detach and request_stop
; have no role. Without the cxx catalog none of them has one.
; RUN: %cv_opt -disable-output -cancel-verify-print-model %s 2>&1 \
; RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
; RUN: %cv_opt -disable-output -cancel-verify-print-model %s 2>&1 \
; RUN:     -cancel-verify-builtins=posix,pthread \
; RUN:   | FileCheck %s --check-prefix=NOCXX --implicit-check-not=builtin

declare void @_ZNSt3__118condition_variable4waitERNS_11unique_lockINS_5mutexEEE(ptr, ptr)
declare void @_ZNSt3__118condition_variable4waitI4PredEEvRNS_11unique_lockINS_5mutexEEET_(ptr, ptr)
declare void @_ZNSt3__122condition_variable_any4waitINS_11unique_lockINS_5mutexEEEEEvRT_(ptr, ptr)
declare i1 @_ZNSt3__122condition_variable_any4waitINS_11unique_lockINS_5mutexEEE4PredEEbRT_NS_10stop_tokenET0_(ptr, ptr)
declare void @_ZNSt3__111this_thread9sleep_forERKNS_6chrono8durationIxNS_5ratioILl1ELl1000000000EEEEE(ptr)
declare void @_ZNSt3__111this_thread11sleep_untilINS_6chrono12steady_clockENS2_8durationIxNS_5ratioILl1ELl1000000000EEEEEEEvRKNS2_10time_pointIT_T0_EE(ptr)
declare i32 @_ZNSt3__16futureIiE3getEv(ptr)
declare void @_ZNKSt3__16futureIiE4waitEv(ptr)
declare ptr @_ZNKSt3__113shared_futureIiE3getEv(ptr)
declare void @_ZNSt3__16thread4joinEv(ptr)
declare void @_ZNSt3__118counting_semaphoreILx4EE7acquireEv(ptr)
declare void @_ZNKSt3__15latch4waitEv(ptr)
declare void @_ZNSt3__15latch15arrive_and_waitEx(ptr, i64)
declare void @_ZNSt3__17barrierINS_18__empty_completionEE15arrive_and_waitEv(ptr)
declare void @_ZNVKSt3__113__atomic_baseIiLb0EE4waitEiNS_12memory_orderE(ptr, i32, i32)
declare void @_ZNKSt3__111atomic_flag4waitEbNS_12memory_orderE(ptr, i1, i32)
declare void @_ZNSt3__111atomic_waitIiEEvPKNS_6atomicIT_EES2_(ptr, i32)
declare i1 @_ZNKSt3__110stop_token14stop_requestedEv(ptr)
declare i1 @_ZNKSt3__111stop_source14stop_requestedEv(ptr)
declare void @_ZNSt3__118condition_variable10notify_oneEv(ptr)
declare void @_ZNSt3__16thread6detachEv(ptr)
declare i1 @_ZNSt3__111stop_source12request_stopEv(ptr)
declare void @_ZNSt3__26thread4joinEv(ptr)

; The printed model, in module order.
; CHECK-LABEL: cancel-verify model of module '{{.*}}'
; CHECK-NEXT: function _ZNSt3__118condition_variable4waitERNS_11unique_lockINS_5mutexEEE (std::__1::condition_variable::wait(std::__1::unique_lock<std::__1::mutex>&))
; CHECK-NEXT:   wait  [builtin cxx]
; CHECK-NEXT: function _ZNSt3__118condition_variable4waitI4PredEEvRNS_11unique_lockINS_5mutexEEET_ (void std::__1::condition_variable::wait<Pred>(std::__1::unique_lock<std::__1::mutex>&, Pred))
; CHECK-NEXT:   wait  [builtin cxx]
; CHECK-NEXT: function _ZNSt3__122condition_variable_any4waitINS_11unique_lockINS_5mutexEEEEEvRT_ (void std::__1::condition_variable_any::wait<std::__1::unique_lock<std::__1::mutex>>(std::__1::unique_lock<std::__1::mutex>&))
; CHECK-NEXT:   wait  [builtin cxx]
; CHECK-NEXT: function _ZNSt3__122condition_variable_any4waitINS_11unique_lockINS_5mutexEEE4PredEEbRT_NS_10stop_tokenET0_ (bool std::__1::condition_variable_any::wait<std::__1::unique_lock<std::__1::mutex>, Pred>(std::__1::unique_lock<std::__1::mutex>&, std::__1::stop_token, Pred))
; CHECK-NEXT:   wait  [builtin cxx]
; CHECK-NEXT:   observe (cancellable wait)  [builtin cxx]
; CHECK-NEXT: function _ZNSt3__111this_thread9sleep_forERKNS_6chrono8durationIxNS_5ratioILl1ELl1000000000EEEEE (std::__1::this_thread::sleep_for(std::__1::chrono::duration<long long, std::__1::ratio<1l, 1000000000l>> const&))
; CHECK-NEXT:   wait  [builtin cxx]
; CHECK-NEXT: function _ZNSt3__111this_thread11sleep_untilINS_6chrono12steady_clockENS2_8durationIxNS_5ratioILl1ELl1000000000EEEEEEEvRKNS2_10time_pointIT_T0_EE (void std::__1::this_thread::sleep_until<std::__1::chrono::steady_clock, std::__1::chrono::duration<long long, std::__1::ratio<1l, 1000000000l>>>(std::__1::chrono::time_point<std::__1::chrono::steady_clock, std::__1::chrono::duration<long long, std::__1::ratio<1l, 1000000000l>>> const&))
; CHECK-NEXT:   wait  [builtin cxx]
; CHECK-NEXT: function _ZNSt3__16futureIiE3getEv (std::__1::future<int>::get())
; CHECK-NEXT:   wait  [builtin cxx]
; CHECK-NEXT: function _ZNKSt3__16futureIiE4waitEv (std::__1::future<int>::wait() const)
; CHECK-NEXT:   wait  [builtin cxx]
; CHECK-NEXT: function _ZNKSt3__113shared_futureIiE3getEv (std::__1::shared_future<int>::get() const)
; CHECK-NEXT:   wait  [builtin cxx]
; CHECK-NEXT: function _ZNSt3__16thread4joinEv (std::__1::thread::join())
; CHECK-NEXT:   wait  [builtin cxx]
; CHECK-NEXT: function _ZNSt3__118counting_semaphoreILx4EE7acquireEv (std::__1::counting_semaphore<4ll>::acquire())
; CHECK-NEXT:   wait  [builtin cxx]
; CHECK-NEXT: function _ZNKSt3__15latch4waitEv (std::__1::latch::wait() const)
; CHECK-NEXT:   wait  [builtin cxx]
; CHECK-NEXT: function _ZNSt3__15latch15arrive_and_waitEx (std::__1::latch::arrive_and_wait(long long))
; CHECK-NEXT:   wait  [builtin cxx]
; CHECK-NEXT: function _ZNSt3__17barrierINS_18__empty_completionEE15arrive_and_waitEv (std::__1::barrier<std::__1::__empty_completion>::arrive_and_wait())
; CHECK-NEXT:   wait  [builtin cxx]
; CHECK-NEXT: function _ZNVKSt3__113__atomic_baseIiLb0EE4waitEiNS_12memory_orderE (std::__1::__atomic_base<int, false>::wait(int, std::__1::memory_order) const volatile)
; CHECK-NEXT:   wait  [builtin cxx]
; CHECK-NEXT: function _ZNKSt3__111atomic_flag4waitEbNS_12memory_orderE (std::__1::atomic_flag::wait(bool, std::__1::memory_order) const)
; CHECK-NEXT:   wait  [builtin cxx]
; CHECK-NEXT: function _ZNSt3__111atomic_waitIiEEvPKNS_6atomicIT_EES2_ (void std::__1::atomic_wait<int>(std::__1::atomic<int> const*, int))
; CHECK-NEXT:   wait  [builtin cxx]
; CHECK-NEXT: function _ZNKSt3__110stop_token14stop_requestedEv (std::__1::stop_token::stop_requested() const)
; CHECK-NEXT:   observe  [builtin cxx]
; CHECK-NEXT: function _ZNKSt3__111stop_source14stop_requestedEv (std::__1::stop_source::stop_requested() const)
; CHECK-NEXT:   observe  [builtin cxx]
; CHECK-NEXT: function _ZNSt3__118condition_variable10notify_oneEv (std::__1::condition_variable::notify_one()): no roles
; CHECK-NEXT: function _ZNSt3__16thread6detachEv (std::__1::thread::detach()): no roles
; CHECK-NEXT: function _ZNSt3__111stop_source12request_stopEv (std::__1::stop_source::request_stop()): no roles
; CHECK-NEXT: function _ZNSt3__26thread4joinEv (std::__2::thread::join())
; CHECK-NEXT:   wait  [builtin cxx]
; CHECK-NOT: {{.}}

; NOCXX-LABEL: cancel-verify model of module '{{.*}}'
; NOCXX: function _ZNSt3__118condition_variable4waitERNS_11unique_lockINS_5mutexEEE (std::__1::condition_variable::wait(std::__1::unique_lock<std::__1::mutex>&)): no roles
; NOCXX: function _ZNKSt3__110stop_token14stop_requestedEv (std::__1::stop_token::stop_requested() const): no roles
; NOCXX: function _ZNSt3__26thread4joinEv (std::__2::thread::join()): no roles
