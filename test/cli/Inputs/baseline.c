// The code a team adopts the verifier on, with two old findings.
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);

int old_bug(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}

void old_loop(int conn) {
  char buf[64];
  for (;;)
    cv_conn_read(conn, buf, sizeof buf);
}
