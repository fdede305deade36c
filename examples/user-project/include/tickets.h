/* The ticket server's own cancellation API. Its roles are declared in
 * cancel-model.yaml rather than here, as a team would do for a header it
 * cannot change. */
#ifndef TICKETS_H
#define TICKETS_H
#ifdef __cplusplus
extern "C" {
#endif

typedef struct tk_ctx tk_ctx;
typedef struct tk_cancel tk_cancel;

/* Derives a child of parent; *cancel must be released with tk_release. */
tk_ctx *tk_derive(tk_ctx *parent, tk_cancel **cancel);
void tk_release(tk_cancel *cancel);
/* Nonzero once ctx is cancelled. */
int tk_cancelled(tk_ctx *ctx);
/* Blocks until a request arrives. */
int tk_next_request(int fd, char *buf, int len);

int handle_ticket(tk_ctx *ctx, int fd);
int serve(tk_ctx *ctx, int fd);
int session_run(tk_ctx *ctx, int fd);
#ifdef __cplusplus
}
#endif
#endif
