#include "cancel_verify.h"
typedef struct tok tok;
CV_CREATE("handle=ret") tok *tok_new(void);
CV_CANCEL() void tok_free(tok *t);
int leak(int early) {
  tok *t = tok_new();
  if (early)
    return 1;
  tok_free(t);
  return 0;
}
