// A function that puts a handle into an object it allocates and returns
// hands the handle to its caller inside that object: each call of it is a
// creation of a handle found in what it returns (the handle lives at the
// same field of the caller's pointer). Freeing the object without
// cancelling loses the handle; a destroy function that cancels, or handing
// the object on, discharges it. Returning null where nothing was created is
// the creation's failure, as for any creator that returns a pointer. The
// same holds for a helper that stores the handle it is given into such an
// object.
//
// A function that may return an object it did not just fill (one found in
// a list, a static fallback) is not a creator: its callers owe nothing.
//
// RUN: %cv-remarks O0 %s | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O0
// RUN: %cv-remarks O2 %s | FileCheck %s --implicit-check-not=remark --check-prefixes=CHECK,O2
#include <stdlib.h>
#define CV(s) __attribute__((annotate("cancel-verify:" s)))
typedef struct ctx ctx_t;
typedef struct cancel cancel_t;
CV("create:handle=ret,parent=arg0")
cancel_t *ctx_derive(ctx_t *parent, ctx_t **child);
CV("cancel") void ctx_cancel(cancel_t *c);
int serve(ctx_t *ctx, int fd);

struct session {
  ctx_t *ctx;
  cancel_t *cancel;
  int fd;
  struct session *next;
};

__attribute__((noinline)) struct session *session_new(ctx_t *parent, int fd) {
  struct session *s = malloc(sizeof *s);
  if (!s)
    return NULL;
  // O0: returned-object-holds-handle.c:[[@LINE+2]]:15: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'ctx_derive' is transferred to the caller (returned to the caller at line [[@LINE+5]]); each call of this function is judged as a creation{{$}}
  // O2: returned-object-holds-handle.c:[[@LINE+1]]:15: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'ctx_derive' is transferred to the caller (returned to the caller at line [[@LINE+5]]); each call of this function is judged as a creation{{$}}
  s->cancel = ctx_derive(parent, &s->ctx);
  s->fd = fd;
  s->next = NULL;
  return s;
}

__attribute__((noinline)) void session_free(struct session *s) {
  ctx_cancel(s->cancel);
  free(s);
}

// Bad: the memory goes, the context stays.
int leaks(ctx_t *parent, int fd) {
  // O0: returned-object-holds-handle.c:[[@LINE+2]]:23: remark: LostCancel: returns at {{.*}}returned-object-holds-handle.c:[[@LINE+7]] without cancelling the handle created at line [[@LINE+2]] by 'session_new' ('session_new', which creates it with 'ctx_derive' at line [[@LINE-13]]){{$}}
  // O2: returned-object-holds-handle.c:[[@LINE+1]]:23: remark: LostCancel: returns at {{.*}}returned-object-holds-handle.c:[[@LINE+2]] without cancelling the handle created at line [[@LINE+1]] by 'session_new' ('session_new', which creates it with 'ctx_derive' at line [[@LINE-14]]){{$}}
  struct session *s = session_new(parent, fd);
  if (!s)
    return -1;
  int rc = serve(s->ctx, s->fd);
  free(s);
  return rc;
}

// Good: destroyed on the one path that has a session.
int destroys(ctx_t *parent, int fd) {
  // CHECK: returned-object-holds-handle.c:[[@LINE+1]]:23: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'session_new' ('session_new', which creates it with 'ctx_derive' at line [[@LINE-25]]) is cancelled on every path: cancelled by 'ctx_cancel' at line [[@LINE-18]] (through 'session_free' at line [[@LINE+5]]){{$}}
  struct session *s = session_new(parent, fd);
  if (!s)
    return -1;
  int rc = serve(s->ctx, s->fd);
  session_free(s);
  return rc;
}

// Good: the session goes to the caller, which makes this a creator too.
__attribute__((noinline)) struct session *session_open(ctx_t *parent, int fd) {
  // O0: returned-object-holds-handle.c:[[@LINE+2]]:23: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'session_new' ('session_new', which creates it with 'ctx_derive' at line [[@LINE-36]]) is transferred to the caller (returned to the caller at line [[@LINE+6]]); each call of this function is judged as a creation{{$}}
  // O2: returned-object-holds-handle.c:[[@LINE+1]]:23: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'session_new' ('session_new', which creates it with 'ctx_derive' at line [[@LINE-37]]) is transferred to the caller (returned to the caller at line [[@LINE+6]]); each call of this function is judged as a creation{{$}}
  struct session *s = session_new(parent, fd);
  if (s == NULL)
    return NULL;
  s->fd = fd + 1;
  return s;
}

// Bad: the early return on a failed serve keeps the session.
int leaks_on_error(ctx_t *parent, int fd) {
  // O0: returned-object-holds-handle.c:[[@LINE+2]]:23: remark: LostCancel: returns at {{.*}}returned-object-holds-handle.c:[[@LINE+6]] without cancelling the handle created at line [[@LINE+2]] by 'session_open' ('session_open', which creates it with 'session_new' at line [[@LINE-9]]){{$}}
  // O2: returned-object-holds-handle.c:[[@LINE+1]]:23: remark: LostCancel: returns at {{.*}}returned-object-holds-handle.c:[[@LINE+4]] without cancelling the handle created at line [[@LINE+1]] by 'session_open' ('session_open', which creates it with 'session_new' at line [[@LINE-10]]){{$}}
  struct session *s = session_open(parent, fd);
  if (s == NULL)
    return -1;
  if (serve(s->ctx, s->fd) < 0)
    return -2;
  session_free(s);
  return 0;
}

// A helper that takes the handle into an object it allocates and returns.
struct holder {
  cancel_t *c;
  int mode;
};
__attribute__((noinline)) static struct holder *hold(cancel_t *c) {
  struct holder *h = malloc(sizeof *h);
  if (h == NULL)
    return NULL;
  h->c = c;
  h->mode = 0;
  return h;
}

// Good: cancelled where the holder cannot be made, handed over in it
// otherwise.
__attribute__((noinline)) struct holder *holder_new(ctx_t *p, ctx_t **child) {
  // O0: returned-object-holds-handle.c:[[@LINE+2]]:17: remark: CancelVerified: the handle created at line [[@LINE+2]] by 'ctx_derive' is cancelled on the paths that do not hand it to the caller: cancelled by 'ctx_cancel' at line [[@LINE+5]]; transferred to the caller (returned to the caller at line [[@LINE+8]]); each call of this function is judged as a creation{{$}}
  // O2: returned-object-holds-handle.c:[[@LINE+1]]:17: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'ctx_derive' is cancelled on the paths that do not hand it to the caller: cancelled by 'ctx_cancel' at line [[@LINE+4]]; transferred to the caller (returned to the caller at line [[@LINE+8]]); each call of this function is judged as a creation{{$}}
  cancel_t *c = ctx_derive(p, child);
  struct holder *h = hold(c);
  if (h == NULL) {
    ctx_cancel(c);
    return NULL;
  }
  return h;
}

// Bad: the holder is freed with the handle in it.
void drops_holder(ctx_t *p) {
  ctx_t *child;
  // CHECK: returned-object-holds-handle.c:[[@LINE+1]]:22: remark: LostCancel: returns at {{.*}}returned-object-holds-handle.c:[[@LINE+6]] without cancelling the handle created at line [[@LINE+1]] by 'holder_new' ('holder_new', which creates it with 'ctx_derive' at line [[@LINE-12]]){{$}}
  struct holder *h = holder_new(p, &child);
  if (!h)
    return;
  serve(child, 1);
  free(h);
}

// Good: cancels what the holder holds.
void cancels_holder(ctx_t *p) {
  ctx_t *child;
  // CHECK: returned-object-holds-handle.c:[[@LINE+1]]:22: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'holder_new' ('holder_new', which creates it with 'ctx_derive' at line [[@LINE-23]]) is cancelled on every path: cancelled by 'ctx_cancel' at line [[@LINE+5]]{{$}}
  struct holder *h = holder_new(p, &child);
  if (!h)
    return;
  serve(child, 1);
  ctx_cancel(h->c);
  free(h);
}

// Not a creator: an existing session is returned when there is one.
static struct session *sessions;
void add_session(struct session *s) {
  s->next = sessions;
  sessions = s;
}
__attribute__((noinline)) struct session *find_or_open(ctx_t *parent, int fd) {
  for (struct session *s = sessions; s; s = s->next)
    if (s->fd == fd)
      return s;
  struct session *s = malloc(sizeof *s);
  if (!s)
    return NULL;
  // CHECK: returned-object-holds-handle.c:[[@LINE+1]]:15: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'ctx_derive' is transferred to the caller (returned to the caller at line [[@LINE+3]]){{$}}
  s->cancel = ctx_derive(parent, &s->ctx);
  s->fd = fd;
  return s;
}

// Good for the verifier: find_or_open creates nothing its callers owe.
int uses_found(ctx_t *parent, int fd) {
  struct session *s = find_or_open(parent, fd);
  if (!s)
    return -1;
  return serve(s->ctx, s->fd);
}

// Not a creator: a static fallback when memory runs out.
static struct session fallback;
__attribute__((noinline)) struct session *open_or_fallback(ctx_t *parent,
                                                           int fd) {
  struct session *s = malloc(sizeof *s);
  if (!s)
    return &fallback;
  // CHECK: returned-object-holds-handle.c:[[@LINE+1]]:15: remark: CancelVerified: the handle created at line [[@LINE+1]] by 'ctx_derive' is transferred to the caller (returned to the caller at line [[@LINE+3]]){{$}}
  s->cancel = ctx_derive(parent, &s->ctx);
  s->fd = fd;
  return s;
}

int uses_fallback(ctx_t *parent, int fd) {
  struct session *s = open_or_fallback(parent, fd);
  return serve(s->ctx, s->fd);
}
