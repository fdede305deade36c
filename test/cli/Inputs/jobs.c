// One finding of each class for the output formats: a loop that ignores
// cancellation and a lost handle (warnings), an escaping handle (a note), a
// verified handle (passed) and a lost handle whose function suppresses it.
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);
void register_for_shutdown(cv_cancel_t *cancel);
void handle(const char *buf, long n);

void serve(int conn) {
  char buf[512];
  for (;;) {
    long n = cv_conn_read(conn, buf, sizeof buf);
    handle(buf, n);
  }
}

int lost_on_error(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}

void escapes(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_timeout(parent, 100, &child);
  register_for_shutdown(cancel);
  work(child);
}

int verified(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = work(child);
  cv_cancel(cancel);
  return rc;
}

__attribute__((annotate("cancel-verify:suppress:LostCancel")))
int lost_but_suppressed(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}
