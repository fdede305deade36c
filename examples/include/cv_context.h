/* cv_context.h - a Go-style context API for C, annotated for CancelVerify.
 *
 * Go's context package in C: root contexts that are never cancelled,
 * creators that derive a cancellable child and hand back its cancel handle,
 * a cancel, a defer-style registration that cancels at scope exit, observers
 * that say whether a context is done, and a wait that returns early when the
 * context is cancelled. The annotations tell CancelVerify what each does;
 * the examples and the lit tests are written against this header.
 *
 * Declarations only: CancelVerify analyses the callers.
 */
#ifndef CV_CONTEXT_H
#define CV_CONTEXT_H

#ifdef __cplusplus
extern "C" {
#endif

#define CV_ROLE(s) __attribute__((annotate("cancel-verify:" s)))

typedef struct cv_ctx cv_ctx_t;
/* A cancel handle; calling cv_cancel on it releases the child context. */
typedef struct cv_cancel cv_cancel_t;
/* A deferred-cleanup list, like the defers of a Go function. */
typedef struct cv_defers cv_defers_t;

/* Roots: context.Background() and context.TODO(). */
CV_ROLE("root") cv_ctx_t *cv_background(void);
CV_ROLE("root") cv_ctx_t *cv_todo(void);

/* ctx, cancel := context.WithCancel(parent): the handle is the return value,
 * the child context comes back through *child. */
CV_ROLE("create:handle=ret,parent=arg0")
cv_cancel_t *cv_with_cancel(cv_ctx_t *parent, cv_ctx_t **child);
/* context.WithTimeout / WithDeadline. */
CV_ROLE("create:handle=ret,parent=arg0")
cv_cancel_t *cv_with_timeout(cv_ctx_t *parent, long timeout_ms,
                             cv_ctx_t **child);
CV_ROLE("create:handle=ret,parent=arg0")
cv_cancel_t *cv_with_deadline(cv_ctx_t *parent, long deadline_ms,
                              cv_ctx_t **child);
/* A status-returning creator: 0 on success, when *cancel holds a handle; on
 * failure there is no handle to cancel. */
CV_ROLE("create:handle=arg2,parent=arg0,success=ret==0")
int cv_try_with_cancel(cv_ctx_t *parent, cv_ctx_t **child,
                       cv_cancel_t **cancel);

/* cancel(): discharges the handle. */
CV_ROLE("cancel") void cv_cancel(cv_cancel_t *cancel);
/* defer cancel(): the cleanup list cancels the handle when it runs. */
CV_ROLE("defer:handle=arg1") void cv_defer(cv_defers_t *defers,
                                           cv_cancel_t *cancel);

/* <-ctx.Done() and ctx.Err(): non-zero once the context is cancelled. */
CV_ROLE("observe") int cv_done(cv_ctx_t *ctx);
CV_ROLE("observe") int cv_err(cv_ctx_t *ctx);

/* A wait that returns early (non-zero) when ctx is cancelled. */
CV_ROLE("wait") CV_ROLE("observe") int cv_wait_ready(cv_ctx_t *ctx, int fd);

/* Blocks until data arrives; does not look at any context. */
CV_ROLE("wait") long cv_conn_read(int conn, char *buf, long len);

#undef CV_ROLE

#ifdef __cplusplus
}
#endif

#endif /* CV_CONTEXT_H */
