// A context API for the whole-program tests, annotated where it is
// declared.
#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx_t;
typedef struct cancel cancel_t;
CV("create:handle=arg2,parent=arg0,success=ret==0")
int ctx_with_cancel(ctx_t *parent, ctx_t **child, cancel_t **cancel);
CV("cancel") void cancel_call(cancel_t *c);
CV("observe") int ctx_done(ctx_t *c);
CV("wait") long conn_read(int fd, char *buf, long n);
CV("root") ctx_t *ctx_background(void);
