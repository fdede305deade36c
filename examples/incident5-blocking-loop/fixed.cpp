// Incident 5, fixed (C++): the worker wakes up to look at its context.
//
// The wait has a 100 ms bound, and the worker checks cv_done before each
// wait and returns once ctx is cancelled. (A producer that also cancels
// could notify the condition variable to make that immediate.)
//
// CancelVerify reports LoopObservesCancel at the outer `for` and at the
// inner `while`: the return leaves both.
#include "cv_context.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>

void process(cv_ctx_t *ctx, int job);

class job_queue {
public:
  void push(int job);
  void run(cv_ctx_t *ctx);

private:
  std::mutex mu_;
  std::condition_variable ready_;
  std::deque<int> jobs_;
};

void job_queue::push(int job) {
  std::lock_guard<std::mutex> lock(mu_);
  jobs_.push_back(job);
  ready_.notify_one();
}

// Runs jobs until ctx is cancelled.
void job_queue::run(cv_ctx_t *ctx) {
  for (;;) {
    int job;
    {
      std::unique_lock<std::mutex> lock(mu_);
      while (jobs_.empty()) {
        if (cv_done(ctx))
          return;
        ready_.wait_for(lock, std::chrono::milliseconds(100));
      }
      job = jobs_.front();
      jobs_.pop_front();
    }
    process(ctx, job);
  }
}
