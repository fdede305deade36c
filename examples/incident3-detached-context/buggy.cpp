// Incident 3, buggy (C++): an export job hangs off cv_todo() while the
// request's context sits in a field of the request.
//
// Go: `context.TODO()` left in a handler that has `r.Context()`. The
// export's 30 s deadline is guarded correctly, but its parent is a root, so
// a client that disconnects does not stop the export.
//
// CancelVerify reports DetachedContext at the cv_with_timeout call: req.ctx
// is at hand. The handle itself is guarded, but a detached creation is not
// reported as verified.
#include "cv_context.hpp"

#include <string>

struct request {
  cv_ctx_t *ctx; // cancelled when the client goes away
  int client;
  std::string table;
};

int export_rows(cv_ctx_t *ctx, int client, const char *table);

int handle_export(const request &req) {
  cv_ctx_t *ctx;
  cv::cancel_guard cancel(cv_with_timeout(cv_todo(), 30000, &ctx));
  return export_rows(ctx, req.client, req.table.c_str());
}
