// A session in C++: the handle is released by a scope guard on every path.
#include "tickets.h"

namespace {
class ReleaseOnExit {
public:
  explicit ReleaseOnExit(tk_cancel *c) : c_(c) {}
  ~ReleaseOnExit() { tk_release(c_); }
  ReleaseOnExit(const ReleaseOnExit &) = delete;
  ReleaseOnExit &operator=(const ReleaseOnExit &) = delete;

private:
  tk_cancel *c_;
};
} // namespace

extern "C" int session_run(tk_ctx *ctx, int fd) {
  tk_cancel *cancel;
  tk_ctx *child = tk_derive(ctx, &cancel);
  ReleaseOnExit guard(cancel);
  if (fd < 0)
    return -1;
  return tk_cancelled(child);
}
