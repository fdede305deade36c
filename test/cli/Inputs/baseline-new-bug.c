// A new finding, put at the top of baseline.c: the old ones move down.
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);

int new_bug(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_timeout(parent, 50, &child);
  if (work(child) != 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}

