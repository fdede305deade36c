// A header outside the compilation directory, for
// sarif-uri-outside-srcroot.c: its findings' locations are absolute
// file:// URIs. The line and column numbers are pinned there.
#include "cv_context.h"

int work(cv_ctx_t *ctx);
int report_failure(cv_ctx_t *ctx);

__attribute__((noinline)) int header_lost(cv_ctx_t *parent) {
  cv_ctx_t *child;
  cv_cancel_t *cancel = cv_with_cancel(parent, &child);
  if (work(child) < 0)
    return report_failure(child);
  cv_cancel(cancel);
  return 0;
}
