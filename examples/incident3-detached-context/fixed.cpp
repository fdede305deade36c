// Incident 3, fixed (C++): the export's deadline hangs off the request.
//
// CancelVerify reports CancelVerified (guarded) at the cv_with_timeout call,
// and no DetachedContext.
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
  cv::cancel_guard cancel(cv_with_timeout(req.ctx, 30000, &ctx));
  return export_rows(ctx, req.client, req.table.c_str());
}
