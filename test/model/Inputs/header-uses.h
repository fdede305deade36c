/* Every macro of cancel_verify.h once, for the tests of the header on
 * compilers with and without the annotate attribute. */
#include "cancel_verify.h"

typedef struct ctx ctx_t;
typedef struct cancel cancel_t;

CV_ROOT ctx_t *ctx_background(void);
CV_CREATE("handle=arg2,parent=arg0,success=ret==0")
int ctx_with_cancel(ctx_t *parent, ctx_t **child, cancel_t **cancel);
CV_CREATE() cancel_t *new_cancel(void);
CV_CANCEL() void cancel_call(cancel_t *c);
CV_DEFER("handle=arg1") void defer_in(ctx_t *scope, cancel_t *c);
CV_WAIT CV_OBSERVE int ctx_wait(ctx_t *c);
CV_FLAG volatile int g_stop;
struct worker {
  CV_FLAG volatile int stop;
};
CV_SUPPRESS("LostCancel") void quiet_some(void);
