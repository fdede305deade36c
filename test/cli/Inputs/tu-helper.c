// The second of two translation units: the helper that cancels the handle
// tu-main.c creates, on every path.
#include "cv_context.h"

void log_failure(int rc);

void finish_job(cv_cancel_t *cancel, int rc) {
  if (rc < 0) {
    log_failure(rc);
    cv_cancel(cancel);
    return;
  }
  cv_cancel(cancel);
}
