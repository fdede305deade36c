/* Incident 1, handed to a thread: the cancel goes where it cannot be followed.
 *
 * Go: `go func() { defer cancel(); work(ctx) }()`. The goroutine may cancel
 * on every path, but when it runs, and whether it runs at all, is up to
 * another thread. Here the handle is stored in heap memory and the memory is
 * handed to pthread_create.
 *
 * CancelVerify cannot follow the handle into the thread and does not call it
 * verified: it reports CancelEscapes at the cv_with_cancel call
 * (-cancel-verify-strict turns that into LostCancel). Keeping the cancel in
 * the function that creates it, and joining the thread, is what verifies.
 */
#include "cv_context.h"

#include <pthread.h>
#include <stdlib.h>

int sync_mailbox(cv_ctx_t *ctx, int fd);

struct sync_job {
  cv_ctx_t *ctx;
  cv_cancel_t *cancel;
  int fd;
};

static void *run_sync(void *arg) {
  struct sync_job *job = arg;
  sync_mailbox(job->ctx, job->fd);
  cv_cancel(job->cancel);
  free(job);
  return NULL;
}

/* Starts a background sync of one mailbox; returns before it finishes. */
int start_sync(cv_ctx_t *ctx, int fd) {
  struct sync_job *job = malloc(sizeof *job);
  if (!job)
    return -1;
  job->cancel = cv_with_cancel(ctx, &job->ctx);
  job->fd = fd;
  pthread_t thread;
  if (pthread_create(&thread, NULL, run_sync, job) != 0) {
    cv_cancel(job->cancel);
    free(job);
    return -1;
  }
  pthread_detach(thread);
  return 0;
}
