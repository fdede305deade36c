// The first of two translation units: it creates a handle and leaves the
// cancel to a helper defined in tu-helper.c.
#include "cv_context.h"

int work(cv_ctx_t *ctx);
void finish_job(cv_cancel_t *cancel, int rc);

int run_job(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  int rc = work(child);
  finish_job(cancel, rc);
  return rc;
}
