// The posix catalog: blocking system calls and library functions are waits,
// seen through the real system headers. Non-blocking neighbours (write,
// close, sem_post, sem_trywait, time) have no role.
// RUN: %cv-remarks O0 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %cv-remarks O2 %s -mllvm -cancel-verify-print-model \
// RUN:   | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:

#define _GNU_SOURCE
#include <mqueue.h>
#include <poll.h>
#include <semaphore.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/file.h>
#include <sys/msg.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

long use(int fd, void *buf, struct iovec *iov, struct sockaddr *sa,
         socklen_t *len, struct msghdr *msg, struct pollfd *pfd, fd_set *set,
         struct timeval *tv, const struct timespec *ts, struct epoll_event *ev,
         sigset_t *sigs, siginfo_t *info, sem_t *sem, mqd_t mq) {
  long r = read(fd, buf, 1);
  r += readv(fd, iov, 1);
  r += pread(fd, buf, 1, 0);
  r += recv(fd, buf, 1, 0);
  r += recvfrom(fd, buf, 1, 0, sa, len);
  r += recvmsg(fd, msg, 0);
  r += accept(fd, sa, len);
  r += accept4(fd, sa, len, 0);
  r += connect(fd, sa, *len);
  r += poll(pfd, 1, -1);
  r += ppoll(pfd, 1, ts, sigs);
  r += select(fd, set, 0, 0, tv);
  r += pselect(fd, set, 0, 0, ts, sigs);
  r += epoll_wait(fd, ev, 1, -1);
  r += epoll_pwait(fd, ev, 1, -1, sigs);
  r += sleep(1);
  r += usleep(1);
  r += nanosleep(ts, 0);
  r += clock_nanosleep(CLOCK_MONOTONIC, 0, ts, 0);
  r += pause();
  int sig;
  r += sigwait(sigs, &sig);
  r += sigwaitinfo(sigs, info);
  r += sigtimedwait(sigs, info, ts);
  r += sigsuspend(sigs);
  r += wait(&sig);
  r += waitpid(-1, &sig, 0);
  r += waitid(P_ALL, 0, info, WEXITED);
  r += msgrcv(fd, buf, 1, 0, 0);
  r += mq_receive(mq, buf, 1, 0);
  r += mq_timedreceive(mq, buf, 1, 0, ts);
  r += sem_wait(sem);
  r += sem_timedwait(sem, ts);
  r += sem_clockwait(sem, CLOCK_MONOTONIC, ts);
  r += flock(fd, LOCK_EX);
  r += lockf(fd, F_LOCK, 0);
  // Not waits.
  r += write(fd, buf, 1);
  r += close(fd);
  r += sem_post(sem);
  r += sem_trywait(sem);
  r += time(0);
  return r;
}

// The printed model, in module order.
// CHECK-LABEL: cancel-verify model of module '{{.*}}'
// CHECK-NEXT: function use: no roles
// CHECK-NEXT: function read
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function readv
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function pread
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function recv
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function recvfrom
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function recvmsg
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function accept
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function accept4
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function connect
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function poll
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function ppoll
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function select
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function pselect
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function epoll_wait
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function epoll_pwait
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function sleep
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function usleep
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function nanosleep
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function clock_nanosleep
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function pause
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function sigwait
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function sigwaitinfo
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function sigtimedwait
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function sigsuspend
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function wait
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function waitpid
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function waitid
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function msgrcv
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function mq_receive
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function mq_timedreceive
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function sem_wait
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function sem_timedwait
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function sem_clockwait
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function flock
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function lockf
// CHECK-NEXT:   wait  [builtin posix]
// CHECK-NEXT: function write: no roles
// CHECK-NEXT: function close: no roles
// CHECK-NEXT: function sem_post: no roles
// CHECK-NEXT: function sem_trywait: no roles
// CHECK-NEXT: function time: no roles
// The model ends here; remarks may follow.
// CHECK-NOT: {{^(function |global |field |annotated field |  [a-z].*  \[)}}
