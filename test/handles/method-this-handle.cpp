// A class whose constructor creates a cancellable job and whose method
// cancels it, annotated with handle=this: the object is the handle. A
// method that cancels on every path verifies the construction; an early
// return before it loses the object's job; a guard whose destructor calls
// the method guards it.
//
// RUN: %cv-remarks O0 %s -I %examples/include -I %include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
// RUN: %cv-remarks O2 %s -I %examples/include -I %include | FileCheck %s --check-prefixes=CHECK,O2 --implicit-check-not=remark
#include "cancel_verify.h"
#include "cv_context.h"

int report_failure(cv_ctx_t *ctx);
int work(cv_ctx_t *ctx);

// The constructor and stop() live in another library; step() is here, so
// calling it is not handing the object to code the verifier cannot see.
class Job {
public:
  CV_CREATE("handle=this,parent=arg0") explicit Job(cv_ctx_t *parent);
  CV_CANCEL("handle=this") void stop();
  int step() { return work(ctx_); }

private:
  cv_ctx_t *ctx_;
  void *impl_;
};

// Stopped at the end.
int stopped(cv_ctx_t *parent) {
  // CHECK: method-this-handle.cpp:[[@LINE+1]]:7: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'Job::Job(cv_ctx*)' is cancelled on every path: cancelled by 'Job::stop()' at line [[@LINE+3]]{{$}}
  Job job(parent);
  int rc = job.step();
  job.stop();
  return rc;
}

// Stopped on both paths.
int stopped_on_both_paths(cv_ctx_t *parent) {
  // -O2 merges the two stops into one call that has no line left.
  // CHECK: method-this-handle.cpp:[[@LINE+3]]:7: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'Job::Job(cv_ctx*)' is cancelled on every path: cancelled by 'Job::stop()'
  // O0-SAME: {{ }}at line [[@LINE+4]] and cancelled by 'Job::stop()' at line [[@LINE+7]]{{$}}
  // O2-SAME: {{$}}
  Job job(parent);
  if (job.step() < 0) {
    job.stop();
    return report_failure(parent);
  }
  job.stop();
  return 0;
}

// A helper of this module that stops the job it is given.
__attribute__((noinline)) void finish(Job &job) { job.stop(); }

int stopped_by_helper(cv_ctx_t *parent) {
  // CHECK: method-this-handle.cpp:[[@LINE+1]]:7: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'Job::Job(cv_ctx*)' is cancelled on every path: cancelled by 'Job::stop()' at line [[@LINE-3]] (through 'finish(Job&)' at line [[@LINE+3]]){{$}}
  Job job(parent);
  int rc = job.step();
  finish(job);
  return rc;
}

// A guard that stops the job when the scope ends.
class JobGuard {
public:
  explicit JobGuard(Job &job) : job_(job) {}
  ~JobGuard() { job_.stop(); }

private:
  Job &job_;
};

int guarded(cv_ctx_t *parent) {
  // CHECK: method-this-handle.cpp:[[@LINE+3]]:7: remark: CancelVerified: the handle created at line [[@LINE+3]] by 'Job::Job(cv_ctx*)' is guarded on every path: the destructor 'JobGuard::~JobGuard{{(\(\))?}}' cancels it at scope exit
  // O0-SAME: {{ }}(cancelled by 'Job::stop()' at line [[@LINE-8]]){{$}}
  // O2-SAME: {{ }}(cancelled by 'Job::stop()' at line [[@LINE+6]]){{$}}
  Job job(parent);
  JobGuard guard(job);
  if (job.step() < 0)
    return report_failure(parent);
  return job.step();
}

// Positive: the early return does not stop the job.
int early_return(cv_ctx_t *parent) {
  // CHECK: method-this-handle.cpp:[[@LINE+1]]:7: remark: LostCancel: returns at {{.*}}method-this-handle.cpp:[[@LINE+3]] without cancelling the handle created at line [[@LINE+1]] by 'Job::Job(cv_ctx*)'{{$}}
  Job job(parent);
  if (job.step() < 0)
    return report_failure(parent);
  job.stop();
  return 0;
}

// A job made on the heap and returned: the caller owes it.
Job *start_on_heap(cv_ctx_t *parent) {
  // CHECK: method-this-handle.cpp:[[@LINE+1]]:14: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'Job::Job(cv_ctx*)' is transferred to the caller (returned to the caller at line [[@LINE+1]]); each call of this function is judged as a creation{{$}}
  return new Job(parent);
}

// A method of the handle's class that is neither annotated nor defined
// here receives the object as `this`: the verifier cannot see what it does
// with it (it might stop the job, or keep `this` somewhere).
class Remote {
public:
  CV_CREATE("handle=this,parent=arg0") explicit Remote(cv_ctx_t *parent);
  CV_CANCEL("handle=this") void close();
  int send(const char *msg);

private:
  void *impl_;
};

int unknown_method(cv_ctx_t *parent) {
  // CHECK: method-this-handle.cpp:[[@LINE+1]]:10: remark: CancelEscapes: the handle created at line [[@LINE+1]] by 'Remote::Remote(cv_ctx*)' escapes: passed to 'Remote::send(char const*)', which has no model and no body here at line [[@LINE+2]]; it cannot be followed{{$}}
  Remote remote(parent);
  int rc = remote.send("hello");
  remote.close();
  return rc;
}

// The plugin inside clang -O2 sees the IR a real -O2 build gives it.
// RUN: %cv-remarks clang-O2 %s -I %examples/include -I %include | FileCheck %s --check-prefixes=CHECK,O0 --implicit-check-not=remark
