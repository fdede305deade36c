// Incident 5, buggy (C++): a worker that waits on a condition variable and
// never looks at its context.
//
// Go: a worker goroutine doing `for job := range jobs` with no select on
// ctx.Done(). Here the worker sleeps in condition_variable::wait until a job
// arrives; cancelling ctx does not wake it, and nothing checks it when it
// does wake.
//
// CancelVerify reports LoopIgnoresCancel twice: at the outer `for` and at
// the inner `while`, both naming the condition_variable::wait call.
#include "cv_context.h"

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

// Runs jobs forever: ctx reaches process() but never the wait.
void job_queue::run(cv_ctx_t *ctx) {
  for (;;) {
    int job;
    {
      std::unique_lock<std::mutex> lock(mu_);
      while (jobs_.empty())
        ready_.wait(lock);
      job = jobs_.front();
      jobs_.pop_front();
    }
    process(ctx, job);
  }
}
