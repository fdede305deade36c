/*===- cancel_verify.h - Annotate an API for CancelVerify -------*- C -*-===*
 *
 * Macros that spell the annotations of CancelVerify's contract, for C and
 * C++. Each expands to __attribute__((annotate("cancel-verify:ROLE[:KEYS]")))
 * on compilers that have the annotate attribute (clang), and to nothing
 * elsewhere, so annotated headers stay portable.
 *
 *   CV_ROOT ctx_t *ctx_background(void);
 *   CV_CREATE("handle=arg2,parent=arg0,success=ret==0")
 *   int ctx_with_cancel(ctx_t *parent, ctx_t **child, cancel_t **cancel);
 *   CV_CANCEL() void cancel_call(cancel_t *c);
 *   CV_OBSERVE int ctx_done(ctx_t *c);
 *   CV_WAIT CV_OBSERVE int ctx_wait(ctx_t *c);   (a cancellable wait)
 *   struct worker { CV_FLAG volatile int stop; };
 *   CV_SUPPRESS("LostCancel") void handoff(void);
 *
 * The macros taking keys accept none, CV_CREATE(), for the defaults. They
 * are variadic macros: C99 or C++11 and later.
 *
 *===----------------------------------------------------------------------===*/
#ifndef CANCEL_VERIFY_H
#define CANCEL_VERIFY_H

#if defined(__has_attribute)
#if __has_attribute(annotate)
#define CV_HAVE_ANNOTATE_ 1
#endif
#endif

#ifdef CV_HAVE_ANNOTATE_
/* Only clang has annotate, and clang has __VA_OPT__ in every language mode;
 * keep -pedantic builds of annotated headers quiet about it. */
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wpedantic"
#pragma clang diagnostic ignored "-Wvariadic-macros"
#pragma clang diagnostic ignored "-Wunknown-warning-option"
#pragma clang diagnostic ignored "-Wc++20-extensions"
#pragma clang diagnostic ignored "-Wc2x-extensions"
#pragma clang diagnostic ignored "-Wc23-extensions"

#define CV_ANNOTATE_(text) __attribute__((annotate(text)))
/* "cancel-verify:ROLE" alone, or "cancel-verify:ROLE:KEYS" when keys are
 * given: an empty key list after ':' is malformed in the contract. */
#define CV_ROLE_(role, ...)                                                    \
  CV_ANNOTATE_("cancel-verify:" role __VA_OPT__(":" __VA_ARGS__))

/* The call creates a cancel handle: keys handle=, parent=, success=. */
#define CV_CREATE(...) CV_ROLE_("create", __VA_ARGS__)
/* The call cancels the handle: key handle= (default arg0). */
#define CV_CANCEL(...) CV_ROLE_("cancel", __VA_ARGS__)
/* The call registers the handle for deferred cleanup: key handle=. */
#define CV_DEFER(...) CV_ROLE_("defer", __VA_ARGS__)
/* The call takes ownership of the handle (it now owes the cancel): key
 * handle= (default arg0). */
#define CV_TAKE(...) CV_ROLE_("take", __VA_ARGS__)
/* Silences findings inside the function: remark names (default all). */
#define CV_SUPPRESS(...) CV_ROLE_("suppress", __VA_ARGS__)
/* The call may block. */
#define CV_WAIT CV_ANNOTATE_("cancel-verify:wait")
/* The call reads cancellation state; nonzero/true means cancelled. */
#define CV_OBSERVE CV_ANNOTATE_("cancel-verify:observe")
/* The call returns a root context that is never cancelled. */
#define CV_ROOT CV_ANNOTATE_("cancel-verify:root")
/* A global or struct field whose loads read cancellation state. */
#define CV_FLAG CV_ANNOTATE_("cancel-verify:flag")

#pragma clang diagnostic pop
#else
#define CV_CREATE(...)
#define CV_CANCEL(...)
#define CV_DEFER(...)
#define CV_TAKE(...)
#define CV_SUPPRESS(...)
#define CV_WAIT
#define CV_OBSERVE
#define CV_ROOT
#define CV_FLAG
#endif

#endif /* CANCEL_VERIFY_H */
